package io.vlmeta.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vlmeta.api.VlmetaException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnGlobTest {
    private static boolean matches(String glob, String column) {
        return ColumnGlob.of(glob).matches(column);
    }

    @Test
    void starMatchesAnyRunIncludingNone() {
        assertThat(matches("Study*", "Study")).isTrue();
        assertThat(matches("Study*", "StudyDate")).isTrue();
        assertThat(matches("*Date", "StudyDate")).isTrue();
        assertThat(matches("*Date*", "AcquisitionDateTime")).isTrue();
        assertThat(matches("Study*", "SeriesDate")).isFalse();
        assertThat(matches("*", "anything at all")).isTrue();
    }

    @Test
    void theWholeNameMustMatch() {
        assertThat(matches("Modality", "Modality")).isTrue();
        assertThat(matches("Modality", "ModalityLUTSequence")).isFalse();
        assertThat(matches("Date", "StudyDate")).isFalse();
    }

    @Test
    void isCaseSensitive() {
        assertThat(matches("study*", "StudyDate")).isFalse();
        assertThat(matches("Study*", "studydate")).isFalse();
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        assertThat(matches("tag_????????", "tag_00091001")).isTrue();
        assertThat(matches("tag_????????", "tag_0009100")).isFalse();
        assertThat(matches("tag_????????", "tag_000910011")).isFalse();
    }

    @Test
    void bracketsMatchOneCharacterOfASetOrRange() {
        assertThat(matches("tag_0009[0-9]*", "tag_00091001")).isTrue();
        assertThat(matches("tag_0009[A-F]*", "tag_00091001")).isFalse();
        assertThat(matches("[PS]*Name", "PatientName")).isTrue();
        assertThat(matches("[PS]*Name", "StationName")).isTrue();
        assertThat(matches("[!P]*Name", "PatientName")).isFalse();
        assertThat(matches("[!P]*Name", "StationName")).isTrue();
        assertThat(matches("a[-x]b", "a-b")).isTrue();
    }

    @Test
    void regexAndPathCharactersAreLiteral() {
        assertThat(matches("a.b", "a.b")).isTrue();
        assertThat(matches("a.b", "axb")).isFalse();
        assertThat(matches("score (0-1)+", "score (0-1)+")).isTrue();
        assertThat(matches("dir/*", "dir/sub/name")).as("'/' is an ordinary character in a column name").isTrue();
        assertThat(matches("^$|{a,b}", "^$|{a,b}")).isTrue();
    }

    @Test
    void backslashEscapesAWildcard() {
        assertThat(matches("rate\\*", "rate*")).isTrue();
        assertThat(matches("rate\\*", "rate100")).isFalse();
        assertThat(ColumnGlob.of("rate\\*").isLiteral()).isFalse();
    }

    @Test
    void tellsALiteralNameFromAPattern() {
        assertThat(List.of("Modality", "file_fullpath", "a.b").stream().map(ColumnGlob::of)
                .allMatch(ColumnGlob::isLiteral)).isTrue();
        assertThat(List.of("Study*", "tag_?", "[ab]").stream().map(ColumnGlob::of)
                .noneMatch(ColumnGlob::isLiteral)).isTrue();
    }

    @Test
    void refusesMalformedGlobsWithAUsageError() {
        assertThatThrownBy(() -> ColumnGlob.of("tag_[0-9")).isInstanceOf(VlmetaException.class)
                .hasMessage("Column pattern 'tag_[0-9' opens '[' without a closing ']'.");
        assertThatThrownBy(() -> ColumnGlob.of("rate\\")).isInstanceOf(VlmetaException.class)
                .hasMessageStartingWith("Column pattern 'rate\\' ends with '\\'");
        assertThatThrownBy(() -> ColumnGlob.of(" ")).isInstanceOf(VlmetaException.class)
                .hasMessageStartingWith("An empty column pattern was given");
    }
}

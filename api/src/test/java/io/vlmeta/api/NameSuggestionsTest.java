package io.vlmeta.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameSuggestionsTest {
    private static final List<String> COLUMNS = List.of("file_fullpath", "score", "scene", "captured_at", "weather",
            "tags", "StudyDate", "StudyTime", "SeriesDate");

    @Test
    void distanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(NameSuggestions.distance("", "")).isZero();
        assertThat(NameSuggestions.distance("score", "score")).isZero();
        assertThat(NameSuggestions.distance("", "abc")).isEqualTo(3);
        assertThat(NameSuggestions.distance("abc", "")).isEqualTo(3);
        assertThat(NameSuggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(NameSuggestions.distance("score", "scores")).isEqualTo(1);
        assertThat(NameSuggestions.distance("score", "scre")).isEqualTo(1);
        assertThat(NameSuggestions.distance("score", "Score")).isEqualTo(1);
    }

    @Test
    void swappedNeighboursCostOneEdit() {
        assertThat(NameSuggestions.distance("scroe", "score")).isEqualTo(1);
        assertThat(NameSuggestions.distance("ab", "ba")).isEqualTo(1);
        // restricted: a swapped pair is not edited again (plain Damerau would give 2)
        assertThat(NameSuggestions.distance("ca", "abc")).isEqualTo(3);
    }

    @Test
    void distanceIsSymmetric() {
        for (String a : COLUMNS) {
            for (String b : COLUMNS) {
                assertThat(NameSuggestions.distance(a, b)).isEqualTo(NameSuggestions.distance(b, a));
            }
        }
    }

    @Test
    void suggestsScoreForScroe() {
        assertThat(NameSuggestions.didYouMean("scroe", COLUMNS)).isEqualTo("did you mean 'score'?");
        assertThat(NameSuggestions.hint("scroe", COLUMNS)).isEqualTo(" (did you mean 'score'?)");
    }

    @Test
    void ignoresCaseWhenJudgingCloseness() {
        assertThat(NameSuggestions.closest("studydate", COLUMNS)).containsExactly("StudyDate", "StudyTime");
        assertThat(NameSuggestions.closest("SCORE", COLUMNS)).containsExactly("score");
    }

    @Test
    void listsSeveralNearestFirst() {
        assertThat(NameSuggestions.closest("StudyDat", COLUMNS)).containsExactly("StudyDate");
        assertThat(NameSuggestions.didYouMean("scor", List.of("scorn", "scope", "score")))
                .isEqualTo("did you mean 'scorn' or 'score'?");
        assertThat(NameSuggestions.didYouMean("Date", List.of("Dates", "Data", "Gate", "Dame")))
                .isEqualTo("did you mean 'Dates', 'Data' or 'Gate'?");
    }

    @Test
    void suggestsNothingForAFarName() {
        assertThat(NameSuggestions.closest("colour", COLUMNS)).isEmpty();
        assertThat(NameSuggestions.didYouMean("colour", COLUMNS)).isEmpty();
        assertThat(NameSuggestions.hint("colour", COLUMNS)).isEmpty();
        // a short name allows one edit only: 'id' is not 'tags'
        assertThat(NameSuggestions.closest("id", List.of("tags", "ids", "x"))).containsExactly("ids");
    }

    @Test
    void neverSuggestsTheTypedNameItself() {
        assertThat(NameSuggestions.closest("score", List.of("score", "Score"))).containsExactly("Score");
    }
}

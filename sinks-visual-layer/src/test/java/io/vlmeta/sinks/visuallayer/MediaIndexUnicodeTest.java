package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.Resolution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Paths that look equal: matched in NFC on both sides, and near misses named for keys that match nothing. */
class MediaIndexUnicodeTest {
    private static final String ID_A = "f3e3d00c-1a8e-4a58-85dc-cdea7a8365a0";
    private static final String ID_B = "b1ac12e7-53dc-4c7c-b93d-1836b4aa4f95";
    private static final String ID_C = "0b0e8f43-6f0c-4c8e-9a55-0f4f5f7d2a11";
    /** {@code café} as macOS lists it: {@code e} followed by U+0301 COMBINING ACUTE ACCENT. */
    private static final String CAFE_NFD = "cafe\u0301";
    /** {@code café} as most tools write it: U+00E9. */
    private static final String CAFE_NFC = "caf\u00e9";

    @TempDir
    Path dir;

    private MediaIndex index(MatchMode mode, String... paths) throws IOException {
        String[] ids = {ID_A, ID_B, ID_C};
        StringBuilder csv = new StringBuilder("media_id,filename\n");
        for (int i = 0; i < paths.length; i++) {
            csv.append(ids[i]).append(',').append(paths[i]).append('\n');
        }
        Path file = dir.resolve("export.csv");
        Files.writeString(file, csv);
        return ExportReader.read(file, "export.csv", mode).build("test");
    }

    @Test
    void matchesADecomposedKeyToAPrecomposedDatasetPath() throws IOException {
        MediaIndex index = index(MatchMode.PATH, "images/" + CAFE_NFC + ".jpg", "images/other.jpg");

        assertThat(index.resolve("images/" + CAFE_NFD + ".jpg")).isEqualTo(new Resolution.Matched(ID_A, 0));
        assertThat(index.resolve(CAFE_NFD + ".jpg")).isEqualTo(new Resolution.Matched(ID_A, 0));
    }

    @Test
    void matchesAPrecomposedKeyToADecomposedDatasetPathInEveryMode() throws IOException {
        for (MatchMode mode : MatchMode.values()) {
            MediaIndex index = index(mode, "images/" + CAFE_NFD + ".jpg", "images/other.jpg");

            assertThat(index.resolve("images/" + CAFE_NFC + ".jpg")).as(mode.optionName())
                    .isEqualTo(new Resolution.Matched(ID_A, 0));
            assertThat(index.path(0)).isEqualTo("images/" + CAFE_NFC + ".jpg");
        }
    }

    @Test
    void matchesDecomposedHangulAndKanaVoicingMarks() throws IOException {
        // 한 as three conjoining jamo, and が as か + U+3099 (macOS spells Korean and Japanese names so)
        MediaIndex index = index(MatchMode.PATH, "scans/\uD55C/\u304C.png");

        assertThat(index.resolve("scans/\u1112\u1161\u11AB/\u304B\u3099.png")).isEqualTo(new Resolution.Matched(ID_A, 0));
    }

    @Test
    void tellsPathsThatDifferInCaseApartWhenTheyAreBothInTheDataset() throws IOException {
        MediaIndex index = index(MatchMode.BASENAME, "a/IMG_001.jpg", "b/img_001.jpg");

        assertThat(index.resolve("img_001.jpg")).isEqualTo(new Resolution.Matched(ID_B, 1));
        assertThat(index.resolve("IMG_001.jpg")).isEqualTo(new Resolution.Matched(ID_A, 0));
        assertThat(index.resolve("Img_001.jpg")).isEqualTo(Resolution.Unmatched.INSTANCE);
    }

    @Test
    void namesTheDatasetPathThatDiffersInCaseAndLeadingFolder() throws IOException {
        MediaIndex index = index(MatchMode.PATH, "images/img_001.jpg", "images/img_002.jpg");

        assertThat(index.resolve("IMG_001.JPG")).isEqualTo(Resolution.Unmatched.INSTANCE);
        assertThat(index.nearMiss("IMG_001.JPG")).contains("the dataset has 'images/img_001.jpg' (differs in case "
                + "and leading folder). Paths match letter for letter: write the path as the dataset has it.");
    }

    @Test
    void advisesMatchingByStemWhenOnlyTheExtensionDiffers() throws IOException {
        MediaIndex index = index(MatchMode.PATH, "scans/series1/x001.jpg");

        assertThat(index.resolve("scans/series1/x001.dcm")).isEqualTo(Resolution.Unmatched.INSTANCE);
        assertThat(index.nearMiss("scans/series1/x001.dcm")).contains("the dataset has 'scans/series1/x001.jpg' "
                + "(differs in extension). --match-by stem pairs file names whatever their folders and extension.");
    }

    @Test
    void advisesMatchingByBasenameWhenTheFoldersDifferBeyondTheSuffixRule() throws IOException {
        MediaIndex index = index(MatchMode.PATH, "images/img_001.jpg");

        assertThat(index.resolve("photos/img_001.jpg")).isEqualTo(Resolution.Unmatched.INSTANCE);
        assertThat(index.nearMiss("photos/img_001.jpg")).contains("the dataset has 'images/img_001.jpg' "
                + "(differs in leading folder). --match-by basename pairs file names whatever their folders.");
    }

    @Test
    void namesACompatibilityFormDifferenceSuchAsFullWidthLetters() throws IOException {
        MediaIndex index = index(MatchMode.PATH, "images/img_001.jpg");
        String fullWidth = "images/\uFF49\uFF4D\uFF47_001.jpg";

        assertThat(index.resolve(fullWidth)).isEqualTo(Resolution.Unmatched.INSTANCE);
        assertThat(index.nearMiss(fullWidth)).contains("the dataset has 'images/img_001.jpg' (differs in Unicode "
                + "form). Paths match letter for letter: write the path as the dataset has it.");
    }

    @Test
    void inStemModeACaseDifferenceNeedsOnlyTheRename() throws IOException {
        MediaIndex index = index(MatchMode.STEM, "dicom/Case7.png");

        assertThat(index.resolve("case7.dcm")).isEqualTo(Resolution.Unmatched.INSTANCE);
        assertThat(index.nearMiss("case7.dcm")).contains("the dataset has 'dicom/Case7.png' (differs in case, "
                + "leading folder and extension). Paths match letter for letter: write the path as the dataset has it.");
    }

    @Test
    void namesTheNearestOfSeveralCandidates() throws IOException {
        MediaIndex index = index(MatchMode.PATH, "x/IMG_001.png", "images/Img_001.jpg", "y/img_001.gif");

        assertThat(index.nearMiss("images/img_001.jpg")).contains("the dataset has 'images/Img_001.jpg' (differs "
                + "in case). Paths match letter for letter: write the path as the dataset has it.");
    }

    @Test
    void namesNothingForAKeyUnlikeEveryPath() throws IOException {
        MediaIndex index = index(MatchMode.PATH, "images/img_001.jpg", "images/img_002.jpg");

        assertThat(index.nearMiss("images/img_003.jpg")).isEqualTo(Optional.empty());
        assertThat(index.nearMiss("  ")).isEqualTo(Optional.empty());
    }
}

package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Text that looks equal but is not, through the real command line and the emulator. */
class LookAlikeTextTest {
    /** {@code café} as a macOS file listing writes it: {@code e} + U+0301. */
    private static final String CAFE_NFD = "cafe\u0301";
    /** {@code café} as the dataset (and most tools) write it: U+00E9. */
    private static final String CAFE_NFC = "caf\u00e9";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    private Path csv(String... lines) throws IOException {
        return Files.writeString(dir.resolve("metadata.csv"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private CliRun upload(String dataset, Path csv, String... typeFlags) {
        List<String> args = new java.util.ArrayList<>(List.of("upload", "--csv", csv.toString(), "--dataset-id",
                dataset, "--base-url", EMULATOR.emulator().baseUrl(), "--state-dir", dir.resolve("state").toString()));
        args.addAll(List.of(typeFlags));
        return CliRun.of(Map.of(), dir, args.toArray(String[]::new));
    }

    private Object stored(String dataset, String field, String file) {
        return EMULATOR.emulator().values(dataset, field).get(EMULATOR.emulator().mediaId(dataset, file));
    }

    @Test
    void uploadsARowWhosePathMacOsWroteDecomposedToTheDatasetsPrecomposedFile() throws IOException {
        EMULATOR.emulator().addDataset("nfc", List.of("photos/" + CAFE_NFC + ".jpg", "photos/bar.jpg"));
        Path csv = csv("file_fullpath,score", "photos/" + CAFE_NFD + ".jpg,0.5", "photos/bar.jpg,1");

        CliRun run = upload("nfc", csv, "--float-fields", "score");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(stored("nfc", "score", "photos/" + CAFE_NFC + ".jpg")).hasToString("0.5");
        assertThat(stored("nfc", "score", "photos/bar.jpg")).hasToString("1");
    }

    @Test
    void namesTheDatasetPathThatAnUnmatchedKeyDiffersFromInCaseAndLeadingFolder() throws IOException {
        EMULATOR.emulator().addDataset("hint", List.of("images/img_001.jpg", "images/img_002.jpg"));
        Path csv = csv("file_fullpath,score", "images/img_002.jpg,2", "IMG_001.JPG,1", "img_003.jpg,3");

        CliRun run = upload("hint", csv, "--float-fields", "score");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        assertThat(run.out()).contains("Row 3: 'IMG_001.JPG' matches no media item in ")
                .contains("; the dataset has 'images/img_001.jpg' (differs in case and leading folder). Paths match "
                        + "letter for letter: write the path as the dataset has it. Or pass --allow-unmatched to skip "
                        + "such rows.\n")
                .contains("Row 4: 'img_003.jpg' matches no media item in ")
                .contains(". Check the path, or pass --allow-unmatched to skip such rows.\n");
        assertThat(EMULATOR.emulator().schema("hint")).isEmpty();
    }

    @Test
    void advisesMatchingByStemForAKeyWhoseExtensionDiffers() throws IOException {
        EMULATOR.emulator().addDataset("stem", List.of("scans/x001.png"));
        Path csv = csv("file_fullpath,score", "scans/x001.dcm,1");

        CliRun run = upload("stem", csv, "--float-fields", "score");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        assertThat(run.out()).contains("; the dataset has 'scans/x001.png' (differs in extension). --match-by stem "
                + "pairs file names whatever their folders and extension. Or pass --allow-unmatched");
        CliRun byStem = upload("stem", csv, "--float-fields", "score", "--match-by", "stem");
        assertThat(byStem.exitCode()).as(byStem.both()).isZero();
        assertThat(stored("stem", "score", "scans/x001.png")).hasToString("1");
    }

    @Test
    void refusesANulCharacterNamingRowFieldAndPositionAndUploadsNothing() throws IOException {
        EMULATOR.emulator().addDataset("nul", List.of("a.jpg", "b.jpg"));
        Path csv = csv("file_fullpath,notes,status", "a.jpg,fine,ok", "b.jpg,checked\u0000 ok,o\u0007k");

        CliRun run = upload("nul", csv, "--string-fields", "notes", "--enum-fields", "status");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        assertThat(run.out()).contains("Row 3, field 'notes': Holds control character U+0000 at position 8; remove "
                + "it (many stores cannot hold U+0000 and invisible characters make two values look alike).\n")
                .contains("Row 3, field 'status': Holds control character U+0007 at position 2; remove it");
        assertThat(EMULATOR.emulator().schema("nul")).isEmpty();
    }

    @Test
    void declaresEnumOptionsSpeltAlikeOnceAndSendsTheDeclaredForm() throws IOException {
        EMULATOR.emulator().addDataset("venues", List.of("a.jpg", "b.jpg", "c.jpg"));
        Path csv = csv("file_fullpath,venue,kinds", "a.jpg," + CAFE_NFD + "," + CAFE_NFD,
                "b.jpg," + CAFE_NFC + ",\"" + CAFE_NFC + ", bar\"", "c.jpg,bar,\"" + CAFE_NFD + ", " + CAFE_NFC + "\"");

        CliRun run = upload("venues", csv, "--enum-fields", "venue", "--multi-enum-fields", "kinds");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(EMULATOR.emulator().schema("venues")).contains(
                Map.of("field_name", "venue", "field_type", "enum", "is_multi", false,
                        "enum_options", List.of("bar", CAFE_NFC)),
                Map.of("field_name", "kinds", "field_type", "enum", "is_multi", true,
                        "enum_options", List.of("bar", CAFE_NFC)));
        assertThat(stored("venues", "venue", "a.jpg")).isEqualTo(CAFE_NFC);
        assertThat(stored("venues", "venue", "b.jpg")).isEqualTo(CAFE_NFC);
        assertThat(stored("venues", "kinds", "a.jpg")).isEqualTo(List.of(CAFE_NFC));
        assertThat(stored("venues", "kinds", "b.jpg")).isEqualTo(List.of(CAFE_NFC, "bar"));
        assertThat(stored("venues", "kinds", "c.jpg")).isEqualTo(List.of(CAFE_NFC));
    }
}

package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code --export-file} that is no export is refused by validate and upload alike with the export
 * reader's one line and the exit code of its kind: 3 for a malformed export, 1 for one that cannot be read.
 */
class ExportFileRefusalCliTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    private CliRun validate(Path export) {
        List<String> args = new ArrayList<>(List.of("validate", "--csv", Examples.METADATA.toString(),
                "--report", dir.resolve("check.html").toString(), "--export-file", export.toString()));
        args.addAll(Examples.typeFlags());
        return CliRun.of(Map.of(), dir, args.toArray(String[]::new));
    }

    @BeforeAll
    static void addDataset() throws IOException {
        EMULATOR.emulator().addDataset("refusals", Examples.filenames());
    }

    private CliRun upload(Path export) {
        List<String> args = new ArrayList<>(List.of("upload", "--csv", Examples.METADATA.toString(), "--dataset-id",
                "refusals", "--base-url", EMULATOR.emulator().baseUrl(), "--state-dir", dir.resolve("state").toString(),
                "--export-file", export.toString()));
        args.addAll(Examples.typeFlags());
        return CliRun.of(Map.of(), dir, args.toArray(String[]::new));
    }

    private static void assertRefused(CliRun run, int exitCode, String message) {
        assertThat(run.exitCode()).as(run.both()).isEqualTo(exitCode);
        assertThat(run.err()).as(run.both()).endsWith("Error: " + message + "\n")
                .doesNotContain("Exception", "Jackson", "REDACTED", "directory");
    }

    @Test
    void aFolderIsRefusedAsAFolderWithExitCode1() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("exports"));
        String message = "The export file " + folder + " is a folder: give the export file itself, the dataset's "
                + "CSV export or its metadata.json.";

        assertRefused(validate(folder), 1, message);
        assertRefused(upload(folder), 1, message);
    }

    @Test
    void aMissingFileIsRefusedWithExitCode1() throws IOException {
        Path missing = dir.resolve("export_media_id.csv");

        assertRefused(validate(missing), 1, "The export file " + missing + " does not exist.");
        assertRefused(upload(missing), 1, "The export file " + missing + " does not exist.");
    }

    @Test
    void aMetadataJsonThatIsNotJsonIsRefusedInPlainWordsWithExitCode3() throws IOException {
        Path json = Files.writeString(dir.resolve("metadata.json"), "[{\"filename\":\"a.jpg\",\"media_id\":\"1\"}]]");

        CliRun run = validate(json);

        assertRefused(run, 3, "The export " + json + " is not valid JSON at line 1, column 38: a ']' with no '[' "
                + "open. Give the export as Visual Layer wrote it: a metadata.json is one JSON object with "
                + "'media_items', or an array of items.");
    }

    @Test
    void anEmptyExportIsRefusedAsEmptyWithExitCode3() throws IOException {
        Path empty = Files.writeString(dir.resolve("export_media_id.csv"), "");

        assertRefused(validate(empty), 3, "The export " + empty + " is empty: an export is the dataset's CSV (with "
                + "the columns 'filename' and 'media_id') or its metadata.json (an object with 'media_items', or an "
                + "array of items).");
    }
}

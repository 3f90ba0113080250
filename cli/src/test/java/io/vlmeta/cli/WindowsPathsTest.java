package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths typed on Windows, as far as a Linux build can check them. In the metadata file's path column a
 * {@code \} is a folder separator wherever the file was written ({@code MediaKeys.normalize}); in
 * {@code --csv} the path is the operating system's, handed to it as typed: on Linux a {@code \} is part of a
 * file name, and a path that is not there is named exactly as the user typed it.
 */
class WindowsPathsTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    private Path examplesWithPaths(String name, Map<String, String> paths) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Examples.METADATA, StandardCharsets.UTF_8)) {
            String path = line.substring(0, line.indexOf(','));
            lines.add(paths.getOrDefault(path, path) + line.substring(line.indexOf(',')));
        }
        return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }

    private List<String> args(String dataset, String csv) {
        List<String> args = new ArrayList<>(List.of("upload", "--csv", csv, "--dataset-id", dataset,
                "--base-url", EMULATOR.emulator().baseUrl(), "--state-dir", dir.resolve("state").toString()));
        args.addAll(Examples.typeFlags());
        return args;
    }

    private Object stored(String dataset, String field, String file) {
        return EMULATOR.emulator().values(dataset, field).get(EMULATOR.emulator().mediaId(dataset, file));
    }

    @Test
    void uploadsRowsWhosePathsUseBackslashesToTheMediaTheyName() throws IOException {
        EMULATOR.emulator().addDataset("backslashes", Examples.filenames());
        Path csv = examplesWithPaths("windows.csv", Map.of(
                "images/street_001.jpg", "images\\street_001.jpg",
                "images/park_002.jpg", ".\\images\\park_002.jpg",
                "images/night_003.jpg", "C:\\Users\\me\\survey\\images\\night_003.jpg"));

        CliRun run = CliRun.of(Map.of(), dir, args("backslashes", csv.toString()).toArray(String[]::new));

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("Mapped 12 of 12 files\n");
        assertThat(stored("backslashes", "confidence", "images/street_001.jpg")).isEqualTo(new BigDecimal("0.94"));
        assertThat(stored("backslashes", "captured_at", "images/park_002.jpg")).isEqualTo("2024-03-09T10:42:10Z");
        assertThat(stored("backslashes", "reference_url", "images/night_003.jpg"))
                .isEqualTo("https://example.com/surveys/night-003");
    }

    @Test
    void aBackslashSpellingOfAPathIsTheSameFileAsTheSlashSpelling() throws IOException {
        EMULATOR.emulator().addDataset("same-file", Examples.filenames());
        List<String> lines = new ArrayList<>(Files.readAllLines(Examples.METADATA, StandardCharsets.UTF_8));
        lines.add(lines.get(1).replace("images/street_001.jpg", "images\\street_001.jpg"));
        Path csv = Files.write(dir.resolve("same.csv"), lines, StandardCharsets.UTF_8);

        CliRun run = CliRun.of(Map.of(), dir, args("same-file", csv.toString()).toArray(String[]::new));

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("Completed 'caption': 12 rows inserted\n")
                .contains("Row 14: 'images\\street_001.jpg' repeats row 2 with identical values; uploaded once.");
    }

    @Test
    void aBackslashSpellingWithOtherValuesIsAConflictAndNothingIsSent() throws IOException {
        EMULATOR.emulator().addDataset("conflict", Examples.filenames());
        List<String> lines = new ArrayList<>(Files.readAllLines(Examples.METADATA, StandardCharsets.UTF_8));
        lines.add(lines.get(1).replace("images/street_001.jpg", "images\\street_001.jpg").replace(",0.94,", ",0.5,"));
        Path csv = Files.write(dir.resolve("conflict.csv"), lines, StandardCharsets.UTF_8);

        CliRun run = CliRun.of(Map.of(), dir, args("conflict", csv.toString()).toArray(String[]::new));

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        assertThat(run.out()).contains("Row 14").contains("images\\street_001.jpg");
        assertThat(EMULATOR.emulator().schema("conflict")).isEmpty();
    }

    @Test
    void readsACsvWhoseLinuxFileNameHoldsABackslash() throws IOException {
        Path csv = Files.copy(Examples.METADATA, dir.resolve("exports\\metadata.csv"));

        CliRun run = CliRun.of(Map.of(), dir, "validate", "--csv", csv.toString(), "--string-fields", "caption");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("Ready to upload: 1/1 field");
    }

    @Test
    void namesAMissingWindowsCsvPathExactlyAsTyped() {
        CliRun run = CliRun.of(Map.of(), dir, "validate", "--csv", "C:\\Users\\me\\My Data\\metadata.csv",
                "--string-fields", "caption");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: C:\\Users\\me\\My Data\\metadata.csv does not exist.\n");
    }
}

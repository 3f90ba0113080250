package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import io.vlmeta.emulator.FaultPlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code vlmeta export} against the emulator over HTTP, then {@code validate} offline with what it saved. */
class ExportCommandTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(Map.of(), dir, args);
    }

    @Test
    void savesTheDatasetsExportSoValidateMapsEveryPathOffline() throws Exception {
        EMULATOR.emulator().addDataset("rehearse", Examples.filenames());
        Path saved = dir.resolve("exports/rehearse.csv");

        CliRun export = run("export", "--dataset-id", "rehearse", "--base-url", EMULATOR.emulator().baseUrl(),
                "-o", saved.toString());

        assertThat(export.exitCode()).as(export.both()).isZero();
        assertThat(export.out()).isEqualTo(saved + "\n");
        int media = Examples.filenames().size();
        assertThat(export.err()).contains("Saved " + media + " media of dataset rehearse to " + saved);
        List<String> lines = Files.readAllLines(saved, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(media + 1);
        assertThat(String.join("\n", lines)).contains("images/night_002.jpg");

        List<String> args = new ArrayList<>(List.of("validate", "--csv", Examples.METADATA.toString(),
                "--export-file", saved.toString(), "--report", dir.resolve("check.html").toString()));
        args.addAll(Examples.typeFlags());
        CliRun validate = run(args.toArray(String[]::new));

        assertThat(validate.exitCode()).as(validate.both()).isZero();
        assertThat(validate.out()).contains("Media mapping: export file " + saved + " (" + media + " media")
                .contains("Mapped 12 of 12 files");
    }

    @Test
    void takesTheSinksOptionsAsUploadDoesSoItsTimeoutsCanBeSet() throws Exception {
        EMULATOR.emulator().addDataset("timeouts", Examples.filenames());
        Path saved = dir.resolve("timeouts.csv");

        CliRun set = run("export", "--dataset-id", "timeouts", "--base-url", EMULATOR.emulator().baseUrl(), "-o",
                saved.toString(), "--sink-option", "connect-timeout-ms=3000");
        CliRun refused = run("export", "--dataset-id", "timeouts", "--base-url", EMULATOR.emulator().baseUrl(), "-o",
                saved.toString(), "--sink-option", "connect-timeout-ms=soon");

        assertThat(set.exitCode()).as(set.both()).isZero();
        assertThat(refused.exitCode()).as(refused.both()).isEqualTo(2);
        assertThat(refused.err()).contains("connect-timeout-ms");
    }

    @Test
    void refusesAnUnknownOrBadSinkOptionAsUploadDoesBeforeAskingTheServer() throws Exception {
        EMULATOR.emulator().addDataset("options", Examples.filenames());
        long before = requests();
        Path saved = dir.resolve("options.csv");

        CliRun unknown = run("export", "--dataset-id", "options", "--base-url", EMULATOR.emulator().baseUrl(), "-o",
                saved.toString(), "--sink-option", "conect-timeout-ms=3000");
        CliRun tooLong = run("export", "--dataset-id", "options", "--base-url", EMULATOR.emulator().baseUrl(), "-o",
                saved.toString(), "--sink-option", "connect-timeout-ms=2147483648");
        CliRun upload = run("upload", "--csv", Examples.METADATA.toString(), "--infer", "--dataset-id", "options",
                "--base-url", EMULATOR.emulator().baseUrl(), "--dry-run", "--sink-option", "conect-timeout-ms=3000");

        assertThat(unknown.exitCode()).as(unknown.both()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("Error: Unknown --sink-option 'conect-timeout-ms': the visual-layer sink "
                + "reads cancel-wait-ms, connect-timeout-ms, one-file-per-field, poll-interval-ms, poll-max-interval-ms, "
                + "queued-batches, read-back-wait-ms, request-timeout-ms, retry-base-delay-ms, retry-max-attempts, "
                + "retry-max-delay-ms.\n");
        assertThat(upload.err()).contains("Error: Unknown --sink-option 'conect-timeout-ms': the visual-layer sink "
                + "reads cancel-wait-ms, connect-timeout-ms,");
        assertThat(tooLong.exitCode()).as(tooLong.both()).isEqualTo(2);
        assertThat(tooLong.err()).isEqualTo("Error: Sink option 'connect-timeout-ms' must be a whole number from 1 to "
                + "2147483647, not '2147483648'.\n");
        assertThat(requests()).isEqualTo(before);
        assertThat(saved).doesNotExist();
    }

    private static long requests() {
        return FaultPlan.ENDPOINTS.stream().mapToLong(EMULATOR.emulator()::requestCount).sum();
    }

    @Test
    void namesTheFileAfterTheDatasetWhenNoOutputIsGiven() throws Exception {
        EMULATOR.emulator().addDataset("named", Examples.filenames());

        CliRun export = CliRun.of(Map.of("VL_BASE_URL", EMULATOR.emulator().baseUrl(), "VL_DATASET_ID", "named",
                "VLMETA_PROGRAM", "./vlmeta"), dir, "export", "-o",
                dir.resolve(ExportCommand.defaultFileName("named")).toString());

        assertThat(export.exitCode()).as(export.both()).isZero();
        assertThat(dir.resolve("export_media_id-named.csv")).exists();
        // the next command, as the user called vlmeta
        assertThat(export.err()).contains("Check paths offline with: ./vlmeta validate --export-file "
                + ResumeCommand.quote(dir.resolve("export_media_id-named.csv").toString()) + " ...");
        assertThat(ExportCommand.defaultFileName("a/b c")).isEqualTo("export_media_id-a_b_c.csv");
    }

    @Test
    void anUnknownDatasetIsOneErrorNamingItAndLeavesNoFileBehind() {
        Path target = dir.resolve("absent.csv");

        CliRun export = run("export", "--dataset-id", "no-such-dataset", "--base-url", EMULATOR.emulator().baseUrl(),
                "-o", target.toString());

        assertThat(export.exitCode()).as(export.both()).isEqualTo(3);
        assertThat(export.err()).contains("Error: Dataset 'no-such-dataset' was not found")
                .doesNotContain("Exception");
        assertThat(target).doesNotExist();
        assertThat(dir.toFile().list()).noneMatch(name -> name.endsWith(".part"));
    }

    @Test
    void noDatasetIsAUsageError() {
        CliRun export = run("export", "--base-url", EMULATOR.emulator().baseUrl());

        assertThat(export.exitCode()).isEqualTo(2);
        assertThat(export.err()).isEqualTo("Error: No dataset given: pass --dataset-id (or set VL_DATASET_ID).\n");
    }
}

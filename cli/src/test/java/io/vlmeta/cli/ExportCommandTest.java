package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
                + "2147483647; the value given is 2147483648.\n");
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

    @Test
    void withJsonStdoutHoldsOneDocumentNamingTheFileTheMediaTheDatasetAndTheServerWithoutCredentials() throws Exception {
        EMULATOR.emulator().addDataset("scripted", Examples.filenames());
        Path saved = dir.resolve("exports/./scripted.csv");
        String server = EMULATOR.emulator().baseUrl();
        String withPassword = server.replace("://", "://robot:S3CRET@");

        CliRun export = run("export", "--dataset-id", "scripted", "--base-url", withPassword, "-o", saved.toString(),
                "--json");

        assertThat(export.exitCode()).as(export.both()).isZero();
        assertThat(export.out()).isEqualTo("{\"status\":\"exported\",\"exit_code\":0,\"file\":\""
                + dir.resolve("exports/scripted.csv") + "\",\"media\":" + Examples.filenames().size()
                + ",\"dataset_id\":\"scripted\",\"base_url\":\"" + server + "\"}\n");
        assertThat(export.err()).contains("Saved " + Examples.filenames().size() + " media of dataset scripted to "
                + saved);
        assertThat(export.both()).doesNotContain("S3CRET").doesNotContain("robot");
        assertThat(dir.resolve("exports/scripted.csv")).exists();
    }

    @Test
    void withJsonARefusalOfTheServerIsTheErrorDocumentWithItsExitCode() throws Exception {
        CliRun export = run("export", "--dataset-id", "no-such-dataset", "--base-url", EMULATOR.emulator().baseUrl(),
                "-o", dir.resolve("absent.csv").toString(), "--json");

        assertThat(export.exitCode()).as(export.both()).isEqualTo(3);
        JsonNode error = errorDocument(export);
        assertThat(error.get("exit_code").asInt()).isEqualTo(3);
        assertThat(export.err()).endsWith("Error: " + error.get("error").asText() + "\n");
        assertThat(error.get("error").asText()).startsWith("Dataset 'no-such-dataset' was not found");
    }

    @Test
    void withJsonAUsageErrorIsTheErrorDocumentWhetherTheParserOrTheCommandRefusesIt() throws Exception {
        CliRun noValue = run("export", "--json", "--dataset-id");
        CliRun noDataset = run("export", "--json", "--base-url", EMULATOR.emulator().baseUrl());
        CliRun badOption = run("export", "--json", "--dataset-id", "d", "--base-url", EMULATOR.emulator().baseUrl(),
                "--sink-option", "conect-timeout-ms=3000");

        for (CliRun refused : List.of(noValue, noDataset, badOption)) {
            assertThat(refused.exitCode()).as(refused.both()).isEqualTo(2);
            assertThat(errorDocument(refused).get("exit_code").asInt()).isEqualTo(2);
        }
        assertThat(errorDocument(noDataset).get("error").asText())
                .isEqualTo("No dataset given: pass --dataset-id (or set VL_DATASET_ID).");
        assertThat(errorDocument(badOption).get("error").asText())
                .startsWith("Unknown --sink-option 'conect-timeout-ms': the visual-layer sink reads ");
    }

    @Test
    void aDashAsTheOutputIsRefusedAsStandardOutputNotSavedAsAFileNamedDash() throws Exception {
        EMULATOR.emulator().addDataset("dashed", Examples.filenames());
        long before = requests();

        CliRun json = run("export", "--dataset-id", "dashed", "--base-url", EMULATOR.emulator().baseUrl(), "-o", "-",
                "--json");
        CliRun plain = run("export", "--dataset-id", "dashed", "--base-url", EMULATOR.emulator().baseUrl(), "-o", "-");

        assertThat(json.exitCode()).as(json.both()).isEqualTo(2);
        assertThat(json.err()).isEqualTo("Error: Cannot save the export to -o '-': it is '-', which names a file "
                + "called '-' here, not standard output; name a regular file, e.g. -o export_media_id-ID.csv, for "
                + "'validate --export-file' to read (with --json standard output holds the JSON document only).\n");
        assertThat(errorDocument(json).get("exit_code").asInt()).isEqualTo(2);
        assertThat(plain.exitCode()).as(plain.both()).isEqualTo(2);
        assertThat(plain.err()).isEqualTo("Error: Cannot save the export to -o '-': it is '-', which names a file "
                + "called '-' here, not standard output; name a regular file, e.g. -o export_media_id-ID.csv, for "
                + "'validate --export-file' to read.\n");
        assertThat(plain.out()).isEmpty();
        assertThat(Path.of("-")).doesNotExist();
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void aPipeALinkToOneAFolderOrAnEmptyPathIsRefusedBeforeTheServerIsAskedAndStaysAsItWas() throws Exception {
        EMULATOR.emulator().addDataset("linked", Examples.filenames());
        Path pipe = dir.resolve("pipe.csv");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        Path link = Files.createSymbolicLink(dir.resolve("out.csv"), pipe);
        Path folder = Files.createDirectories(dir.resolve("folder.csv"));
        long before = requests();

        CliRun toLink = run("export", "--dataset-id", "linked", "--base-url", EMULATOR.emulator().baseUrl(), "-o",
                link.toString(), "--json");
        CliRun toPipe = run("export", "--dataset-id", "linked", "--base-url", EMULATOR.emulator().baseUrl(), "-o",
                pipe.toString());
        CliRun toFolder = run("export", "--dataset-id", "linked", "--base-url", EMULATOR.emulator().baseUrl(), "-o",
                folder.toString());
        CliRun toEmpty = run("export", "--dataset-id", "linked", "--base-url", EMULATOR.emulator().baseUrl(), "-o",
                "");

        String instead = "; name a regular file, e.g. -o export_media_id-ID.csv, for 'validate --export-file' to read";
        assertThat(toLink.exitCode()).as(toLink.both()).isEqualTo(2);
        assertThat(toLink.err()).isEqualTo("Error: Cannot save the export to -o '" + link + "': it is a link to "
                + pipe.toRealPath() + ", a pipe" + instead
                + " (with --json standard output holds the JSON document only).\n");
        assertThat(errorDocument(toLink).get("exit_code").asInt()).isEqualTo(2);
        assertThat(Files.readSymbolicLink(link)).isEqualTo(pipe);
        assertThat(toPipe.exitCode()).as(toPipe.both()).isEqualTo(2);
        assertThat(toPipe.err()).isEqualTo("Error: Cannot save the export to -o '" + pipe + "': it is a pipe"
                + instead + ".\n");
        assertThat(Files.isRegularFile(pipe)).isFalse();
        assertThat(Files.exists(pipe)).isTrue();
        assertThat(toFolder.err()).isEqualTo("Error: Cannot save the export to -o '" + folder + "': it is a folder"
                + instead + ".\n");
        assertThat(toEmpty.err()).isEqualTo("Error: Cannot save the export to -o '': it is empty" + instead + ".\n");
        assertThat(toEmpty.exitCode()).isEqualTo(2);
        assertThat(requests()).isEqualTo(before);
    }

    /** @return the one JSON document on standard output, which must be an error document */
    private static JsonNode errorDocument(CliRun run) throws Exception {
        assertThat(run.out()).as(run.both()).hasLineCount(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("status").asText()).isEqualTo("error");
        assertThat(json.fieldNames()).toIterable().containsExactly("status", "exit_code", "error");
        return json;
    }
}

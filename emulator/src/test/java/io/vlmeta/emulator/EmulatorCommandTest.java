package io.vlmeta.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EmulatorCommandTest {
    private static final Pattern BASE_URL = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path dir;

    /** Runs the command in the background until its banner is out; returns the thread and the output. */
    private record Running(Thread thread, StringWriter out, AtomicInteger exitCode) {
        String baseUrl() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                Matcher matcher = BASE_URL.matcher(out.toString());
                if (matcher.find() && out.toString().contains("Press Ctrl+C")) {
                    return matcher.group(1);
                }
                Thread.sleep(25);
            }
            throw new AssertionError("no banner: " + out);
        }

        /** Interrupts the command, as Ctrl+C does, and waits until it has written its state and returned. */
        void stop() throws InterruptedException {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(thread.isAlive()).as("the emulator command still runs 30 s after its interrupt").isFalse();
        }
    }

    private static Running run(String... args) {
        StringWriter out = new StringWriter();
        AtomicInteger exitCode = new AtomicInteger(-1);
        CommandLine command = new CommandLine(new EmulatorCommand()).setOut(new PrintWriter(out, true));
        Thread thread = new Thread(() -> exitCode.set(command.execute(args)));
        thread.start();
        return new Running(thread, out, exitCode);
    }

    private static int usageError(StringWriter err, String... args) {
        return new CommandLine(new EmulatorCommand()).setErr(new PrintWriter(err, true)).execute(args);
    }

    @Test
    void listensOnPort8080UnlessToldOtherwiseTheCommandLinesDefaultServer() {
        CommandLine command = new CommandLine(new EmulatorCommand());
        command.parseArgs("--dataset", "demo=files.txt");
        Object port = command.getCommandSpec().findOption("--port").getValue();

        assertThat(port).isEqualTo(8080);
        assertThat(command.getUsageMessage().replaceAll("\\s+", " ")).contains("(default: 8080)"); // help wraps at any width
    }

    @Test
    void servesDatasetsFromAFileListAndAnExportAndDumpsTheStateOnExit() throws Exception {
        Path list = Files.writeString(dir.resolve("files.txt"), "images/a.jpg\n\n  images/b.jpg  \n");
        Path export = dir.resolve("export.csv");
        Files.copy(Path.of(sharedDir(), "fixtures/dicom/export_media_id.csv"), export);
        long exportRows = Files.readAllLines(export).stream().skip(1).filter(line -> !line.isBlank()).count();
        Path dump = dir.resolve("state.json");

        Running running = run("--port", "0", "--dataset", "demo=" + list, "--dataset", "dicom=" + export,
                "--dataset-status", "dicom=INDEXING", "--polls-to-complete", "0", "--dump", dump.toString());
        String baseUrl = running.baseUrl();
        ApiClient api = new ApiClient(baseUrl, null);
        String task = api.declare("demo", "{\"field_name\": \"notes\", \"field_type\": \"string\"}");
        String mediaId = MediaIds.derive("demo", "images/b.jpg").toString();
        api.uploadTo("demo", task, "[{\"media_id\": \"" + mediaId + "\", \"value\": \"hello\"}]");
        int declareOnIndexing = api.postJson("/api/v1/datasets/dicom/custom_metadata/tasks",
                "{\"field_name\": \"x\", \"field_type\": \"string\"}").statusCode();
        running.stop();

        assertThat(declareOnIndexing).isEqualTo(409);
        assertThat(running.exitCode().get()).isZero();
        assertThat(running.out().toString()).contains(
                "  dataset demo: 2 media, READY",
                "  dataset dicom: " + exportRows + " media, INDEXING",
                "State written to " + dump);
        var state = Jsons.read(Files.readString(dump));
        assertThat(state.get("datasets").get(0).get("media").get(1).get("filename").asText()).isEqualTo("images/b.jpg");
        assertThat(state.get("datasets").get(0).get("fields").get(0).get("values").get(mediaId).asText())
                .isEqualTo("hello");
        assertThat(state.get("datasets").get(1).get("media")).hasSize((int) exportRows);
    }

    @Test
    void cloudModeReadsTheSecretFromAFileAndNeverPrintsIt() throws Exception {
        Path list = Files.writeString(dir.resolve("files.txt"), "a.jpg\n");
        Path secret = Files.writeString(dir.resolve("secret"), "very-secret-value\n");

        Running running = run("--port", "0", "--dataset", "demo=" + list, "--api-key", "k1",
                "--api-secret-file", secret.toString(), "--unavailable-fraction", "1");
        String baseUrl = running.baseUrl();
        int anonymous = new ApiClient(baseUrl, null).get("/api/v1/dataset/demo").statusCode();
        running.stop();

        assertThat(anonymous).isEqualTo(503);
        assertThat(running.out().toString()).contains("tokens required for API key k1").doesNotContain("very-secret");
    }

    @Test
    void strictModeAndFaultsAfterProcessingAreSetFromFlags() throws Exception {
        Path list = Files.writeString(dir.resolve("files.txt"), "a.jpg\nb.jpg\n");

        Running running = run("--port", "0", "--dataset", "demo=" + list, "--polls-to-complete", "0", "--strict",
                "--bad-gateway-nth", "upload:1", "--apply-delay", "50ms");
        String baseUrl = running.baseUrl();
        ApiClient api = new ApiClient(baseUrl, null);
        String task = api.declare("demo", "{\"field_name\": \"notes\", \"field_type\": \"string\"}");
        String a = MediaIds.derive("demo", "a.jpg").toString();
        int first = api.uploadTo("demo", task, "[{\"media_id\": \"" + a + "\", \"value\": \"x\"}]").statusCode();
        var second = api.uploadTo("demo", task, "[]");
        var readBack = readBackOnceApplied(api, "demo", a);
        running.stop();

        assertThat(running.out().toString()).contains("  tasks: ONE_UPLOAD, files applied 50 ms after their answer");
        assertThat(first).isEqualTo(502);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(Jsons.read(second.body()).get("detail").asText()).contains("a task accepts a single upload");
        assertThat(readBack.get(0).get("value").asText()).isEqualTo("x");
    }

    /** Reads a medium's metadata back until the file applied after its answer holds a value, for up to 30 s. */
    private static com.fasterxml.jackson.databind.JsonNode readBackOnceApplied(ApiClient api, String dataset,
            String mediaId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            var readBack = Jsons.read(api.get("/api/v1/datasets/" + dataset + "/image/" + mediaId + "/custom_metadata")
                    .body());
            if (!readBack.isEmpty() || System.nanoTime() > deadline) {
                return readBack;
            }
            Thread.sleep(20);
        }
    }

    @Test
    void badFlagsAreUsageErrorsInOneSentence() {
        StringWriter err = new StringWriter();
        assertThat(usageError(err, "--port", "0", "--api-key", "k")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Error: --api-key and --api-secret (or --api-secret-file) go together:");

        StringWriter missing = new StringWriter();
        assertThat(usageError(missing, "--port", "0", "--dataset", "d=" + dir.resolve("nope.txt"))).isEqualTo(2);
        assertThat(missing.toString()).startsWith("Error: Cannot read the file list of dataset 'd' (" + dir.resolve("nope.txt"));

        StringWriter failNth = new StringWriter();
        assertThat(usageError(failNth, "--port", "0", "--fail-nth", "upload:1:S3CRq")).isEqualTo(2);
        assertThat(failNth.toString()).startsWith("Error: --fail-nth takes ENDPOINT:N:STATUS, N and STATUS whole "
                + "numbers, e.g. upload:3:503; the value given is not of that form.").doesNotContain("S3CRq");

        StringWriter badGateway = new StringWriter();
        assertThat(usageError(badGateway, "--port", "0", "--bad-gateway-nth", "upload:S3CRq")).isEqualTo(2);
        assertThat(badGateway.toString()).startsWith("Error: --bad-gateway-nth takes ENDPOINT:N, N a whole number, "
                + "e.g. upload:2; the value given is not of that form.").doesNotContain("S3CRq");

        StringWriter policies = new StringWriter();
        assertThat(usageError(policies, "--port", "0", "--strict", "--task-policy", "CLOSED_BY_FINAL_POLL")).isEqualTo(2);
        assertThat(policies.toString()).startsWith("Error: --strict means --task-policy ONE_UPLOAD; give one or the other");

        StringWriter status = new StringWriter();
        assertThat(usageError(status, "--port", "0", "--dataset-status", "ghost=READY")).isEqualTo(2);
        assertThat(status.toString()).startsWith("Error: --dataset-status names dataset 'ghost', which no --dataset defines");

        StringWriter delay = new StringWriter();
        assertThat(usageError(delay, "--port", "0", "--delay", "soon")).isEqualTo(2);
        assertThat(delay.toString()).contains("'soon' is not a duration: write e.g. 500ms, 30s, 5m, 1h or PT30S");
    }

    /** @return the first line the command prints on standard error for {@code args}, asserting a usage error */
    private static String refusal(String... args) {
        StringWriter err = new StringWriter();
        assertThat(usageError(err, args)).as(err.toString()).isEqualTo(2);
        return err.toString().lines().findFirst().orElseThrow();
    }

    @Test
    void aNumberOutOfItsOptionsRangeIsRefusedNamingTheOptionWhatItTakesAndTheNumber() {
        assertThat(List.of(refusal("--too-many-requests", "2"), refusal("--retry-after=-1"),
                refusal("--unavailable-fraction", "1.5"), refusal("--drop-fraction", "-0.25"),
                refusal("--bad-gateway-fraction", "3"), refusal("--polls-to-complete=-1"), refusal("--port", "70000")))
                .containsExactly(
                        "Error: --too-many-requests must be a number from 0 to 1; the value given is 2.",
                        "Error: --retry-after must be a whole number of at least 0; the value given is -1.",
                        "Error: --unavailable-fraction must be a number from 0 to 1; the value given is 1.5.",
                        "Error: --drop-fraction must be a number from 0 to 1; the value given is -0.25.",
                        "Error: --bad-gateway-fraction must be a number from 0 to 1; the value given is 3.",
                        "Error: --polls-to-complete must be a whole number of at least 0; the value given is -1.",
                        "Error: --port must be a whole number from 0 to 65535; the value given is 70000.");
    }

    @Test
    void aDurationOutOfItsOptionsRangeIsRefusedNamingTheOption() {
        assertThat(List.of(refusal("--port", "0", "--delay", "PT-1S"),
                refusal("--port", "0", "--apply-delay", "PT-2S"),
                refusal("--port", "0", "--max-token-age", "0s"))).containsExactly(
                        "Error: --delay must be a duration of zero or more, e.g. 500ms or 30s; the value given is "
                                + "-1000 ms.",
                        "Error: --apply-delay must be a duration of zero or more, e.g. 500ms or 30s; the value given is "
                                + "-2000 ms.",
                        "Error: --max-token-age must be a duration longer than zero, e.g. 30s; the value given is "
                                + "0 ms.");
    }

    @Test
    void aNumberedFaultOutOfRangeIsRefusedNamingTheOptionAndThePartOfItsValue() {
        assertThat(List.of(refusal("--port", "0", "--fail-nth", "upload:0:503"),
                refusal("--port", "0", "--fail-nth", "upload:1:200"),
                refusal("--port", "0", "--fail-nth", "uploads:1:503"),
                refusal("--port", "0", "--drop-nth", "upload:0"),
                refusal("--port", "0", "--bad-gateway-nth", "S3CRET:2"))).containsExactly(
                        "Error: --fail-nth's N must be a whole number of at least 1; the value given is 0.",
                        "Error: --fail-nth's STATUS must be a whole number from 400 to 599; the value given is 200.",
                        "Error: --fail-nth's ENDPOINT must be one of dataset, export, schema, declare, upload, status, "
                                + "read; the ENDPOINT given is not one.",
                        "Error: --drop-nth's N must be a whole number of at least 1; the value given is 0.",
                        "Error: --bad-gateway-nth's ENDPOINT must be one of dataset, export, schema, declare, upload, "
                                + "status, read; the ENDPOINT given is not one.");
    }

    @Test
    void anUnknownDatasetStatusIsAUsageErrorNamingTheOptionAndTheStatusesItTakes() throws Exception {
        Path list = Files.writeString(dir.resolve("files.txt"), "a.jpg\n");
        StringWriter err = new StringWriter();

        int code = usageError(err, "--port", "0", "--dataset", "d=" + list, "--dataset-status", "d=DONE");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("Error: --dataset-status's STATUS must be one of ENRICHING, "
                + "FATAL_ERROR, INDEXING, INITIALIZING, NEW, PRE_PROCESSING, READY, SAVING, UPLOADING; the STATUS given "
                + "is not one.\n");
    }

    @Test
    void durationsReadShortAndIsoForms() {
        DurationConverter converter = new DurationConverter();

        assertThat(List.of(converter.convert("500ms"), converter.convert("30s"), converter.convert("5m"),
                converter.convert("1h"), converter.convert("PT2S"))).containsExactly(
                java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(5),
                java.time.Duration.ofHours(1), java.time.Duration.ofSeconds(2));
    }

    static String sharedDir() {
        String configured = System.getProperty("vlmeta.shared.dir");
        return configured != null ? configured : Path.of("..", "..", "shared").toString();
    }

    @Test
    void aPortInUseIsOneLineAndExitCode1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EndedRun run = EndedRun.of("--port", String.valueOf(taken.getLocalPort()));

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("Error: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": the port is in "
                    + "use (is an emulator already running?); give another with --port, or --port 0 for a free one.\n");
            assertThat(run.out()).doesNotContain("listening");
        }
    }

    @Test
    void anExportCsvWithAQuoteLeftOpenIsAUsageErrorInOneLine() throws Exception {
        Path export = Files.writeString(dir.resolve("export.csv"), "filename,media_id\n\"a.jpg,m1\nb.jpg,m2\n");

        EndedRun run = EndedRun.of("--port", "0", "--dataset", "d=" + export);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().findFirst().orElseThrow()).isEqualTo("Error: Cannot read the file list of dataset 'd' ("
                + export + "): a quoted value starts on line 2 and is never closed; end it with a closing \", and write"
                + " a quote inside a quoted value as \"\".");
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("EOF");
    }

    @Test
    void anExportCsvWithoutAFilenameColumnIsAUsageErrorNamingItsColumns() throws Exception {
        Path export = Files.writeString(dir.resolve("export.csv"), "file_name,media_id\na.jpg,m1\n");

        EndedRun run = EndedRun.of("--port", "0", "--dataset", "d=" + export);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().findFirst().orElseThrow()).isEqualTo("Error: Cannot read the file list of dataset 'd' ("
                + export + "): it has a 'media_id' column, as an export does, but no 'filename' column (its columns: "
                + "file_name, media_id); give an export CSV with 'filename', or one file name per line.");
    }

    @Test
    void anExportCsvNamingAColumnTwiceOrARowWithoutAFilenameIsAUsageError() throws Exception {
        Path twice = Files.writeString(dir.resolve("twice.csv"), "media_id,filename,filename\nm1,a.jpg,b.jpg\n");
        Path shortRow = Files.writeString(dir.resolve("short.csv"), "media_id,filename\nm1,a.jpg\nm2\n");

        EndedRun duplicate = EndedRun.of("--port", "0", "--dataset", "d=" + twice);
        EndedRun missing = EndedRun.of("--port", "0", "--dataset", "d=" + shortRow);

        assertThat(duplicate.exitCode()).isEqualTo(2);
        assertThat(duplicate.err().lines().findFirst().orElseThrow()).isEqualTo("Error: Cannot read the file list of dataset"
                + " 'd' (" + twice + "): its header names the column 'filename' twice; give each column its own name.");
        assertThat(duplicate.err()).doesNotContain("\tat ").doesNotContain("CSVFormat").doesNotContain("Exception");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().lines().findFirst().orElseThrow()).isEqualTo("Error: Cannot read the file list of dataset"
                + " 'd' (" + shortRow + "): record 2 (line 3) has no 'filename' value; give every row of the export a"
                + " file name.");
    }

    @Test
    void aDumpIntoAMissingFolderIsRefusedBeforeTheEmulatorStarts() throws Exception {
        Path dump = dir.resolve("no such folder").resolve("state.json");

        EndedRun run = EndedRun.of("--port", "0", "--dump", dump.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error: --dump " + dump + ": the folder " + dump.getParent() + " does not exist; "
                + "create it first, or name a file in a folder that exists");
        assertThat(run.out()).doesNotContain("listening");
    }

    @Test
    void aDumpNamingAFolderIsRefusedBeforeTheEmulatorStarts() throws Exception {
        EndedRun run = EndedRun.of("--port", "0", "--dump", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error: --dump " + dir + " is a folder; name the file to write the state to");
        assertThat(run.out()).doesNotContain("listening");
    }

    @Test
    void aSecretFileIsReadByTheClientsRuleItsByteOrderMarkNotPartOfTheSecret() throws Exception {
        Path list = Files.writeString(dir.resolve("files.txt"), "a.jpg\n");
        Path bom = Files.writeString(dir.resolve("bom.txt"), "\uFEFFS3CRET\r\n");
        Instant now = Instant.now();
        String token = "Bearer " + JWT.create().withKeyId("k1").withSubject("k1").withIssuer("sdk").withIssuedAt(now)
                .withExpiresAt(now.plusSeconds(600)).sign(Algorithm.HMAC256("S3CRET"));

        Running running = run("--port", "0", "--dataset", "demo=" + list, "--api-key", "k1",
                "--api-secret-file", bom.toString());
        int signedWithTheSecret = new ApiClient(running.baseUrl(), token).get("/api/v1/dataset/demo").statusCode();
        running.stop();

        assertThat(signedWithTheSecret).isEqualTo(200);
    }

    @Test
    @Timeout(30) // a file read by another rule starts the server instead, which runs until interrupted
    void aSecretFileOfTwoLinesIsRefusedAsTheClientRefusesItWithoutShowingThem() throws Exception {
        Path twoLines = Files.writeString(dir.resolve("two.txt"), "hunter2-secret\nkey: k1-note\n");
        Path empty = Files.writeString(dir.resolve("empty.txt"), "\uFEFF\r\n");
        StringWriter two = new StringWriter();
        StringWriter blank = new StringWriter();

        assertThat(usageError(two, "--port", "0", "--api-key", "k1", "--api-secret-file", twoLines.toString()))
                .isEqualTo(2);
        assertThat(usageError(blank, "--port", "0", "--api-key", "k1", "--api-secret-file", empty.toString()))
                .isEqualTo(2);
        assertThat(two.toString()).startsWith("Error: --api-secret-file " + twoLines + " holds 2 lines that are not empty; "
                + "it must hold the API secret alone, on one line (a line break after it is fine).\n")
                .doesNotContain("hunter2").doesNotContain("k1-note");
        assertThat(blank.toString()).startsWith("Error: --api-secret-file " + empty + " is empty.\n");
    }
}

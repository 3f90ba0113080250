package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import io.vlmeta.emulator.FaultPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged jar sent SIGINT (Ctrl-C) or SIGTERM in the middle of a slow upload: it lets the requests
 * in flight finish, removes its temporary files, prints the {@code --resume} command and exits 130; that
 * command then finishes the job with every value on the server exactly once. A second signal ends it at once.
 * A validation, which sends nothing, stops at its next row and ends as a refused job does, {@code --json} included.
 */
class InterruptIT {
    private static final Pattern RESUME = Pattern.compile("(?m)^  (vlmeta upload .* --resume)$");

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    private List<String> command(String dataset, Path csv) {
        return FramesUpload.command(dataset, csv, EMULATOR.emulator().baseUrl(), dir.resolve("state"));
    }

    private VlmetaJar.Started start(List<String> args) throws IOException {
        Files.createDirectories(dir.resolve("tmp"));
        return VlmetaJar.start(dir, dir.resolve("streams"), List.of("-Djava.io.tmpdir=" + dir.resolve("tmp")), args);
    }

    /** Waits until the server has received {@code batches} more uploads, the process still running. */
    private void awaitBatches(VlmetaJar.Started run, int batches) throws Exception {
        long target = EMULATOR.emulator().requestCount("upload") + batches;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (EMULATOR.emulator().requestCount("upload") < target && run.process().isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(run.process().isAlive()).as("still uploading after " + batches + " batches").isTrue();
    }

    private static void signal(Process process, String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    /** @return how many requests the emulator has had, from every test so far */
    private static long requests() {
        return FaultPlan.ENDPOINTS.stream().mapToLong(e -> EMULATOR.emulator().requestCount(e)).sum();
    }

    /** Waits until the run has sent its first request: its job runs, with its own signal handlers. */
    private static void awaitTheFirstRequest(VlmetaJar.Started run, long requestsBefore) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (requests() == requestsBefore && run.process().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(requests()).as("the run's first request").isGreaterThan(requestsBefore);
        assertThat(run.process().isAlive()).as("still running").isTrue();
    }

    /** Waits until the run has said it is stopping: its first signal was taken, so a second one now is a second. */
    private static void awaitStopping(VlmetaJar.Started run) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.readString(run.err()).contains("Stopping (SIG") && run.process().isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.readString(run.err())).as("the first signal's notice").contains("Stopping (SIG");
        assertThat(run.process().isAlive()).as("still stopping").isTrue();
    }

    /**
     * Opens {@code fifo} for writing, which returns once the run opens it to read: its job is running, with its
     * own signal handlers. Nothing is written: the job then waits for the rest of the file until the stream
     * returned is closed.
     */
    private static java.io.OutputStream awaitTheJobReading(Path fifo, Process process) throws Exception {
        java.util.concurrent.FutureTask<java.io.OutputStream> open = new java.util.concurrent.FutureTask<>(
                () -> Files.newOutputStream(fifo));
        Thread opener = new Thread(open, "opens the FIFO");
        opener.setDaemon(true);
        opener.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!open.isDone() && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (!open.isDone()) {
            // a reader of our own lets the open return, so that no thread is left waiting on the FIFO
            Files.newInputStream(fifo).close();
            open.get().close();
            throw new AssertionError("the job never opened " + fifo + "; alive: " + process.isAlive());
        }
        return open.get();
    }

    /** @return a CSV in the test's folder: the header, then {@code row} of 0 to {@code rows - 1}, a line each */
    private Path largeCsv(String name, String header, int rows, java.util.function.IntFunction<String> row)
            throws IOException {
        Path csv = dir.resolve(name);
        try (var out = Files.newBufferedWriter(csv)) {
            out.write(header + "\n");
            for (int i = 0; i < rows; i++) {
                out.write(row.apply(i) + "\n");
            }
        }
        return csv;
    }

    /** @return every JSON document on {@code out}, in order */
    private static List<com.fasterxml.jackson.databind.JsonNode> documents(String out) throws IOException {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.JsonNode> documents = new ArrayList<>();
        try (var parser = mapper.createParser(out)) {
            mapper.readValues(parser, com.fasterxml.jackson.databind.JsonNode.class).forEachRemaining(documents::add);
        }
        return documents;
    }

    private static Map<String, Object> expectedScores(String dataset) {
        return FramesUpload.expectedScores(EMULATOR.emulator(), dataset);
    }

    private static Map<String, Object> expectedLabels(String dataset) {
        return FramesUpload.expectedLabels(EMULATOR.emulator(), dataset);
    }

    private List<String> leftoverTempFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("tmp"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("vlmeta-upload-")).toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalMidUploadStopsTheJobRemovesTempFilesPrintsTheResumeCommandAndExits130(String signal) throws Exception {
        String dataset = "signal-" + signal.toLowerCase();
        EMULATOR.emulator().addDataset(dataset, FramesUpload.files());
        Path csv = FramesUpload.csv(dir);
        EMULATOR.emulator().setFaults(FaultPlan.builder().fixedDelay(Duration.ofMillis(100)).build());
        VlmetaJar.Started first = start(command(dataset, csv));
        awaitBatches(first, 3);

        long signalled = System.nanoTime();
        signal(first.process(), signal);
        VlmetaJar.Launch stopped = first.await();
        long millisToExit = (System.nanoTime() - signalled) / 1_000_000;
        System.out.println("SIG" + signal + ": exit " + stopped.exitCode() + " " + millisToExit + " ms after the signal");
        EMULATOR.emulator().setFaults(FaultPlan.none());

        assertThat(stopped.exitCode()).as(stopped.both()).isEqualTo(130);
        assertThat(stopped.err()).contains("Stopping (SIG" + signal + "): no new batch is started; waiting up to 45 s "
                + "for the requests in flight. Press Ctrl-C again to stop at once.");
        assertThat(stopped.out()).contains("Stopped: the fields above marked interrupted were not finished.");
        assertThat(leftoverTempFiles()).as("temporary folders left").isEmpty();
        Matcher resume = RESUME.matcher(stopped.out());
        assertThat(resume.find()).as(stopped.both()).isTrue();
        List<String> again = new ArrayList<>(command(dataset, csv));
        again.add("--resume");
        assertThat(resume.group(1)).isEqualTo("vlmeta " + String.join(" ", again));
        assertThat(ServerState.of(EMULATOR.emulator(), dataset, "score", expectedScores(dataset)).missing())
                .as("values still to send after the stop").isPositive();
    }

    /**
     * The stop leaves every field resumable: the sink settles the requests in flight and closes no task
     * early, so the printed command finishes the job.
     */
    @Test
    void theResumeCommandPrintedAfterCtrlCFinishesTheJobWithEveryValueOnce() throws Exception {
        String dataset = "signal-then-resume";
        EMULATOR.emulator().addDataset(dataset, FramesUpload.files());
        Path csv = FramesUpload.csv(dir);
        EMULATOR.emulator().setFaults(FaultPlan.builder().fixedDelay(Duration.ofMillis(100)).build());
        VlmetaJar.Started first = start(command(dataset, csv));
        awaitBatches(first, 3);
        signal(first.process(), "INT");
        VlmetaJar.Launch stopped = first.await();
        EMULATOR.emulator().setFaults(FaultPlan.none());
        List<String> again = new ArrayList<>(command(dataset, csv));
        again.add("--resume");

        VlmetaJar.Launch resumed = VlmetaJar.run(dir, dir.resolve("streams"), again);

        assertThat(stopped.exitCode()).as(stopped.both()).isEqualTo(130);
        assertThat(resumed.exitCode()).as(resumed.both()).isZero();
        assertThat(ServerState.of(EMULATOR.emulator(), dataset, "score", expectedScores(dataset)))
                .as(resumed.both()).matches(ServerState::exact, "exactly the input's values");
        assertThat(ServerState.of(EMULATOR.emulator(), dataset, "label", expectedLabels(dataset)))
                .as(resumed.both()).matches(ServerState::exact, "exactly the input's values");
    }

    @Test
    void aSecondSignalEndsTheProcessAtOnceWithTheResumeCommand() throws Exception {
        String dataset = "signal-twice";
        EMULATOR.emulator().addDataset(dataset, FramesUpload.files());
        Path csv = FramesUpload.csv(dir);
        // every answer takes 20 s: the first signal's wait cannot end before the second signal
        EMULATOR.emulator().setFaults(FaultPlan.builder().fixedDelay(Duration.ofSeconds(20)).build());
        List<String> args = command(dataset, csv);
        args.addAll(List.of("--api-key", "key-1", "--api-secret", "SECRET-never-printed"));
        long requestsBefore = requests();
        VlmetaJar.Started run = start(args);
        awaitTheFirstRequest(run, requestsBefore);

        signal(run.process(), "INT");
        awaitStopping(run);
        long second = System.nanoTime();
        signal(run.process(), "INT");
        VlmetaJar.Launch aborted = run.await();
        long millisToExit = (System.nanoTime() - second) / 1_000_000;
        System.out.println("second SIGINT: exit " + aborted.exitCode() + " " + millisToExit + " ms after it");
        EMULATOR.emulator().setFaults(FaultPlan.none());

        assertThat(aborted.exitCode()).as(aborted.both()).isEqualTo(130);
        assertThat(millisToExit).as("an abort does not wait for the 20 s answer").isLessThan(15_000);
        assertThat(aborted.out()).as("the job never reached its summary").doesNotContain("Upload finished");
        assertThat(aborted.err()).contains("Stopped at once (second signal). The journal records every request that "
                + "was started; to continue, run:\n  vlmeta upload --csv " + csv)
                .contains("--api-key key-1 --resume\n  (The API secret given with --api-secret is not repeated here: "
                        + "set VL_API_SECRET to it (or pass --api-secret-file FILE) before running this.)\n")
                .doesNotContain("SECRET-never-printed");
        assertThat(tempFolders("vlmeta-upload-")).as("the batch files: the user's metadata").isEmpty();
    }

    /**
     * Under --json a second signal still leaves the one document a script reads: {@code stopped}, exit code 130,
     * and as its error what the stop printed, the resume command and its notes, with no secret.
     */
    @Test
    void aSecondSignalDuringAnUploadUnderJsonLeavesOneStoppedDocumentWithTheResumeCommand() throws Exception {
        String dataset = "signal-twice-json";
        EMULATOR.emulator().addDataset(dataset, FramesUpload.files());
        Path csv = FramesUpload.csv(dir);
        // every answer takes 20 s: the first signal's wait cannot end before the second signal
        EMULATOR.emulator().setFaults(FaultPlan.builder().fixedDelay(Duration.ofSeconds(20)).build());
        String passwordUrl = EMULATOR.emulator().baseUrl().replace("http://", "http://alice:UrlPassw0rd@");
        List<String> args = FramesUpload.command(dataset, csv, passwordUrl, dir.resolve("state"));
        args.addAll(List.of("--api-key", "key-1", "--api-secret", "SECRET-never-printed", "--json"));
        long requestsBefore = requests();
        VlmetaJar.Started run = start(args);
        awaitTheFirstRequest(run, requestsBefore);

        signal(run.process(), "INT");
        awaitStopping(run);
        signal(run.process(), "INT");
        VlmetaJar.Launch aborted = run.await();
        EMULATOR.emulator().setFaults(FaultPlan.none());

        assertThat(aborted.exitCode()).as(aborted.both()).isEqualTo(130);
        List<com.fasterxml.jackson.databind.JsonNode> documents = documents(aborted.out());
        assertThat(documents).as(aborted.both()).hasSize(1);
        assertThat(documents.get(0).get("status").asText()).isEqualTo("stopped");
        assertThat(documents.get(0).get("exit_code").asInt()).isEqualTo(130);
        assertThat(documents.get(0).get("error").asText()).isEqualTo("Stopped at once (second signal). The journal "
                + "records every request that was started; to continue, run:\n  vlmeta upload --csv " + csv
                + " --dataset-id " + dataset + " --base-url \"$VL_BASE_URL\" --state-dir " + dir.resolve("state")
                + " --batch-size 1000 --float-fields score --enum-fields label --sink-option poll-interval-ms=20"
                + " --api-key key-1 --json --resume"
                + "\n  (The base URL holds credentials and is not repeated here: set VL_BASE_URL to it before "
                + "running this.)"
                + "\n  (The API secret given with --api-secret is not repeated here: set VL_API_SECRET to it (or pass "
                + "--api-secret-file FILE) before running this.)");
        assertThat(aborted.err()).contains("Stopped at once (second signal).");
        assertThat(aborted.both()).doesNotContain("SECRET-never-printed").doesNotContain("UrlPassw0rd");
    }

    @Test
    void ctrlCDuringAValidationEndsItWithAStoppedJsonDocumentAndExit130() throws Exception {
        Path csv = largeCsv("a million rows.csv", "file_fullpath,label", 1_000_000, i -> "images/" + i + ".jpg,a");
        VlmetaJar.Started run = start(List.of("validate", "--csv", csv.toString(), "--string-fields", "label",
                "--json"));
        // the first progress line: the job runs, and its signal handlers are in place
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.readString(run.err()).contains("Validating: ") && run.process().isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(run.process().isAlive()).as("still validating").isTrue();

        signal(run.process(), "INT");
        VlmetaJar.Launch stopped = run.await();

        assertThat(stopped.exitCode()).as(stopped.both()).isEqualTo(130);
        assertThat(stopped.err()).contains("Stopping (SIGINT): nothing is sent in this job; it ends at its next row")
                .doesNotContain("at io.vlmeta").doesNotContain("--resume");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stopped.out());
        assertThat(json.get("status").asText()).as(stopped.out()).isEqualTo("stopped");
        assertThat(json.get("exit_code").asInt()).isEqualTo(130);
        assertThat(json.get("error").asText()).contains("Stopped during validation: nothing was sent");
        assertThat(stopped.out()).hasLineCount(1);
    }

    /**
     * After the validation, a validation with a report hands millions of values to the report ("Preparing: N of
     * M values") and writes it: a stop there ends the run as a stop during validation does, and leaves the
     * previous report as it was.
     */
    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalWhileTheReportIsPreparedEndsTheRunAndLeavesThePreviousReportUntouched(String signal)
            throws Exception {
        Path csv = dir.resolve("wide.csv");
        List<String> fields = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            fields.add("c" + c);
        }
        try (var out = Files.newBufferedWriter(csv)) {
            out.write("file_fullpath," + String.join(",", fields) + "\n");
            for (int i = 0; i < 1_000_000; i++) {
                out.write("images/" + i + ".jpg");
                for (int c = 0; c < fields.size(); c++) {
                    out.write("," + (i * 7 + c) % 1000 + ".5");
                }
                out.write("\n");
            }
        }
        Path html = Files.writeString(dir.resolve("report.html"), "the previous report\n");
        Path json = Files.writeString(dir.resolve("report.json"), "{\"previous\": true}\n");
        List<String> args = new ArrayList<>(List.of("validate", "--csv", csv.toString(), "--report", html.toString(),
                "--float-fields"));
        args.addAll(fields);
        VlmetaJar.Started run = start(args);
        // the stage's first line comes a tenth of the way in, and the rest of it can take as little as a
        // tenth of a second: the signal is sent by a shell started beforehand, at once when told to
        Process signaller = new ProcessBuilder("sh", "-c", "read -r go && kill -" + signal + " "
                + run.process().pid()).redirectErrorStream(true).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!Files.readString(run.err()).contains("Preparing: ") && run.process().isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        try (var go = signaller.getOutputStream()) {
            go.write('\n');
        }
        assertThat(signaller.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(signaller.exitValue()).as("the signal was sent while the job ran").isZero();
        VlmetaJar.Launch stopped = run.await();

        assertThat(stopped.exitCode()).as(stopped.both()).isEqualTo(130);
        assertThat(stopped.err()).contains("Stopping (SIG" + signal + "): nothing is sent in this job")
                .contains("Stopped while the report was being prepared: nothing was sent; run the same command "
                        + "again to start over.")
                .doesNotContain("at io.vlmeta");
        // whether the stop lands among the Preparing lines or in the report's writing after them is the
        // machine's timing (the stage can end within the signal's delivery); either way the report is
        // being prepared, nothing is written, and the previous report stays
        assertThat(stopped.both()).doesNotContain("Report written");
        assertThat(html).hasContent("the previous report");
        assertThat(json).hasContent("{\"previous\": true}");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("half-written reports")
                    .noneMatch(name -> name.endsWith(".partial"));
        }
    }

    /**
     * @param run          a validation waiting for its export
     * @param exportWriter the export FIFO's write end, open and with nothing written: closed once the run ended
     */
    private record WaitingValidation(VlmetaJar.Started run, java.io.OutputStream exportWriter) {
    }

    /**
     * A validation from standard input that waits for an export that never comes (a FIFO nobody writes to), with
     * the copy of standard input on disk.
     */
    private WaitingValidation aValidationWaitingForItsExport() throws Exception {
        Path export = dir.resolve("export that never comes");
        Process mkfifo = new ProcessBuilder("mkfifo", export.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        VlmetaJar.Started run = start(List.of("validate", "--csv", "-", "--string-fields", "label", "--export-file",
                export.toString(), "--json"));
        try (var stdin = run.process().getOutputStream()) {
            stdin.write("file_fullpath,label\nimages/a.jpg,x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        java.io.OutputStream exportWriter = awaitTheJobReading(export, run.process());
        assertThat(tempFolders("vlmeta-stdin-")).as("standard input copied").isNotEmpty();
        return new WaitingValidation(run, exportWriter);
    }

    @Test
    void aSecondSignalDuringAValidationLeavesOneStoppedDocumentAndNoCopyOfStandardInput() throws Exception {
        WaitingValidation waiting = aValidationWaitingForItsExport();
        VlmetaJar.Started run = waiting.run();

        signal(run.process(), "INT");
        awaitStopping(run);
        signal(run.process(), "INT");
        VlmetaJar.Launch stopped = run.await();
        waiting.exportWriter().close();

        assertThat(stopped.exitCode()).as(stopped.both()).isEqualTo(130);
        assertThat(stopped.err()).contains("Stopped at once (second signal). Nothing was sent.");
        assertThat(tempFolders("vlmeta-stdin-")).as("the copy of the user's metadata").isEmpty();
        List<com.fasterxml.jackson.databind.JsonNode> documents = documents(stopped.out());
        assertThat(documents).as(stopped.both()).hasSize(1);
        assertThat(documents.get(0).get("status").asText()).isEqualTo("stopped");
        assertThat(documents.get(0).get("exit_code").asInt()).isEqualTo(130);
        assertThat(documents.get(0).get("error").asText()).isEqualTo("Stopped at once (second signal). Nothing was "
                + "sent.");
    }

    /**
     * An export held by the server (every answer takes 20 s) stopped by a signal ends at once, exit 130, with the
     * {@code stopped} document under {@code --json} as the jobs leave theirs, and no file: neither the export nor
     * its hidden draft beside it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalDuringAnExportUnderJsonEndsItWithOneStoppedDocumentAndNoFile(String signal) throws Exception {
        String dataset = "export-stopped-" + signal.toLowerCase();
        EMULATOR.emulator().addDataset(dataset, List.of("images/a.jpg", "images/b.jpg"));
        EMULATOR.emulator().setFaults(FaultPlan.builder().fixedDelay(Duration.ofSeconds(20)).build());
        Path saved = dir.resolve("exports/media.csv");
        long exportsBefore = EMULATOR.emulator().requestCount("export");
        VlmetaJar.Started run = start(List.of("export", "--dataset-id", dataset, "--base-url",
                EMULATOR.emulator().baseUrl(), "-o", saved.toString(), "--json"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (EMULATOR.emulator().requestCount("export") == exportsBefore && run.process().isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(run.process().isAlive()).as("waiting for the export").isTrue();

        long signalled = System.nanoTime();
        signal(run.process(), signal);
        VlmetaJar.Launch stopped = run.await();
        long secondsToExit = (System.nanoTime() - signalled) / 1_000_000_000;
        EMULATOR.emulator().setFaults(FaultPlan.none());

        assertThat(stopped.exitCode()).as(stopped.both()).isEqualTo(130);
        assertThat(secondsToExit).as("ended at once, not when the server answered").isLessThan(15);
        String message = "Stopped (SIG" + signal + ") before the export ended: no half-written file is left.";
        assertThat(stopped.err()).contains(message).doesNotContain("at io.vlmeta");
        List<com.fasterxml.jackson.databind.JsonNode> documents = documents(stopped.out());
        assertThat(documents).as(stopped.both()).hasSize(1);
        assertThat(documents.get(0).get("status").asText()).isEqualTo("stopped");
        assertThat(documents.get(0).get("exit_code").asInt()).isEqualTo(130);
        assertThat(documents.get(0).get("error").asText()).isEqualTo(message);
        try (Stream<Path> left = Files.list(saved.getParent())) {
            assertThat(left.map(Path::getFileName).map(Path::toString).toList()).as("the export and its draft")
                    .isEmpty();
        }
    }

    /**
     * A plan reading a large input stopped by SIGTERM ends at once, exit 130, with the {@code stopped} document
     * under {@code --json} and no plan file nor draft of one. The input takes about four seconds a million rows to
     * plan here: the signal, three seconds in, comes while it is read, the program's handlers long in place.
     */
    @Test
    void aSignalDuringAPlanUnderJsonEndsItWithOneStoppedDocumentAndNoFile() throws Exception {
        Path csv = largeCsv("six million rows.csv", "file_fullpath,label,score", 6_000_000,
                i -> "images/" + i + ".jpg,a" + i % 7 + "," + i + ".5");
        Path plan = dir.resolve("plans/plan.yaml");
        VlmetaJar.Started run = start(List.of("plan", "--csv", csv.toString(), "--infer", "-o", plan.toString(),
                "--json"));
        Thread.sleep(3_000);
        assertThat(run.process().isAlive()).as("still planning").isTrue();

        signal(run.process(), "TERM");
        VlmetaJar.Launch stopped = run.await();

        assertThat(stopped.exitCode()).as(stopped.both()).isEqualTo(130);
        String message = "Stopped (SIGTERM) before the plan ended: no half-written file is left.";
        assertThat(stopped.err()).contains(message);
        List<com.fasterxml.jackson.databind.JsonNode> documents = documents(stopped.out());
        assertThat(documents).as(stopped.both()).hasSize(1);
        assertThat(documents.get(0).get("status").asText()).isEqualTo("stopped");
        assertThat(documents.get(0).get("error").asText()).isEqualTo(message);
        assertThat(plan.getParent()).doesNotExist();
    }

    /** A job that does not end within 5 s of the first signal is ended by the stop's watchdog, as by a second. */
    @Test
    void aValidationThatOutlivesItsStopIsEndedWithOneStoppedDocument() throws Exception {
        WaitingValidation waiting = aValidationWaitingForItsExport();
        VlmetaJar.Started run = waiting.run();

        signal(run.process(), "TERM");
        VlmetaJar.Launch stopped = run.await();
        waiting.exportWriter().close();

        assertThat(stopped.exitCode()).as(stopped.both()).isEqualTo(130);
        assertThat(stopped.err()).contains("Stopping (SIGTERM): nothing is sent in this job")
                .contains("Stopped at once: the job did not end within 5 s. Nothing was sent.");
        List<com.fasterxml.jackson.databind.JsonNode> documents = documents(stopped.out());
        assertThat(documents).as(stopped.both()).hasSize(1);
        assertThat(documents.get(0).get("status").asText()).isEqualTo("stopped");
        assertThat(documents.get(0).get("exit_code").asInt()).isEqualTo(130);
        assertThat(documents.get(0).get("error").asText()).isEqualTo("Stopped at once: the job did not end within "
                + "5 s. Nothing was sent.");
        assertThat(tempFolders("vlmeta-stdin-")).as("the copy of the user's metadata").isEmpty();
    }

    /**
     * A validation whose {@code --json} document (20,000 media without values) cannot all go into a pipe nobody
     * reads yet: the job has ended and the process waits to write its output.
     */
    private Process blockedOnItsJsonOutput() throws Exception {
        Path export = dir.resolve("export.csv");
        try (var out = Files.newBufferedWriter(export)) {
            out.write("filename,media_id\n");
            for (int i = 0; i < 20_000; i++) {
                out.write(String.format("images/%05d.jpg,%s%n", i, java.util.UUID.nameUUIDFromBytes(new byte[] {
                        (byte) i, (byte) (i >> 8)})));
            }
        }
        Path csv = dir.resolve("one row.csv");
        Files.writeString(csv, "file_fullpath,label\nimages/00000.jpg,a\n");
        Path err = dir.resolve("err.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", VlmetaJar.JAR.toString(), "validate", "--csv", csv.toString(),
                "--export-file", export.toString(), "--string-fields", "label", "--json"));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectError(err.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.readString(err).contains("Ready to upload") && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // the document has started: the job owns standard output, and its 1 MB fills the pipe
        while (process.getInputStream().available() == 0 && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(process.getInputStream().available()).as("the JSON started").isPositive();
        assertThat(process.isAlive()).as("waiting to write its JSON").isTrue();
        return process;
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalAfterTheJobEndedLetsItsJsonBeWrittenWholeWithTheJobsExitCode(String signal) throws Exception {
        Process run = blockedOnItsJsonOutput();

        signal(run, signal);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.readString(dir.resolve("err.txt")).contains("The job had already ended")
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        byte[] out = run.getInputStream().readAllBytes();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("err.txt"));

        assertThat(run.exitValue()).as(err).isZero();
        assertThat(err).contains("The job had already ended when SIG" + signal + " came: its output is being "
                + "finished, and the exit code is the job's. Press Ctrl-C again to cut the output short.");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out);
        assertThat(json.get("status").asText()).isEqualTo("validated");
        assertThat(json.get("coverage").get("without")).hasSize(19_999);
    }

    @Test
    void aSecondSignalAfterTheJobEndedCutsItsOutputShortWithExit130() throws Exception {
        Process run = blockedOnItsJsonOutput();

        signal(run, "INT");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.readString(dir.resolve("err.txt")).contains("The job had already ended")
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        signal(run, "INT");
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("err.txt"));
        String out = new String(run.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(run.exitValue()).as(err).isEqualTo(130);
        assertThat(err).contains("Stopped at once (SIGINT), after the job had ended: its output may be cut short.");
        // the job's document had started: the stop cuts it and adds none of its own
        assertThat(out).startsWith("{\"status\":\"validated\"").doesNotContain("\"stopped\"");
    }

    /**
     * Standard input is copied before the job starts, and so before its own handlers are in place: a signal
     * then still ends the run as a stop (130, not Java's 143 for SIGTERM), with the stopped document under
     * --json and the copy deleted.
     */
    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalWhileStandardInputIsCopiedEndsTheRunAsAStopWithItsJson(String signal) throws Exception {
        VlmetaJar.Started run = start(List.of("upload", "--csv", "-", "--dataset-id", "never-reached", "--base-url",
                EMULATOR.emulator().baseUrl(), "--string-fields", "label", "--json"));
        long uploadsBefore = requests();
        var stdin = run.process().getOutputStream();
        stdin.write("file_fullpath,label\nimages/a.jpg,x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        stdin.flush(); // and left open: the copy waits for the rest
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (tempFolders("vlmeta-stdin-").isEmpty() && run.process().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(tempFolders("vlmeta-stdin-")).as("standard input being copied").isNotEmpty();

        signal(run.process(), signal);
        VlmetaJar.Launch stopped = run.await();
        stdin.close();

        assertThat(stopped.exitCode()).as(stopped.both()).isEqualTo(130);
        assertThat(stopped.err()).contains("Stopped (SIG" + signal + ") before the job started: nothing was sent.")
                .doesNotContain("at io.vlmeta");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stopped.out());
        assertThat(json.get("status").asText()).as(stopped.out()).isEqualTo("stopped");
        assertThat(json.get("exit_code").asInt()).isEqualTo(130);
        assertThat(tempFolders("vlmeta-stdin-")).as("the copy of the user's metadata").isEmpty();
        assertThat(requests()).isEqualTo(uploadsBefore);
    }

    /**
     * Starts the jar and waits until its main has installed the early INT and TERM handlers ({@link EarlySignals}).
     * Java's own handlers, which end the process with 143 on SIGTERM, are in place from the JVM's start (the TERM
     * bit of SigCgt in /proc/PID/status is set before main runs), so the sign is the JVM's class log, written as
     * classes load: main builds its CliContext right after installing the handlers.
     */
    private VlmetaJar.Started startWithItsEarlyHandlers(List<String> args, Path classLog) throws Exception {
        Files.createDirectories(dir.resolve("tmp"));
        VlmetaJar.Started run = VlmetaJar.start(dir, dir.resolve("streams"), List.of("-Djava.io.tmpdir="
                + dir.resolve("tmp"), "-Xlog:class+load=info:file=" + classLog), args);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(Files.exists(classLog) && Files.readString(classLog).contains("] io.vlmeta.cli.CliContext source:"))
                && run.process().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(Files.readString(classLog)).as("main got past installing its handlers")
                .contains("] io.vlmeta.cli.CliContext source:");
        return run;
    }

    /**
     * A refusal under --json is a document on standard output, and so is an early stop's: a SIGTERM that comes
     * while the refusal is written must not add a second one. Sent at 12 moments from the handlers' installation
     * on, before, while and after the refusal is written, which takes a few hundred ms: whichever document is
     * written, it is the only one and its exit code is the process's.
     */
    @Test
    void aSignalAsARefusalIsWrittenLeavesExactlyOneJsonDocument() throws Exception {
        for (int i = 0; i < 12; i++) {
            VlmetaJar.Started run = startWithItsEarlyHandlers(List.of("validate", "--csv", "x.csv", "--json",
                    "--no-such-flag"), dir.resolve("classes-" + i + ".log"));
            Thread.sleep(i * 40L); // not a wait for anything: the moment the signal is sent at
            run.process().destroy(); // SIGTERM, or nothing when the run has ended
            VlmetaJar.Launch ended = run.await();

            List<com.fasterxml.jackson.databind.JsonNode> documents = documents(ended.out());
            assertThat(documents).as(ended.both()).hasSize(1);
            assertThat(documents.get(0).get("exit_code").asInt()).as(ended.both()).isEqualTo(ended.exitCode());
        }
    }

    /** @return the folders named {@code prefix*} in the runs' temporary folder */
    private List<String> tempFolders(String prefix) throws IOException {
        Files.createDirectories(dir.resolve("tmp"));
        try (Stream<Path> files = Files.list(dir.resolve("tmp"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(prefix)).toList();
        }
    }
}

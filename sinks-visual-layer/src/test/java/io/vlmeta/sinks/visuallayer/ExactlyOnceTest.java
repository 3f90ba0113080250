package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.FieldWriter;
import io.vlmeta.api.MediaResolver;
import io.vlmeta.api.Preflight;
import io.vlmeta.api.Problem;
import io.vlmeta.api.Severity;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.emulator.Emulator;
import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import io.vlmeta.emulator.FaultPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every value on the server exactly once, and no field half-filled without saying so: the
 * reproductions of interruptions, lost answers and two runs at once, against the emulator over HTTP,
 * with a relay in front of it where a gateway is the real shape of the fault. The job is a 1,000-row
 * CSV sent in batches of 100.
 */
class ExactlyOnceTest {
    private static final int ROWS = 1_000;

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path state;

    private static final AtomicInteger DATASETS = new AtomicInteger();

    private Emulator emulator() {
        return EMULATOR.emulator();
    }

    @AfterEach
    void noFaults() {
        emulator().setFaults(FaultPlan.none());
    }

    private String dataset() {
        String id = "job-" + DATASETS.incrementAndGet();
        emulator().addDataset(id, Fields.files(ROWS));
        return id;
    }

    private Requests requests(String dataset, String baseUrl) {
        Requests requests = new Requests(baseUrl, dataset, state);
        requests.batchSize = 100;
        return requests;
    }

    private Requests requests(String dataset) {
        return requests(dataset, emulator().baseUrl());
    }

    /** Runs the whole job through the sink as the engine does, or fails with the sink's exception. */
    private static FieldOutcome run(Requests requests, java.util.function.IntFunction<Object> value) {
        try (VisualLayerSink sink = requests.open()) {
            MediaResolver resolver = sink.mediaResolver();
            Preflight preflight = sink.preflight(List.of(Fields.SCORE));
            assertThat(preflight.problems()).noneMatch(p -> p.severity() == Severity.ERROR);
            if (preflight.skippedFields().containsKey("score")) {
                return new FieldOutcome("score", FieldOutcome.Status.SKIPPED, 0, -1, 0, List.of(),
                        preflight.skippedFields().get("score"));
            }
            FieldWriter writer = sink.openField(Fields.SCORE);
            for (int i = 0; i < ROWS; i++) {
                writer.write(Fields.entry(resolver, Fields.file(i), value.apply(i), i + 2));
            }
            return writer.finish();
        }
    }

    private static FieldOutcome run(Requests requests) {
        return run(requests, Fields::score);
    }

    private void assertEveryValueOnceAndRight(String dataset) {
        Map<String, Object> expected = new HashMap<>();
        for (int i = 0; i < ROWS; i++) {
            expected.put(emulator().mediaId(dataset, Fields.file(i)), Fields.score(i));
        }
        assertThat(emulator().values(dataset, "score")).isEqualTo(expected);
    }

    // 1. the journal lost or out of step while the fields exist on the server

    @Test
    void refusesToResumeWithoutAJournalWhileTheFieldExistsNamingItAndHowFullItIs() throws IOException {
        String dataset = dataset();
        emulator().setFaults(FaultPlan.builder().failNth("upload", 3, 400).build());
        FieldOutcome failed = run(requests(dataset));
        emulator().setFaults(FaultPlan.none());
        assertThat(failed.status()).isEqualTo(FieldOutcome.Status.FAILED);
        Files.delete(state.resolve(Journal.fileName(dataset, "metadata.csv|1234|5678")));
        long declares = emulator().requestCount("declare");
        long uploads = emulator().requestCount("upload");

        Requests resume = requests(dataset);
        resume.resume = true;
        Preflight preflight;
        try (VisualLayerSink sink = resume.open()) {
            sink.mediaResolver();
            preflight = sink.preflight(List.of(Fields.SCORE));
        }
        Requests edited = requests(dataset); // metadata.csv edited since: other bytes, another journal
        edited.resume = true;
        edited.jobKey = "metadata.csv|1234|9999";
        Preflight afterEdit;
        try (VisualLayerSink sink = edited.open()) {
            sink.mediaResolver();
            afterEdit = sink.preflight(List.of(Fields.SCORE));
        }

        for (Preflight refused : List.of(preflight, afterEdit)) {
            assertThat(refused.skippedFields()).isEmpty();
            assertThat(refused.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.severity()).isEqualTo(Severity.ERROR);
                assertThat(problem.field()).isEqualTo("score");
                assertThat(problem.message()).startsWith("Field 'score' already exists in dataset '" + dataset
                                + "'. This run has --resume, but the journal ")
                        .containsPattern(" \\d of a sample of 20 of the dataset's media already hold values for it\\. ")
                        .endsWith("restore the journal and run with --resume, or upload under a new field name.");
            });
        }
        assertThat(emulator().values(dataset, "score")).hasSize(200);
        assertThat(emulator().requestCount("declare")).isEqualTo(declares);
        assertThat(emulator().requestCount("upload")).isEqualTo(uploads);
    }

    @Test
    void settlesALostDeclarationAnswerFromTheSchemaAndNeverCallsTheHalfDeclaredFieldSkipped() throws IOException {
        String dataset = dataset();
        FieldOutcome first;
        try (Relay relay = Relay.to(emulator().baseUrl())) {
            relay.loseAnswerOf("POST", "/custom_metadata/tasks", 1);
            first = run(requests(dataset, relay.baseUrl()));
        }
        Requests resume = requests(dataset);
        resume.resume = true;
        FieldOutcome resumed = run(resume);

        for (FieldOutcome outcome : List.of(first, resumed)) {
            assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.FAILED);
            assertThat(outcome.message()).startsWith("Field 'score' was declared by this job (the journal ")
                    .endsWith("the field now exists empty in dataset '" + dataset + "' and, metadata being "
                            + "immutable, its values need a new field name.");
        }
        assertThat(emulator().schema(dataset)).hasSize(1);
        assertThat(emulator().values(dataset, "score")).isEmpty();
    }

    @Test
    void declaresAFieldWhoseDeclarationWasInFlightWhenTheRunWasKilledOnlyWhenTheServerDoesNotHaveIt()
            throws IOException {
        String dataset = dataset();
        try (Journal journal = Journal.open(state, dataset, "metadata.csv|1234|5678")) {
            journal.declaring("score"); // killed with the intent on disk and the request never sent
        }
        long declares = emulator().requestCount("declare");
        Requests resume = requests(dataset);
        resume.resume = true;

        FieldOutcome outcome = run(resume);

        assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.COMPLETED);
        assertThat(emulator().requestCount("declare") - declares).isEqualTo(1);
        assertEveryValueOnceAndRight(dataset);
    }

    @Test
    void settlesAGarbledDeclarationAnswerByTheSchemaBeforeDeclaringAgain() throws IOException {
        String dataset = dataset();
        FieldOutcome outcome;
        try (Relay relay = Relay.to(emulator().baseUrl())) {
            relay.refuse("POST", "/custom_metadata/tasks", 1, 200, "<html>Welcome</html>");
            Requests requests = requests(dataset, relay.baseUrl());
            outcome = run(requests);
            assertThat(requests.log).contains("The declaration of field 'score' is in doubt (its answer was not "
                    + "JSON): reading the dataset's schema to settle it.");
        }

        assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.COMPLETED);
        assertEveryValueOnceAndRight(dataset);
    }

    @Test
    void stopsBeforeAnyRequestWhenTheStateFolderCannotTakeTheJournal() throws IOException {
        String dataset = dataset();
        Requests requests = requests(dataset);
        requests.stateDir = Files.writeString(state.resolve("not-a-folder"), "x");
        long before = emulator().requestCount("dataset");

        try (VisualLayerSink sink = requests.open()) {
            assertThatThrownBy(() -> sink.preflight(List.of(Fields.SCORE)))
                    .isInstanceOf(VlmetaException.class)
                    .hasMessageContaining("check --state-dir")
                    .extracting(e -> ((VlmetaException) e).code()).isEqualTo(Journal.STATE_UNWRITABLE);
        }
        assertThat(emulator().requestCount("dataset")).isEqualTo(before);
        assertThat(emulator().schema(dataset)).isEmpty();
    }

    // 2. two runs at once on one state folder

    @Test
    void refusesASecondRunOnTheSameJournalAtOnceNamingTheFirst() {
        String dataset = dataset();
        FieldOutcome outcome;
        try (VisualLayerSink first = requests(dataset).open()) {
            MediaResolver resolver = first.mediaResolver();
            first.preflight(List.of(Fields.SCORE));
            FieldWriter writer = first.openField(Fields.SCORE);
            for (int i = 0; i < ROWS / 2; i++) {
                writer.write(Fields.entry(resolver, Fields.file(i), Fields.score(i), i + 2));
            }
            Requests second = requests(dataset);
            second.resume = true;
            try (VisualLayerSink other = second.open()) {
                other.mediaResolver();
                assertThatThrownBy(() -> other.preflight(List.of(Fields.SCORE)))
                        .isInstanceOf(VlmetaException.class)
                        .hasMessageStartingWith("Another vlmeta run (pid " + ProcessHandle.current().pid()
                                + ", started ")
                        .extracting(e -> ((VlmetaException) e).code()).isEqualTo(JournalLock.LOCKED);
            }
            for (int i = ROWS / 2; i < ROWS; i++) {
                writer.write(Fields.entry(resolver, Fields.file(i), Fields.score(i), i + 2));
            }
            outcome = writer.finish();
        }

        assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.COMPLETED);
        assertEveryValueOnceAndRight(dataset);
    }

    // 3. no status poll before a field's last batch; a task that takes no more uploads; Ctrl-C

    @Test
    void pollsTheTaskOnlyAfterTheFieldsLastBatchEvenAfterALostAnswer() throws IOException {
        String dataset = dataset();
        List<String> requests;
        FieldOutcome outcome;
        try (Relay relay = Relay.to(emulator().baseUrl())) {
            relay.loseAnswerOf("POST", "/custom_metadata/tasks/", 4);
            outcome = run(requests(dataset, relay.baseUrl()));
            requests = List.copyOf(relay.requests());
        }

        int lastUpload = -1;
        int firstPoll = Integer.MAX_VALUE;
        for (int i = 0; i < requests.size(); i++) {
            String request = requests.get(i);
            if (request.startsWith("POST ") && request.matches(".*/custom_metadata/tasks/[^/]+$")) {
                lastUpload = i;
            }
            if (request.endsWith("/status")) {
                firstPoll = Math.min(firstPoll, i);
            }
        }
        assertThat(lastUpload).isLessThan(firstPoll);
        assertThat(requests.stream().filter(r -> r.startsWith("POST ") && r.matches(".*/tasks/[^/]+$"))).hasSize(10);
        assertThat(requests).anyMatch(r -> r.matches("GET .*/image/.*/custom_metadata"));
        assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.COMPLETED);
        assertEveryValueOnceAndRight(dataset);
    }

    @Test
    void sendsTheLastBatchOnceEveryEntryIsWrittenWithoutWaitingForFinishAndPollsOnlyInFinish() {
        String dataset = dataset();
        int written = ROWS - 50; // nine full batches of 100 and a last one of 50
        long uploadsBefore = emulator().requestCount("upload");
        long pollsBefore = emulator().requestCount("status");
        FieldOutcome outcome;
        try (VisualLayerSink sink = requests(dataset).open()) {
            MediaResolver resolver = sink.mediaResolver();
            sink.preflight(List.of(Fields.SCORE));
            FieldWriter writer = sink.openField(Fields.SCORE);
            for (int i = 0; i < written; i++) {
                writer.write(Fields.entry(resolver, Fields.file(i), Fields.score(i), i + 2));
            }
            writer.endOfEntries();
            sleepUntil(() -> emulator().requestCount("upload") - uploadsBefore >= 10);

            assertThat(emulator().requestCount("upload") - uploadsBefore).isEqualTo(10);
            assertThat(emulator().requestCount("status") - pollsBefore).isZero();
            outcome = writer.finish();
            assertThat(emulator().requestCount("upload") - uploadsBefore).isEqualTo(10);
            assertThat(emulator().requestCount("status") - pollsBefore).isPositive();
        }
        assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.COMPLETED);
        assertThat(outcome.inserted()).isEqualTo(written);
        assertThat(emulator().values(dataset, "score")).hasSize(written);
    }

    @Test
    void aTaskThatTakesNoMoreUploadsEndsTheFieldNamingWhatIsOnTheServerAndListingTheRest() throws IOException {
        String dataset = dataset();
        Path rejects = state.resolve("out/rejects.csv");
        FieldOutcome outcome;
        try (Relay relay = Relay.to(emulator().baseUrl())) {
            relay.refuse("POST", "/custom_metadata/tasks/", 4, 409,
                    "{\"detail\": \"Task 't' is COMPLETED and accepts no more uploads\"}");
            Requests requests = requests(dataset, relay.baseUrl());
            requests.rejectsFile = rejects;
            outcome = run(requests);
        }

        assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.FAILED);
        assertThat(outcome.sent()).isEqualTo(300);
        assertThat(outcome.message()).contains("accepts no more uploads (409: Task 't' is COMPLETED and accepts no "
                        + "more uploads). Its first 300 entries (up to row 301 of metadata.csv) are on the server; the "
                        + "other 700 entries read (from row 302 of metadata.csv) are not")
                .contains("--resume cannot help");
        List<String> lines = Files.readAllLines(rejects, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(701);
        assertThat(lines.get(1)).isEqualTo("images/img_000300.jpg,302,score,30.0,not sent: the server's task for field "
                + "'score' accepts no more uploads");
        assertThat(emulator().values(dataset, "score")).hasSize(300);

        Requests resume = requests(dataset);
        resume.resume = true;
        try (VisualLayerSink sink = resume.open()) {
            sink.mediaResolver();
            assertThat(sink.preflight(List.of(Fields.SCORE)).problems()).singleElement()
                    .satisfies(problem -> assertThat(problem.message()).contains("ended in an earlier run")
                            .contains("--resume cannot help"));
        }
    }

    @Test
    void stopsStartingBatchesOnRequestAndSaysExactlyHowManyEntriesReachedTheServer() throws IOException {
        String dataset = dataset();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger uploads = new AtomicInteger();
        FieldOutcome interrupted;
        Requests requests;
        try (Relay relay = Relay.to(emulator().baseUrl())) {
            relay.afterUpload(() -> {
                if (uploads.incrementAndGet() == 3) {
                    stop.set(true); // Ctrl-C while the third batch is in flight
                }
            });
            requests = requests(dataset, relay.baseUrl());
            requests.cancellation = stop::get;
            interrupted = run(requests);
        }

        assertThat(interrupted).isEqualTo(new FieldOutcome("score", FieldOutcome.Status.INTERRUPTED, 300, -1, 0,
                List.of(), "Stopped on request: 300 entries of field 'score' reached the server (journal "
                + state.resolve(Journal.fileName(dataset, requests.jobKey)) + "). The next is row 302 of "
                + "metadata.csv; run again with --resume to send the rest."));
        assertThat(emulator().values(dataset, "score")).hasSize(300);

        Requests resume = requests(dataset);
        resume.resume = true;
        long before = emulator().requestCount("upload");
        FieldOutcome completed = run(resume);

        assertThat(completed.status()).isEqualTo(FieldOutcome.Status.COMPLETED);
        assertThat(emulator().requestCount("upload") - before).isEqualTo(7);
        assertEveryValueOnceAndRight(dataset);
    }

    @Test
    void aStopBeforeAFieldGetsItsFirstValueLeavesItOpenForResumeNotFinished() {
        String dataset = dataset();

        FieldOutcome interrupted = stoppedAfter(dataset, 0); // declared, then Ctrl-C before its first value

        assertThat(interrupted.status()).isEqualTo(FieldOutcome.Status.INTERRUPTED);
        assertThat(interrupted.message()).endsWith("The input was not read to its end; run again with --resume to "
                + "send the rest.");
        assertThat(emulator().values(dataset, "score")).isEmpty();
        assertResumeSendsEverythingOnce(dataset);
    }

    @Test
    void aStopRightAfterAWholeBatchReachedTheServerLeavesTheFieldOpenForResume() {
        String dataset = dataset();

        FieldOutcome interrupted = stoppedAfter(dataset, 200); // two whole batches sent, 800 rows unread

        assertThat(interrupted.status()).isEqualTo(FieldOutcome.Status.INTERRUPTED);
        assertThat(interrupted.sent()).isEqualTo(200);
        assertThat(emulator().values(dataset, "score")).hasSize(200);
        assertResumeSendsEverythingOnce(dataset);
    }

    /** Declares the field, writes its first {@code entries} values, waits until the server took them, then stops. */
    private FieldOutcome stoppedAfter(String dataset, int entries) {
        AtomicBoolean stop = new AtomicBoolean();
        Requests requests = requests(dataset);
        requests.cancellation = stop::get;
        try (VisualLayerSink sink = requests.open()) {
            MediaResolver resolver = sink.mediaResolver();
            sink.preflight(List.of(Fields.SCORE));
            FieldWriter writer = sink.openField(Fields.SCORE);
            for (int i = 0; i < entries; i++) {
                writer.write(Fields.entry(resolver, Fields.file(i), Fields.score(i), i + 2));
            }
            sleepUntil(() -> writer.accepted() == entries);
            stop.set(true);
            return writer.finish();
        }
    }

    private void assertResumeSendsEverythingOnce(String dataset) {
        Requests resume = requests(dataset);
        resume.resume = true;
        FieldOutcome completed = run(resume);

        assertThat(completed.status()).isEqualTo(FieldOutcome.Status.COMPLETED);
        assertEveryValueOnceAndRight(dataset);
    }

    @Test
    void declaresNothingOnceAStopWasRequested() {
        String dataset = dataset();
        Requests requests = requests(dataset);
        requests.cancellation = () -> true;
        long declares = emulator().requestCount("declare");

        FieldOutcome outcome;
        try (VisualLayerSink sink = requests.open()) {
            sink.mediaResolver();
            sink.preflight(List.of(Fields.SCORE));
            FieldWriter writer = sink.openField(Fields.SCORE);
            outcome = writer.finish();
        }

        assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.INTERRUPTED);
        assertThat(outcome.message()).startsWith("Stopped on request before field 'score' was declared: 0 of its "
                + "entries are on the server (journal ");
        assertThat(emulator().requestCount("declare")).isEqualTo(declares);
        assertThat(emulator().schema(dataset)).isEmpty();
    }

    // 4. a gateway's 502 after the server processed a batch; a timeout while it is processed

    @Test
    void aBatchAnsweredBadGatewayAfterTheServerTookItIsNotSentAgainAndRejectsNameTheRightRows() throws IOException {
        String dataset = dataset();
        Path rejects = state.resolve("rejects.csv");
        FieldOutcome outcome;
        int uploads;
        try (Relay relay = Relay.to(emulator().baseUrl())) {
            relay.fault("POST", "/custom_metadata/tasks/", 2, Relay.Fault.BAD_GATEWAY_AFTER);
            Requests requests = requests(dataset, relay.baseUrl());
            requests.rejectsFile = rejects;
            outcome = run(requests, i -> i == 250 ? "=HYPERLINK(\"x\")" : Fields.score(i));
            uploads = relay.count("POST", "/custom_metadata/tasks/");
        }

        assertThat(uploads).isEqualTo(10);
        assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.COMPLETED_WITH_ERRORS);
        assertThat(outcome.rejected()).isEqualTo(1);
        assertThat(outcome.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.key()).isEqualTo("images/img_000250.jpg");
            assertThat(rejection.location().row()).isEqualTo(252);
        });
        assertThat(Files.readAllLines(rejects, StandardCharsets.UTF_8).get(1))
                .startsWith("images/img_000250.jpg,252,score,\"'=HYPERLINK(\"\"x\"\")\",");
        assertThat(emulator().values(dataset, "score")).hasSize(999);
    }

    @Test
    void aBatchWhoseAnswerTimedOutWhileTheServerProcessedItIsSettledByReadingBack() throws IOException {
        String dataset = dataset();
        FieldOutcome outcome;
        int uploads;
        try (Relay relay = Relay.to(emulator().baseUrl())) {
            relay.fault("POST", "/custom_metadata/tasks/", 5, Relay.Fault.SLOW_ANSWER);
            // every request must get its answer within the timeout but the slow one, on a busy machine too
            relay.slowBy(Duration.ofSeconds(60));
            Requests requests = requests(dataset, relay.baseUrl());
            requests.options.put("request-timeout-ms", "3000");
            outcome = run(requests);
            uploads = relay.count("POST", "/custom_metadata/tasks/");
        }

        assertThat(uploads).isEqualTo(10);
        assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.COMPLETED);
        assertEveryValueOnceAndRight(dataset);
    }

    @Test
    void aBatchAppliedLateAfterItWasSentAgainHasItsSecondCopyRefusedButNotReportedAsRejectedRows()
            throws IOException {
        String dataset = dataset();
        Path rejects = state.resolve("rejects.csv");
        FieldOutcome outcome;
        try (Relay relay = Relay.to(emulator().baseUrl())) {
            relay.fault("POST", "/custom_metadata/tasks/", 2, Relay.Fault.APPLY_LATE);
            Requests requests = requests(dataset, relay.baseUrl());
            requests.rejectsFile = rejects;
            requests.options.put("read-back-wait-ms", "200");
            requests.parallel = 1;
            try (VisualLayerSink sink = requests.open()) {
                MediaResolver resolver = sink.mediaResolver();
                sink.preflight(List.of(Fields.SCORE));
                FieldWriter writer = sink.openField(Fields.SCORE);
                for (int i = 0; i < ROWS; i++) {
                    writer.write(Fields.entry(resolver, Fields.file(i), Fields.score(i), i + 2));
                }
                // the batch was read back, found missing and sent again: only now does its first copy arrive,
                // and before the task is polled
                sleepUntil(() -> emulator().values(dataset, "score").size() == ROWS);
                relay.releaseLateCopies();
                sleepUntil(() -> relay.lateCopiesDelivered() == 1);
                outcome = writer.finish();
            }
        }

        assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.COMPLETED);
        assertThat(outcome.rejected()).isZero();
        assertThat(outcome.rejections()).isEmpty();
        assertThat(outcome.message()).contains("100 entries reached the server twice after a lost answer");
        assertThat(Files.readAllLines(rejects, StandardCharsets.UTF_8)).containsExactly("path,row,field,value,reason");
        assertEveryValueOnceAndRight(dataset);
    }

    // the first request

    @Test
    void saysAtOnceWhenNothingListensAtTheBaseUrlWithoutRetrying() throws IOException {
        // a port bound and never listened on: it refuses every connection for as long as it stays bound, and
        // nothing else can take it in the meantime (a port freed again could be taken by any other process)
        try (Socket unlistened = new Socket()) {
            unlistened.setReuseAddress(false);
            unlistened.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            String url = "http://127.0.0.1:" + unlistened.getLocalPort();
            Requests requests = requests("absent", url);

            try (VisualLayerSink sink = requests.open()) {
                assertThatThrownBy(sink::mediaResolver)
                        .isInstanceOf(VlmetaException.class)
                        .hasMessage("Cannot reach the Visual Layer server at " + url + " (connection refused): is "
                                + "the server running at " + url + "?")
                        .extracting(e -> ((VlmetaException) e).code()).isEqualTo(ErrorCode.SERVER);
            }
            assertThat(requests.log).noneMatch(line -> line.contains("retrying"));
        }
    }

    @Test
    void neverRetriesAnUnknownHostAndHidesThePasswordOfTheBaseUrl() {
        Requests requests = requests("absent", "http://user:hunter2@no-such-host.invalid:2080");

        try (VisualLayerSink sink = requests.open()) {
            assertThatThrownBy(sink::mediaResolver)
                    .isInstanceOf(VlmetaException.class)
                    .hasMessageStartingWith("Cannot reach the Visual Layer server at "
                            + "http://no-such-host.invalid:2080 (cannot find the host")
                    .hasMessageNotContaining("hunter2");
        }
        assertThat(requests.log).noneMatch(line -> line.contains("retrying"));
    }

    /** Waits until {@code condition} holds, failing the test when it does not within 30 s. */
    private static void sleepUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the awaited condition did not hold within 30 s");
            }
            sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

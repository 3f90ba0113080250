package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.FieldWriter;
import io.vlmeta.api.MediaResolver;
import io.vlmeta.api.Preflight;
import io.vlmeta.api.Severity;
import io.vlmeta.emulator.Emulator;
import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.FaultPlan;
import io.vlmeta.emulator.FaultProxy;
import io.vlmeta.emulator.TaskPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sink against the emulator's worst-case switches: a task that takes one upload only, a task a
 * final poll closes, asynchronous application, partial application of a cut-off upload, and bursts of
 * faults, each over HTTP (through the emulator's {@link FaultProxy} where a network path is the fault).
 */
class ServerModesTest {
    private static final int ROWS = 1_000;

    @TempDir
    Path state;

    private static Emulator start(EmulatorConfig.Builder config) {
        Emulator emulator = Emulator.start(config.build());
        emulator.addDataset("ds", Fields.files(ROWS));
        return emulator;
    }

    private Requests requests(String baseUrl) {
        Requests requests = new Requests(baseUrl, "ds", state);
        requests.batchSize = 100;
        return requests;
    }

    private static FieldOutcome run(Requests requests) {
        try (VisualLayerSink sink = requests.open()) {
            MediaResolver resolver = sink.mediaResolver();
            Preflight preflight = sink.preflight(List.of(Fields.SCORE));
            assertThat(preflight.problems()).noneMatch(p -> p.severity() == Severity.ERROR);
            FieldWriter writer = sink.openField(Fields.SCORE);
            for (int i = 0; i < ROWS; i++) {
                writer.write(Fields.entry(resolver, Fields.file(i), Fields.score(i), i + 2));
            }
            return writer.finish();
        }
    }

    private static void assertEveryValueOnceAndRight(Emulator emulator) {
        Map<String, Object> expected = new HashMap<>();
        for (int i = 0; i < ROWS; i++) {
            expected.put(emulator.mediaId("ds", Fields.file(i)), Fields.score(i));
        }
        assertThat(emulator.values("ds", "score")).isEqualTo(expected);
    }

    @Test
    void sendsAFieldThatFitsOneFileAsOneFileToATaskThatTakesOneUpload() {
        try (Emulator emulator = start(EmulatorConfig.builder().strictOneUploadPerTask())) {
            Requests requests = requests(emulator.baseUrl());
            requests.batchSize = ROWS;

            FieldOutcome outcome = run(requests);

            assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.COMPLETED);
            assertThat(emulator.requestCount("upload")).isEqualTo(1);
            assertEveryValueOnceAndRight(emulator);
        }
    }

    @Test
    void sendsEachFieldAsOneFileWhateverTheBatchSizeWhenAskedToForAOneUploadServer() {
        try (Emulator emulator = start(EmulatorConfig.builder().strictOneUploadPerTask())) {
            Requests requests = requests(emulator.baseUrl());
            requests.options.put("one-file-per-field", "true");

            FieldOutcome outcome = run(requests);

            assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.COMPLETED);
            assertThat(emulator.requestCount("upload")).isEqualTo(1);
            assertEveryValueOnceAndRight(emulator);
        }
    }

    @Test
    void endsAFieldTheOneUploadTaskRefusesNamingTheRowsOnTheServerAndListingTheOthers() throws IOException {
        try (Emulator emulator = start(EmulatorConfig.builder().strictOneUploadPerTask())) {
            Requests requests = requests(emulator.baseUrl());
            requests.rejectsFile = state.resolve("rejects.csv");

            FieldOutcome outcome = run(requests);

            assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.FAILED);
            assertThat(outcome.sent()).isEqualTo(100);
            assertThat(outcome.message()).contains("Its first 100 entries (up to row 101 of metadata.csv) are on the "
                    + "server; the other 900 entries read (from row 102 of metadata.csv) are not")
                    .contains("--resume cannot help").doesNotContain("run again with --resume");
            assertThat(Files.readAllLines(requests.rejectsFile, StandardCharsets.UTF_8)).hasSize(901);
            assertThat(emulator.values("ds", "score")).hasSize(100);
        }
    }

    @Test
    void sendsEveryBatchToATaskThatAFinalPollWouldCloseEvenAfterALostAnswer() {
        try (Emulator emulator = start(EmulatorConfig.builder().taskPolicy(TaskPolicy.CLOSED_BY_FINAL_POLL)
                .pollsToComplete(0)
                .faults(FaultPlan.builder().dropConnectionAfterProcessingNth("upload", 4).build()))) {
            FieldOutcome outcome = run(requests(emulator.baseUrl()));

            assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.COMPLETED);
            assertThat(emulator.requestCount("upload")).isEqualTo(10);
            assertEveryValueOnceAndRight(emulator);
        }
    }

    @Test
    void waitsForAServerThatAppliesFilesAsynchronouslyBeforeJudgingABatchLost() {
        try (Emulator emulator = start(EmulatorConfig.builder().applyUploadsAsynchronously(Duration.ofMillis(400))
                .faults(FaultPlan.builder().badGatewayAfterProcessingNth("upload", 3).build()))) {
            Requests requests = requests(emulator.baseUrl());
            // the read-back ends as soon as the file shows; the ceiling only has to outlast a busy machine
            requests.options.put("read-back-wait-ms", "30000");

            FieldOutcome outcome = run(requests);

            assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.COMPLETED);
            assertThat(emulator.requestCount("upload")).isEqualTo(10);
            assertEveryValueOnceAndRight(emulator);
        }
    }

    @Test
    void sendsOnlyTheTailOfAnUploadTheServerAppliedInPartAfterItsBodyWasCutOff() {
        try (Emulator emulator = start(EmulatorConfig.builder().applyCutOffUploadsPartially());
             FaultProxy proxy = FaultProxy.start(emulator.baseUrl(), FaultProxy.Plan.builder().onlyUploads()
                     .cutRequestBodyNth(2, 3_000).build())) {
            Requests requests = requests(proxy.baseUrl());

            FieldOutcome outcome = run(requests);

            assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.COMPLETED);
            assertThat(outcome.rejected()).isZero();
            assertThat(requests.log).anyMatch(line -> line.matches("Field 'score': the server applied \\d+ entries "
                    + "of that batch; sending the other \\d+\\."));
            assertThat(emulator.requestCount("upload")).isEqualTo(11);
            assertEveryValueOnceAndRight(emulator);
        }
    }

    @Test
    void endsWithEveryValueOnceThroughBurstsOfFaultsOnTheDefaultServer() {
        try (Emulator emulator = start(EmulatorConfig.builder()
                .faults(FaultPlan.builder().serviceUnavailableFraction(0.3).seed(7).build()));
             FaultProxy proxy = FaultProxy.start(emulator.baseUrl(), FaultProxy.Plan.builder().onlyUploads()
                     .badGatewayFraction(0.2).dropAnswerFraction(0.1).seed(11).build())) {
            Requests requests = requests(proxy.baseUrl());
            requests.options.put("retry-max-attempts", "12");

            FieldOutcome outcome = run(requests);

            assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.COMPLETED);
            assertThat(outcome.rejected()).isZero();
            assertEveryValueOnceAndRight(emulator);
        }
    }

    @Test
    void endsWithEveryValueOnceThroughBurstsOfFaultsOnTheStrictServer() {
        try (Emulator emulator = start(EmulatorConfig.builder().strictOneUploadPerTask()
                .faults(FaultPlan.builder().serviceUnavailableFraction(0.3).seed(5).build()));
             FaultProxy proxy = FaultProxy.start(emulator.baseUrl(), FaultProxy.Plan.builder().onlyUploads()
                     .badGatewayNth(1).build())) {
            Requests requests = requests(proxy.baseUrl());
            requests.batchSize = ROWS;
            requests.options.put("retry-max-attempts", "12");

            FieldOutcome outcome = run(requests);

            assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.COMPLETED);
            assertThat(emulator.requestCount("upload")).isEqualTo(1);
            assertEveryValueOnceAndRight(emulator);
        }
    }
}

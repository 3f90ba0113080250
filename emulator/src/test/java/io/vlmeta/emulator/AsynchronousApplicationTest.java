package io.vlmeta.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AsynchronousApplicationTest {
    /**
     * How long after its answer a file is applied in the tests that read the server between the two: long
     * enough that the reads right after the answers come first even on a busy machine.
     */
    private static final Duration APPLIED_AFTER = Duration.ofSeconds(2);
    private static final String FLOAT = "{\"field_name\": \"score\", \"field_type\": \"float\"}";

    @Test
    void anUploadIsAnsweredAtOnceAndItsFileAppliedLater() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorConfig.builder().pollsToComplete(0)
                .applyUploadsAsynchronously(APPLIED_AFTER).build())) {
            emulator.addDataset("ds", List.of("a.jpg", "b.jpg"));
            ApiClient api = new ApiClient(emulator);
            String a = emulator.mediaId("ds", "a.jpg");
            String b = emulator.mediaId("ds", "b.jpg");
            String task = api.declare("ds", FLOAT);

            HttpResponse<String> first = api.uploadTo("ds", task, ApiClient.entries(Map.of(a, "1")));
            HttpResponse<String> second = api.uploadTo("ds", task, "[{\"media_id\": \"" + b + "\", \"value\": 2},"
                    + " {\"media_id\": \"" + a + "\", \"value\": 3}]");
            String readBackAtOnce = api.get("/api/v1/datasets/ds/image/" + a + "/custom_metadata").body();
            JsonNode statusAtOnce = Jsons.read(api.status("ds", task).body());
            List<String> statuses = pollUntilFinal(api, task);

            assertThat(first.statusCode()).isEqualTo(202);
            assertThat(Jsons.read(first.body()).get("status").asText()).isEqualTo("IN_PROGRESS");
            assertThat(second.statusCode()).isEqualTo(202);
            assertThat(readBackAtOnce).isEqualTo("[]");
            assertThat(statusAtOnce.get("status").asText()).isEqualTo("IN_PROGRESS");
            assertThat(statusAtOnce.get("inserted_rows").asLong()).isZero();
            assertThat(statuses).last().isEqualTo("COMPLETED_WITH_ERRORS");
            JsonNode done = Jsons.read(api.status("ds", task).body());
            assertThat(done.get("inserted_rows").asLong()).isEqualTo(2);
            assertThat(done.get("sample_errors").get(0).get("row_index").asLong()).isEqualTo(2);
            assertThat(emulator.values("ds", "score")).containsExactly(
                    Map.entry(a, new BigDecimal("1")), Map.entry(b, new BigDecimal("2")));
            assertThat(Jsons.read(api.get("/api/v1/datasets/ds/image/" + a + "/custom_metadata").body())
                    .get(0).get("value").decimalValue()).isEqualByComparingTo("1");
        }
    }

    @Test
    void aFileThatIsNotValidJsonFailsTheTaskWhenItIsApplied() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorConfig.builder().pollsToComplete(0)
                .applyUploadsAsynchronously(Duration.ofMillis(100)).build())) {
            emulator.addDataset("ds", List.of("a.jpg"));
            ApiClient api = new ApiClient(emulator);
            String task = api.declare("ds", FLOAT);

            HttpResponse<String> upload = api.uploadTo("ds", task, "[{\"media_id\": ");

            assertThat(upload.statusCode()).isEqualTo(202);
            assertThat(pollUntilFinal(api, task)).last().isEqualTo("FAILED");
        }
    }

    @Test
    void testsCanWaitUntilEveryAnsweredUploadIsApplied() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorConfig.builder().pollsToComplete(0)
                .applyUploadsAsynchronously(APPLIED_AFTER).build())) {
            emulator.addDataset("ds", List.of("a.jpg"));
            ApiClient api = new ApiClient(emulator);
            String task = api.declare("ds", FLOAT);
            api.uploadTo("ds", task, ApiClient.entries(Map.of(emulator.mediaId("ds", "a.jpg"), "1")));
            assertThat(emulator.values("ds", "score")).isEmpty();

            emulator.awaitAppliedUploads(Duration.ofSeconds(30));

            assertThat(emulator.values("ds", "score")).hasSize(1);
        }
    }

    private static List<String> pollUntilFinal(ApiClient api, String task) throws Exception {
        List<String> seen = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String status = Jsons.read(api.status("ds", task).body()).get("status").asText();
            seen.add(status);
            if (!status.equals("IN_PROGRESS") && !status.equals("INIT")) {
                return seen;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the task never finished: " + seen);
    }
}

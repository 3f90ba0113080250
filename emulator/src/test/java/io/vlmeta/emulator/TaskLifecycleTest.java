package io.vlmeta.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskLifecycleTest {

    private static List<String> statusesAfterOneUpload(int pollsToComplete) throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorConfig.builder().pollsToComplete(pollsToComplete).build())) {
            emulator.addDataset("ds", List.of("a.jpg"));
            ApiClient api = new ApiClient(emulator);
            String task = api.declare("ds", "{\"field_name\": \"notes\", \"field_type\": \"string\"}");
            List<String> seen = new ArrayList<>();
            seen.add(Jsons.read(api.status("ds", task).body()).get("status").asText());
            api.uploadTo("ds", task, ApiClient.entries(Map.of(emulator.mediaId("ds", "a.jpg"), "\"x\"")));
            seen.addAll(api.pollToEnd("ds", task));
            return seen;
        }
    }

    @Test
    void tasksMoveFromInitThroughInProgressToCompletedOverTheConfiguredPolls() throws Exception {
        assertThat(statusesAfterOneUpload(0)).containsExactly("INIT", "COMPLETED");
        assertThat(statusesAfterOneUpload(2)).containsExactly("INIT", "IN_PROGRESS", "IN_PROGRESS", "COMPLETED");
        assertThat(statusesAfterOneUpload(EmulatorConfig.DEFAULT_POLLS_TO_COMPLETE))
                .hasSize(EmulatorConfig.DEFAULT_POLLS_TO_COMPLETE + 2);
    }

    @Test
    void anUploadBetweenPollsRestartsTheCountAndFilesAreAppliedInOrder() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorConfig.builder().pollsToComplete(1).build())) {
            emulator.addDataset("ds", List.of("a.jpg", "b.jpg"));
            ApiClient api = new ApiClient(emulator);
            String a = emulator.mediaId("ds", "a.jpg");
            String b = emulator.mediaId("ds", "b.jpg");
            String task = api.declare("ds", "{\"field_name\": \"score\", \"field_type\": \"float\"}");

            api.uploadTo("ds", task, ApiClient.entries(Map.of(a, "1")));
            JsonNode afterFirst = Jsons.read(api.status("ds", task).body());
            api.uploadTo("ds", task, "[{\"media_id\": \"" + b + "\", \"value\": 2}, {\"media_id\": \"" + a
                    + "\", \"value\": 3}]");
            JsonNode afterSecond = Jsons.read(api.status("ds", task).body());
            JsonNode done = Jsons.read(api.status("ds", task).body());

            assertThat(afterFirst.get("status").asText()).isEqualTo("IN_PROGRESS");
            assertThat(afterSecond.get("status").asText()).isEqualTo("IN_PROGRESS");
            assertThat(done.get("status").asText()).isEqualTo("COMPLETED_WITH_ERRORS");
            assertThat(done.get("inserted_rows").asLong()).isEqualTo(2);
            assertThat(done.get("sample_errors").get(0).get("row_index").asLong()).isEqualTo(2);
            assertThat(emulator.values("ds", "score")).containsExactly(
                    Map.entry(a, new java.math.BigDecimal("1")), Map.entry(b, new java.math.BigDecimal("2")));
        }
    }

    @Test
    void concurrentUploadsToDifferentFieldsAllArrive() throws Exception {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            files.add("img" + i + ".jpg");
        }
        try (Emulator emulator = Emulator.start(EmulatorConfig.builder().pollsToComplete(0).build())) {
            emulator.addDataset("ds", files);
            ApiClient api = new ApiClient(emulator);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<java.net.http.HttpResponse<String>>> uploads = new ArrayList<>();
            List<String> tasks = new ArrayList<>();
            for (int field = 0; field < 4; field++) {
                String task = api.declare("ds", "{\"field_name\": \"f" + field + "\", \"field_type\": \"float\"}");
                tasks.add(task);
                StringBuilder json = new StringBuilder("[");
                for (int i = 0; i < files.size(); i++) {
                    json.append(i == 0 ? "" : ",").append("{\"media_id\": \"").append(emulator.mediaId("ds", files.get(i)))
                            .append("\", \"value\": ").append(i * field).append('}');
                }
                String body = json.append(']').toString();
                uploads.add(pool.submit(() -> api.uploadTo("ds", task, body)));
            }
            for (var upload : uploads) {
                assertThat(upload.get().statusCode()).isEqualTo(202);
            }
            pool.shutdown();

            for (int field = 0; field < 4; field++) {
                JsonNode status = Jsons.read(api.status("ds", tasks.get(field)).body());
                assertThat(status.get("inserted_rows").asLong()).isEqualTo(files.size());
                assertThat(emulator.values("ds", "f" + field).get(emulator.mediaId("ds", "img1999.jpg")))
                        .isEqualTo(new java.math.BigDecimal(1999 * field));
            }
        }
    }
}

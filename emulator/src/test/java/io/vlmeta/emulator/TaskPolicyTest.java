package io.vlmeta.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When a task takes files, under the default and the strict policies, and in which order it applies them. */
class TaskPolicyTest {
    private static final String FLOAT = "{\"field_name\": \"score\", \"field_type\": \"float\"}";

    private Emulator emulator;
    private ApiClient api;
    private String a;
    private String b;
    private String c;

    private void start(EmulatorConfig.Builder config) {
        emulator = Emulator.start(config.build());
        emulator.addDataset("ds", List.of("a.jpg", "b.jpg", "c.jpg"));
        api = new ApiClient(emulator);
        a = emulator.mediaId("ds", "a.jpg");
        b = emulator.mediaId("ds", "b.jpg");
        c = emulator.mediaId("ds", "c.jpg");
    }

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private JsonNode status(String task) throws Exception {
        return Jsons.read(api.status("ds", task).body());
    }

    @Test
    void pollsBetweenUploadsNeverCloseATaskByDefault() throws Exception {
        start(EmulatorConfig.builder().pollsToComplete(0));
        String task = api.declare("ds", FLOAT);

        HttpResponse<String> first = api.uploadTo("ds", task, ApiClient.entries(Map.of(a, "1")));
        JsonNode afterFirst = status(task);
        HttpResponse<String> second = api.uploadTo("ds", task, ApiClient.entries(Map.of(b, "2")));
        JsonNode afterSecondUpload = Jsons.read(api.status("ds", task).body());

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(afterFirst.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(afterFirst.get("inserted_rows").asLong()).isEqualTo(1);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(Jsons.read(second.body()).get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(afterSecondUpload.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(afterSecondUpload.get("inserted_rows").asLong()).isEqualTo(2);
        assertThat(emulator.values("ds", "score")).containsExactly(
                Map.entry(a, new BigDecimal("1")), Map.entry(b, new BigDecimal("2")));
    }

    @Test
    void rowIndexCountsAcrossTheFilesOfATaskInUploadOrder() throws Exception {
        start(EmulatorConfig.builder().pollsToComplete(0));
        String task = api.declare("ds", FLOAT);

        api.uploadTo("ds", task, "[{\"media_id\": \"" + a + "\", \"value\": 1}, {\"media_id\": \"" + b
                + "\", \"value\": \"two\"}]");
        status(task);
        api.uploadTo("ds", task, "[{\"media_id\": \"" + c + "\", \"value\": 3}, {\"media_id\": \"" + a
                + "\", \"value\": 4}]");
        JsonNode done = status(task);

        assertThat(done.get("status").asText()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(done.get("inserted_rows").asLong()).isEqualTo(2);
        assertThat(done.get("error_count").asLong()).isEqualTo(2);
        assertThat(done.get("sample_errors").findValuesAsText("row_index")).containsExactly("1", "3");
        assertThat(done.get("sample_errors").get(1).get("reason").asText())
                .isEqualTo("Field 'score' already has a value for media_id '" + a + "'; metadata is immutable");
    }

    @Test
    void strictModeRefusesASecondUploadToATask() throws Exception {
        start(EmulatorConfig.builder().pollsToComplete(0).strictOneUploadPerTask());
        String task = api.declare("ds", FLOAT);

        HttpResponse<String> first = api.uploadTo("ds", task, ApiClient.entries(Map.of(a, "1")));
        HttpResponse<String> second = api.uploadTo("ds", task, ApiClient.entries(Map.of(b, "2")));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(Jsons.read(second.body()).get("detail").asText()).isEqualTo("Task '" + task
                + "' has already received its file (status IN_PROGRESS); a task accepts a single upload,"
                + " declare a new field to upload more");
        assertThat(status(task).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(emulator.values("ds", "score")).containsOnlyKeys(a);
    }

    @Test
    void strictModeRefusesASecondUploadAlsoAfterTheTaskCompleted() throws Exception {
        start(EmulatorConfig.builder().pollsToComplete(0).taskPolicy(TaskPolicy.ONE_UPLOAD));
        String task = api.declare("ds", FLOAT);
        api.uploadTo("ds", task, ApiClient.entries(Map.of(a, "1")));
        assertThat(api.pollToEnd("ds", task)).containsExactly("COMPLETED");

        HttpResponse<String> late = api.uploadTo("ds", task, ApiClient.entries(Map.of(b, "2")));

        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(Jsons.read(late.body()).get("detail").asText()).startsWith("Task '" + task
                + "' has already received its file (status COMPLETED)");
        assertThat(emulator.values("ds", "score")).containsOnlyKeys(a);
    }

    @Test
    void aFileThatIsNotAJsonArrayDoesNotUseUpAStrictTasksOneUpload() throws Exception {
        start(EmulatorConfig.builder().pollsToComplete(0).strictOneUploadPerTask());
        String task = api.declare("ds", FLOAT);

        HttpResponse<String> wrong = api.uploadTo("ds", task, "{\"media_id\": \"" + a + "\", \"value\": 1}");
        HttpResponse<String> right = api.uploadTo("ds", task, ApiClient.entries(Map.of(a, "1")));

        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(right.statusCode()).isEqualTo(202);
        assertThat(emulator.values("ds", "score")).containsOnlyKeys(a);
    }

    @Test
    void whenPollsCloseTasksTheFirstFinalAnswerClosesIt() throws Exception {
        start(EmulatorConfig.builder().pollsToComplete(1).pollClosesTask());
        String task = api.declare("ds", FLOAT);
        api.uploadTo("ds", task, ApiClient.entries(Map.of(a, "1")));
        assertThat(status(task).get("status").asText()).isEqualTo("IN_PROGRESS");
        HttpResponse<String> beforeFinal = api.uploadTo("ds", task, ApiClient.entries(Map.of(b, "2")));
        assertThat(api.pollToEnd("ds", task)).containsExactly("IN_PROGRESS", "COMPLETED");

        HttpResponse<String> afterFinal = api.uploadTo("ds", task, ApiClient.entries(Map.of(c, "3")));

        assertThat(beforeFinal.statusCode()).isEqualTo(202);
        assertThat(afterFinal.statusCode()).isEqualTo(409);
        assertThat(Jsons.read(afterFinal.body()).get("detail").asText())
                .isEqualTo("Task '" + task + "' is COMPLETED and accepts no more uploads");
        assertThat(emulator.values("ds", "score")).containsOnlyKeys(a, b);
    }
}

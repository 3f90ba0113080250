package io.vlmeta.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private Emulator emulator;

    private ApiClient start(FaultPlan faults) {
        emulator = Emulator.start(EmulatorConfig.builder().pollsToComplete(0).faults(faults).build());
        emulator.addDataset("ds", List.of("a.jpg", "b.jpg"));
        return new ApiClient(emulator);
    }

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private List<Integer> datasetStatuses(ApiClient api, int requests) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(api.get("/api/v1/dataset/ds").statusCode());
        }
        return statuses;
    }

    @Test
    void aFractionOfRequestsIsAnsweredServiceUnavailable() throws Exception {
        ApiClient api = start(FaultPlan.builder().serviceUnavailableFraction(0.5).seed(7).build());

        List<Integer> statuses = datasetStatuses(api, 200);

        assertThat(statuses).containsOnly(200, 503);
        assertThat(statuses.stream().filter(s -> s == 503).count()).isBetween(70L, 130L);
        HttpResponse<String> unavailable = null;
        while (unavailable == null) {
            HttpResponse<String> response = api.get("/api/v1/dataset/ds");
            unavailable = response.statusCode() == 503 ? response : null;
        }
        assertThat(unavailable.body()).isEqualTo("{\"detail\":\"Service Unavailable\"}");
    }

    @Test
    void theSameSeedGivesTheSameFaults() throws Exception {
        FaultPlan plan = FaultPlan.builder().serviceUnavailableFraction(0.3).tooManyRequests(0.3, 2).seed(42).build();
        ApiClient api = start(plan);
        List<Integer> first = datasetStatuses(api, 60);

        emulator.setFaults(plan);
        List<Integer> second = datasetStatuses(api, 60);
        emulator.setFaults(FaultPlan.builder().serviceUnavailableFraction(0.3).tooManyRequests(0.3, 2).seed(43).build());
        List<Integer> otherSeed = datasetStatuses(api, 60);

        assertThat(first).contains(200, 429, 503);
        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() throws Exception {
        ApiClient api = start(FaultPlan.builder().tooManyRequests(1.0, 3).build());

        HttpResponse<String> response = api.get("/api/v1/dataset/ds");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(response.body()).isEqualTo("{\"detail\":\"Too Many Requests\"}");
    }

    @Test
    void aFixedDelayHoldsEveryAnswer() throws Exception {
        ApiClient api = start(FaultPlan.builder().fixedDelay(Duration.ofMillis(300)).build());

        long started = System.nanoTime();
        HttpResponse<String> response = api.get("/api/v1/dataset/ds");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aDroppedConnectionFailsTheClientAfterTheWorkWasDone() throws Exception {
        ApiClient api = start(FaultPlan.builder().dropConnectionFraction(1.0).build());
        String declaration = "{\"field_name\": \"notes\", \"field_type\": \"string\"}";

        assertThatThrownBy(() -> api.postJson("/api/v1/datasets/ds/custom_metadata/tasks", declaration))
                .isInstanceOf(IOException.class);

        assertThat(emulator.schema("ds")).extracting(field -> field.get("field_name")).containsExactly("notes");
        emulator.setFaults(FaultPlan.none());
        HttpResponse<String> retried = api.postJson("/api/v1/datasets/ds/custom_metadata/tasks", declaration);
        assertThat(retried.statusCode()).isEqualTo(409);
        assertThat(api.get("/api/v1/dataset/ds").statusCode()).isEqualTo(200);
    }

    @Test
    void theNthRequestOfAnEndpointFailsWithoutBeingProcessed() throws Exception {
        ApiClient api = start(FaultPlan.builder().failNth("upload", 2, 502).build());
        String task = api.declare("ds", "{\"field_name\": \"notes\", \"field_type\": \"string\"}");
        String a = emulator.mediaId("ds", "a.jpg");
        String b = emulator.mediaId("ds", "b.jpg");

        HttpResponse<String> first = api.uploadTo("ds", task, ApiClient.entries(Map.of(a, "\"a\"")));
        HttpResponse<String> second = api.uploadTo("ds", task, ApiClient.entries(Map.of(b, "\"b\"")));
        HttpResponse<String> third = api.uploadTo("ds", task, ApiClient.entries(Map.of(b, "\"b again\"")));

        assertThat(List.of(first.statusCode(), second.statusCode(), third.statusCode())).containsExactly(202, 502, 202);
        assertThat(emulator.values("ds", "notes")).containsExactly(Map.entry(a, "a"), Map.entry(b, "b again"));
        assertThat(emulator.requestCount("upload")).isEqualTo(3);
        assertThat(emulator.requestCount("declare")).isEqualTo(1);
    }

    @Test
    void aNewPlanCountsRequestsAfresh() throws Exception {
        ApiClient api = start(FaultPlan.none());
        datasetStatuses(api, 3);

        emulator.setFaults(FaultPlan.builder().failNth("dataset", 1, 503).build());

        assertThat(datasetStatuses(api, 2)).containsExactly(503, 200);
        assertThat(emulator.requestCount("dataset")).isEqualTo(5);
    }

    @Test
    void aBadGatewayAfterProcessingAnswers502ButTheFileWasApplied() throws Exception {
        ApiClient api = start(FaultPlan.builder().badGatewayAfterProcessingNth("upload", 2).build());
        String task = api.declare("ds", "{\"field_name\": \"notes\", \"field_type\": \"string\"}");
        String a = emulator.mediaId("ds", "a.jpg");
        String b = emulator.mediaId("ds", "b.jpg");

        HttpResponse<String> first = api.uploadTo("ds", task, ApiClient.entries(Map.of(a, "\"a\"")));
        HttpResponse<String> second = api.uploadTo("ds", task, ApiClient.entries(Map.of(b, "\"b\"")));
        HttpResponse<String> resent = api.uploadTo("ds", task, ApiClient.entries(Map.of(b, "\"b\"")));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(502);
        assertThat(second.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(second.body()).contains("<title>502 Bad Gateway</title>");
        assertThat(emulator.values("ds", "notes")).containsExactly(Map.entry(a, "a"), Map.entry(b, "b"));
        assertThat(resent.statusCode()).isEqualTo(202);
        JsonNode status = Jsons.read(api.status("ds", task).body());
        assertThat(status.get("inserted_rows").asLong()).isEqualTo(2);
        assertThat(status.get("sample_errors").get(0).get("reason").asText())
                .isEqualTo("Field 'notes' already has a value for media_id '" + b + "'; metadata is immutable");
        assertThat(status.get("sample_errors").get(0).get("row_index").asLong()).isEqualTo(2);
    }

    @Test
    void aFractionOfRequestsIsAnsweredBadGatewayAfterBeingProcessed() throws Exception {
        ApiClient api = start(FaultPlan.builder().badGatewayAfterProcessingFraction(0.5).seed(5).build());

        List<Integer> statuses = datasetStatuses(api, 200);
        HttpResponse<String> declared;
        do {
            declared = api.postJson("/api/v1/datasets/ds/custom_metadata/tasks",
                    "{\"field_name\": \"f" + statuses.size() + "\", \"field_type\": \"string\"}");
            statuses.add(declared.statusCode());
        } while (declared.statusCode() != 502);

        assertThat(statuses).containsOnly(200, 502);
        assertThat(statuses.subList(0, 200).stream().filter(s -> s == 502).count()).isBetween(70L, 130L);
        assertThat(emulator.schema("ds")).extracting(field -> field.get("field_name"))
                .contains("f" + (statuses.size() - 1));
    }

    @Test
    void theNthRequestCanLoseItsAnswerAfterBeingProcessed() throws Exception {
        ApiClient api = start(FaultPlan.builder().dropConnectionAfterProcessingNth("upload", 1).build());
        String task = api.declare("ds", "{\"field_name\": \"notes\", \"field_type\": \"string\"}");
        String a = emulator.mediaId("ds", "a.jpg");

        assertThatThrownBy(() -> api.uploadTo("ds", task, ApiClient.entries(Map.of(a, "\"a\""))))
                .isInstanceOf(IOException.class);

        assertThat(emulator.values("ds", "notes")).containsExactly(Map.entry(a, "a"));
        assertThat(api.uploadTo("ds", task, "[]").statusCode()).isEqualTo(202);
    }

    @Test
    void aDroppedUploadAnswerComesAfterTheFileWasApplied() throws Exception {
        ApiClient api = start(FaultPlan.none());
        String task = api.declare("ds", "{\"field_name\": \"notes\", \"field_type\": \"string\"}");
        String a = emulator.mediaId("ds", "a.jpg");
        emulator.setFaults(FaultPlan.builder().dropConnectionFraction(1.0).build());

        assertThatThrownBy(() -> api.uploadTo("ds", task, ApiClient.entries(Map.of(a, "\"a\""))))
                .isInstanceOf(IOException.class);

        assertThat(emulator.values("ds", "notes")).containsExactly(Map.entry(a, "a"));
    }

    @Test
    void faultPlansRefuseNonsense() {
        assertThatThrownBy(() -> FaultPlan.builder().failNth("uploads", 1, 503))
                .hasMessage("unknown endpoint 'uploads', expected one of [dataset, export, schema, declare, upload,"
                        + " status, read]");
        assertThatThrownBy(() -> FaultPlan.builder().serviceUnavailableFraction(1.5).build())
                .hasMessage("serviceUnavailableFraction must be between 0 and 1: 1.5");
        assertThatThrownBy(() -> FaultPlan.builder().failNth("upload", 0, 503))
                .hasMessage("request numbers start at 1: 0");
        assertThatThrownBy(() -> FaultPlan.builder().badGatewayAfterProcessingFraction(-0.1).build())
                .hasMessage("badGatewayAfterProcessingFraction must be between 0 and 1: -0.1");
        assertThatThrownBy(() -> FaultPlan.builder().badGatewayAfterProcessingNth("uploads", 1))
                .hasMessageStartingWith("unknown endpoint 'uploads'");
    }
}

package io.vlmeta.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A request body that does not arrive whole: by default nothing changes; as an opt-in worst case, a part is applied. */
class CutOffUploadTest {
    private static final String FLOAT = "{\"field_name\": \"score\", \"field_type\": \"float\"}";

    private record Upload(byte[] body, int cutInsideThirdEntry) {
    }

    private static Upload threeEntries(Emulator emulator) {
        String third = "{\"media_id\": \"" + emulator.mediaId("ds", "c.jpg") + "\", \"value\": 3.5}";
        String json = "[{\"media_id\": \"" + emulator.mediaId("ds", "a.jpg") + "\", \"value\": 1}, {\"media_id\": \""
                + emulator.mediaId("ds", "b.jpg") + "\", \"value\": 2}, " + third + "]";
        byte[] body = ApiClient.multipart("file", "batch.json", "application/json", json);
        String text = new String(body, StandardCharsets.UTF_8);
        // cut inside the third entry's number: "3." arrived, "5}" did not
        int cut = text.indexOf("3.5}") + 2;
        return new Upload(body, cut);
    }

    @Test
    void aCutOffUploadChangesNothingByDefault() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorConfig.builder().pollsToComplete(0).build())) {
            emulator.addDataset("ds", List.of("a.jpg", "b.jpg", "c.jpg"));
            ApiClient api = new ApiClient(emulator);
            String task = api.declare("ds", FLOAT);
            Upload upload = threeEntries(emulator);

            String answer = RawHttp.postCutOff(emulator.port(), "/api/v1/datasets/ds/custom_metadata/tasks/" + task,
                    upload.body(), upload.cutInsideThirdEntry());

            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(emulator.values("ds", "score")).isEmpty();
            JsonNode status = Jsons.read(api.status("ds", task).body());
            assertThat(status.get("status").asText()).isEqualTo("INIT");
            assertThat(status.get("inserted_rows").asLong()).isZero();
            // the file sent again whole is the task's first: its rows count from 0
            assertThat(api.postMultipart("/api/v1/datasets/ds/custom_metadata/tasks/" + task, upload.body())
                    .statusCode()).isEqualTo(202);
            assertThat(emulator.values("ds", "score")).hasSize(3);
        }
    }

    @Test
    void aCutOffUploadDoesNotUseUpAStrictTasksOneUpload() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorConfig.builder().pollsToComplete(0).strictOneUploadPerTask()
                .build())) {
            emulator.addDataset("ds", List.of("a.jpg", "b.jpg", "c.jpg"));
            ApiClient api = new ApiClient(emulator);
            String task = api.declare("ds", FLOAT);
            Upload upload = threeEntries(emulator);

            RawHttp.postCutOff(emulator.port(), "/api/v1/datasets/ds/custom_metadata/tasks/" + task, upload.body(), 40);

            assertThat(api.postMultipart("/api/v1/datasets/ds/custom_metadata/tasks/" + task, upload.body())
                    .statusCode()).isEqualTo(202);
            assertThat(emulator.values("ds", "score")).hasSize(3);
        }
    }

    @Test
    void partialApplicationStoresTheEntriesThatArrivedWholeAndNothingAfterTheCut() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorConfig.builder().pollsToComplete(0)
                .applyCutOffUploadsPartially().build())) {
            emulator.addDataset("ds", List.of("a.jpg", "b.jpg", "c.jpg"));
            ApiClient api = new ApiClient(emulator);
            String task = api.declare("ds", FLOAT);
            Upload upload = threeEntries(emulator);

            String answer = RawHttp.postCutOff(emulator.port(), "/api/v1/datasets/ds/custom_metadata/tasks/" + task,
                    upload.body(), upload.cutInsideThirdEntry());

            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(emulator.values("ds", "score")).containsExactly(
                    Map.entry(emulator.mediaId("ds", "a.jpg"), new BigDecimal("1")),
                    Map.entry(emulator.mediaId("ds", "b.jpg"), new BigDecimal("2")));
            JsonNode status = Jsons.read(api.status("ds", task).body());
            assertThat(status.get("status").asText()).isEqualTo("COMPLETED");
            assertThat(status.get("inserted_rows").asLong()).isEqualTo(2);
            assertThat(status.get("error_count").asLong()).isZero();
        }
    }
}

package io.vlmeta.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EndpointsTest {

    @RegisterExtension
    static EmulatorExtension extension = new EmulatorExtension(EmulatorConfig.builder().pollsToComplete(1).build());

    private final Emulator emulator = extension.emulator();
    private final ApiClient api = new ApiClient(extension.emulator());

    @Test
    void datasetEndpointAnswersOnTheSingularPath() throws Exception {
        emulator.addDataset("ds-info", List.of("a.jpg", "b.jpg"));

        HttpResponse<String> response = api.get("/api/v1/dataset/ds-info");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = Jsons.read(response.body());
        assertThat(body.get("id").asText()).isEqualTo("ds-info");
        assertThat(body.get("status").asText()).isEqualTo("READY");
        assertThat(body.get("progress").asInt()).isEqualTo(100);
        assertThat(api.get("/api/v1/datasets/ds-info").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownDatasetIsNotFoundWithADetail() throws Exception {
        HttpResponse<String> response = api.get("/api/v1/dataset/nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Jsons.read(response.body()).get("detail").asText()).isEqualTo("Dataset 'nope' not found");
    }

    @Test
    void exportListsEveryFileWithItsDeterministicMediaIdFoundByHeader() throws Exception {
        emulator.addDataset("ds-export", List.of("images/img1.jpg", "images/with,comma.jpg"));

        HttpResponse<String> response = api.get("/api/v1/dataset/ds-export/export_media_id");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(response.body())).getRecords();
        assertThat(rows).extracting(row -> row.get("filename"), row -> row.get("media_id")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("images/img1.jpg", emulator.mediaId("ds-export", "images/img1.jpg")),
                org.assertj.core.groups.Tuple.tuple("images/with,comma.jpg",
                        emulator.mediaId("ds-export", "images/with,comma.jpg")));
        assertThat(api.get("/api/v1/datasets/ds-export/export_media_id").statusCode()).isEqualTo(404);
    }

    @Test
    void mediaIdsAreVersionFiveUuidsThatDependOnDatasetAndFile() {
        String id = emulator.mediaId("ds", "a.jpg");

        assertThat(java.util.UUID.fromString(id).version()).isEqualTo(5);
        assertThat(emulator.mediaId("ds", "a.jpg")).isEqualTo(id);
        assertThat(emulator.mediaId("ds2", "a.jpg")).isNotEqualTo(id);
        assertThat(emulator.mediaId("ds", "b.jpg")).isNotEqualTo(id);
    }

    @Test
    void declaredFieldsAppearInTheSchemaInDeclarationOrder() throws Exception {
        emulator.addDataset("ds-schema", List.of("a.jpg"));
        api.declare("ds-schema", "{\"field_name\": \"score\", \"field_type\": \"float\"}");
        api.declare("ds-schema", "{\"field_name\": \"tags\", \"field_type\": \"enum\", \"enum_options\": [\"x\", \"y\"],"
                + " \"is_multi\": true}");

        HttpResponse<String> response = api.get("/api/v1/datasets/ds-schema/custom_metadata/schema");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Jsons.read(response.body())).isEqualTo(Jsons.read("[{\"field_name\": \"score\", \"field_type\":"
                + " \"float\", \"is_multi\": false, \"enum_options\": []}, {\"field_name\": \"tags\", \"field_type\":"
                + " \"enum\", \"is_multi\": true, \"enum_options\": [\"x\", \"y\"]}]"));
        assertThat(emulator.schema("ds-schema")).containsExactly(
                Map.of("field_name", "score", "field_type", "float", "is_multi", false, "enum_options", List.of()),
                Map.of("field_name", "tags", "field_type", "enum", "is_multi", true, "enum_options", List.of("x", "y")));
    }

    @Test
    void declarationOpensATaskInInit() throws Exception {
        emulator.addDataset("ds-declare", List.of("a.jpg"));

        HttpResponse<String> response = api.postJson("/api/v1/datasets/ds-declare/custom_metadata/tasks",
                "{\"field_name\": \"notes\", \"field_type\": \"string\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Jsons.read(response.body());
        assertThat(java.util.UUID.fromString(body.get("task_id").asText())).isNotNull();
        assertThat(body.get("status").asText()).isEqualTo("INIT");
        JsonNode status = Jsons.read(api.status("ds-declare", body.get("task_id").asText()).body());
        assertThat(status.get("status").asText()).isEqualTo("INIT");
        assertThat(status.get("progress").asDouble()).isEqualTo(0.0);
    }

    @Test
    void uploadedValuesOfEveryTypeAreStoredAndReadBack() throws Exception {
        emulator.addDataset("ds-upload", List.of("a.jpg", "b.jpg"));
        String a = emulator.mediaId("ds-upload", "a.jpg");
        String b = emulator.mediaId("ds-upload", "b.jpg");
        Map<String, String> declarations = new java.util.LinkedHashMap<>();
        declarations.put("notes", "{\"field_name\": \"notes\", \"field_type\": \"string\"}");
        declarations.put("score", "{\"field_name\": \"score\", \"field_type\": \"float\"}");
        declarations.put("taken", "{\"field_name\": \"taken\", \"field_type\": \"datetime\"}");
        declarations.put("doc", "{\"field_name\": \"doc\", \"field_type\": \"link\"}");
        declarations.put("light", "{\"field_name\": \"light\", \"field_type\": \"enum\", \"enum_options\": [\"Sunny\","
                + " \"Cloudy\"], \"is_multi\": false}");
        declarations.put("tags", "{\"field_name\": \"tags\", \"field_type\": \"enum\", \"enum_options\": [\"t1\", \"t2\","
                + " \"t3\"], \"is_multi\": true}");
        Map<String, String> uploads = Map.of(
                "notes", ApiClient.entries(Map.of(a, "\"héllo, wörld\"", b, "\"\"")),
                "score", ApiClient.entries(Map.of(a, "23.5", b, "42")),
                "taken", ApiClient.entries(Map.of(a, "\"2024-01-15T10:30:00Z\"")),
                "doc", ApiClient.entries(Map.of(a, "\"https://example.com/doc.pdf\"")),
                "light", ApiClient.entries(Map.of(a, "\"Sunny\"", b, "\"Cloudy\"")),
                "tags", ApiClient.entries(Map.of(a, "[\"t3\", \"t1\"]", b, "[]")));
        for (var declaration : declarations.entrySet()) {
            String task = api.declare("ds-upload", declaration.getValue());
            HttpResponse<String> upload = api.uploadTo("ds-upload", task, uploads.get(declaration.getKey()));
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
            assertThat(api.pollToEnd("ds-upload", task)).containsExactly("IN_PROGRESS", "COMPLETED");
        }

        assertThat(emulator.values("ds-upload", "notes")).containsExactly(Map.entry(a, "héllo, wörld"), Map.entry(b, ""));
        assertThat(emulator.values("ds-upload", "score")).containsExactly(
                Map.entry(a, new BigDecimal("23.5")), Map.entry(b, new BigDecimal("42")));
        assertThat(emulator.values("ds-upload", "taken")).containsExactly(Map.entry(a, "2024-01-15T10:30:00Z"));
        assertThat(emulator.values("ds-upload", "doc")).containsExactly(Map.entry(a, "https://example.com/doc.pdf"));
        assertThat(emulator.values("ds-upload", "light")).containsExactly(Map.entry(a, "Sunny"), Map.entry(b, "Cloudy"));
        assertThat(emulator.values("ds-upload", "tags")).containsExactly(
                Map.entry(a, List.of("t3", "t1")), Map.entry(b, List.of()));

        HttpResponse<String> read = api.get("/api/v1/datasets/ds-upload/image/" + a + "/custom_metadata");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(Jsons.read(read.body())).isEqualTo(Jsons.read("["
                + "{\"field_name\": \"notes\", \"field_type\": \"string\", \"value\": \"héllo, wörld\"},"
                + "{\"field_name\": \"score\", \"field_type\": \"float\", \"value\": 23.5},"
                + "{\"field_name\": \"taken\", \"field_type\": \"datetime\", \"value\": \"2024-01-15T10:30:00Z\"},"
                + "{\"field_name\": \"doc\", \"field_type\": \"link\", \"value\": \"https://example.com/doc.pdf\"},"
                + "{\"field_name\": \"light\", \"field_type\": \"enum\", \"value\": \"Sunny\"},"
                + "{\"field_name\": \"tags\", \"field_type\": \"enum\", \"value\": [\"t3\", \"t1\"]}]"));
    }

    @Test
    void statusReportsCountsWhenComplete() throws Exception {
        emulator.addDataset("ds-status", List.of("a.jpg", "b.jpg"));
        String task = api.declare("ds-status", "{\"field_name\": \"score\", \"field_type\": \"float\"}");
        api.uploadTo("ds-status", task, ApiClient.entries(Map.of(emulator.mediaId("ds-status", "a.jpg"), "1.5",
                emulator.mediaId("ds-status", "b.jpg"), "2.5")));

        JsonNode first = Jsons.read(api.status("ds-status", task).body());
        JsonNode second = Jsons.read(api.status("ds-status", task).body());

        assertThat(first.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(first.get("progress").asDouble()).isEqualTo(50.0);
        assertThat(second).isEqualTo(Jsons.read("{\"task_id\": \"" + task + "\", \"status\": \"COMPLETED\","
                + " \"progress\": 100.0, \"inserted_rows\": 2, \"error_count\": 0, \"sample_errors\": []}"));
    }

    @Test
    void readOfAMediaWithoutValuesIsAnEmptyList() throws Exception {
        emulator.addDataset("ds-read", List.of("a.jpg"));

        HttpResponse<String> response = api.get("/api/v1/datasets/ds-read/image/"
                + emulator.mediaId("ds-read", "a.jpg") + "/custom_metadata");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
    }

    @Test
    void readOfAnUnknownMediaIsNotFound() throws Exception {
        emulator.addDataset("ds-read-unknown", List.of("a.jpg"));
        String other = emulator.mediaId("elsewhere", "a.jpg");

        HttpResponse<String> response = api.get("/api/v1/datasets/ds-read-unknown/image/" + other + "/custom_metadata");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Jsons.read(response.body()).get("detail").asText())
                .isEqualTo("Media '" + other + "' not found in dataset 'ds-read-unknown'");
    }

    @Test
    void wrongMethodIsRefusedAndUnknownPathsAreNotFound() throws Exception {
        emulator.addDataset("ds-paths", List.of("a.jpg"));

        assertThat(api.postJson("/api/v1/dataset/ds-paths", "{}").statusCode()).isEqualTo(405);
        assertThat(api.get("/api/v1/datasets/ds-paths/custom_metadata/tasks").statusCode()).isEqualTo(405);
        assertThat(api.get("/api/v1/dataset/ds-paths/").statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v2/dataset/ds-paths").statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/datasets/ds-paths/custom_metadata/schema/x").statusCode()).isEqualTo(404);
    }

    @Test
    void requestsAreCountedPerEndpoint() throws Exception {
        emulator.addDataset("ds-count", List.of("a.jpg"));
        long before = emulator.requestCount("dataset");

        api.get("/api/v1/dataset/ds-count");
        api.get("/api/v1/dataset/ds-count");

        assertThat(emulator.requestCount("dataset")).isEqualTo(before + 2);
    }
}

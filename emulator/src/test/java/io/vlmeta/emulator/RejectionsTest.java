package io.vlmeta.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RejectionsTest {

    @RegisterExtension
    static EmulatorExtension extension = new EmulatorExtension(EmulatorConfig.builder().pollsToComplete(0).build());

    private static final AtomicInteger DATASETS = new AtomicInteger();

    private final Emulator emulator = extension.emulator();
    private final ApiClient api = new ApiClient(extension.emulator());
    private final String dataset = "ds-" + DATASETS.incrementAndGet();

    private String media(String file) {
        return emulator.mediaId(dataset, file);
    }

    /** Uploads {@code [{"media_id": a.jpg's id, "value": v}, ...]} for each value in order, one media per value. */
    private JsonNode uploadValues(String declaration, String... jsonValues) throws Exception {
        List<String> files = new ArrayList<>();
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < jsonValues.length; i++) {
            files.add("img" + i + ".jpg");
        }
        emulator.addDataset(dataset, files);
        for (int i = 0; i < jsonValues.length; i++) {
            entries.put(media(files.get(i)), jsonValues[i]);
        }
        String task = api.declare(dataset, declaration);
        HttpResponse<String> upload = api.uploadTo(dataset, task, ApiClient.entries(entries));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
        return Jsons.read(api.status(dataset, task).body());
    }

    private static List<String> reasons(JsonNode status) {
        List<String> reasons = new ArrayList<>();
        status.get("sample_errors").forEach(sample -> reasons.add(sample.get("row_index").asLong() + ": "
                + sample.get("reason").asText()));
        return reasons;
    }

    @Test
    void stringsOverTwoHundredFiftyFiveCharactersAreRejectedAlone() throws Exception {
        String longest = "é".repeat(255);
        JsonNode status = uploadValues("{\"field_name\": \"notes\", \"field_type\": \"string\"}",
                "\"" + longest + "\"", "\"" + longest + "x\"", "42");

        assertThat(status.get("status").asText()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(status.get("inserted_rows").asLong()).isEqualTo(1);
        assertThat(status.get("error_count").asLong()).isEqualTo(2);
        assertThat(reasons(status)).containsExactly(
                "1: String has 256 characters, exceeds limit of 255",
                "2: Expected String, got Number");
        assertThat(emulator.values(dataset, "notes")).containsExactly(Map.entry(media("img0.jpg"), longest));
    }

    @Test
    void floatsMustBeJsonNumbersAndKeepTheirDigits() throws Exception {
        JsonNode status = uploadValues("{\"field_name\": \"score\", \"field_type\": \"float\"}",
                "0.1", "\"23.5\"", "1e3", "0.10", "-7", "12345678.9", "true", "1e999");

        assertThat(reasons(status)).containsExactly(
                "1: Expected Number, got String",
                "6: Expected Number, got Boolean",
                "7: Number '1e999' is out of range for a float");
        assertThat(emulator.values(dataset, "score")).containsExactly(
                Map.entry(media("img0.jpg"), new BigDecimal("0.1")),
                Map.entry(media("img2.jpg"), new BigDecimal("1e3")),
                Map.entry(media("img3.jpg"), new BigDecimal("0.10")),
                Map.entry(media("img4.jpg"), new BigDecimal("-7")),
                Map.entry(media("img5.jpg"), new BigDecimal("12345678.9")));
    }

    @Test
    void datetimesMustBeExactlyUtcSecondsWithZ() throws Exception {
        JsonNode status = uploadValues("{\"field_name\": \"taken\", \"field_type\": \"datetime\"}",
                "\"2024-02-29T23:59:59Z\"", "\"2024-01-15\"", "\"2024-01-15T10:30:00.5Z\"",
                "\"2024-01-15T10:30:00+02:00\"", "\"2023-02-29T00:00:00Z\"", "\"2024-01-15 10:30:00Z\"", "1705314600");

        assertThat(reasons(status)).containsExactly(
                "1: Invalid datetime '2024-01-15': expected YYYY-MM-DDTHH:MM:SSZ",
                "2: Invalid datetime '2024-01-15T10:30:00.5Z': expected YYYY-MM-DDTHH:MM:SSZ",
                "3: Invalid datetime '2024-01-15T10:30:00+02:00': expected YYYY-MM-DDTHH:MM:SSZ",
                "4: Invalid datetime '2023-02-29T00:00:00Z': expected YYYY-MM-DDTHH:MM:SSZ",
                "5: Invalid datetime '2024-01-15 10:30:00Z': expected YYYY-MM-DDTHH:MM:SSZ",
                "6: Expected String, got Number");
        assertThat(emulator.values(dataset, "taken")).containsExactly(
                Map.entry(media("img0.jpg"), "2024-02-29T23:59:59Z"));
    }

    @Test
    void linksMustBeAbsoluteHttpOrHttpsUrls() throws Exception {
        JsonNode status = uploadValues("{\"field_name\": \"doc\", \"field_type\": \"link\"}",
                "\"https://example.com/a.pdf\"", "\"http://host:8080/x?y=1\"", "\"example.com/doc.pdf\"",
                "\"ftp://example.com/a\"", "\"https://\"", "\"not a url\"");

        assertThat(reasons(status)).containsExactly(
                "2: Invalid link 'example.com/doc.pdf': must be an absolute http:// or https:// URL",
                "3: Invalid link 'ftp://example.com/a': must be an absolute http:// or https:// URL",
                "4: Invalid link 'https://': must be an absolute http:// or https:// URL",
                "5: Invalid link 'not a url': must be an absolute http:// or https:// URL");
        assertThat(emulator.values(dataset, "doc")).hasSize(2);
    }

    @Test
    void textWithAnUnpairedSurrogateIsRefusedRatherThanStoredWithAReplacementCharacter() throws Exception {
        // JSON escapes carry unpaired surrogates; UTF-8, in which text is stored, cannot
        JsonNode strings = uploadValues("{\"field_name\": \"notes\", \"field_type\": \"string\"}",
                "\"a\\ud800b\"", "\"\\udc00\"", "\"\\ud83d\\ude00 paired\"", "\"end\\ud83d\"");

        assertThat(reasons(strings)).containsExactly(
                "0: String holds an unpaired surrogate U+D800 at index 1, which is not Unicode text",
                "1: String holds an unpaired surrogate U+DC00 at index 0, which is not Unicode text",
                "3: String holds an unpaired surrogate U+D83D at index 3, which is not Unicode text");
        assertThat(emulator.values(dataset, "notes")).containsExactly(Map.entry(media("img2.jpg"), "\uD83D\uDE00 paired"));
    }

    @Test
    void linksWithAnUnpairedSurrogateAreRefused() throws Exception {
        JsonNode links = uploadValues("{\"field_name\": \"url\", \"field_type\": \"link\"}",
                "\"https://example.com/\\udfff\"", "\"https://example.com/\\ud83d\\ude00\"");

        assertThat(reasons(links)).containsExactly(
                "0: Link holds an unpaired surrogate U+DFFF at index 20, which is not Unicode text");
        assertThat(emulator.values(dataset, "url")).containsExactly(
                Map.entry(media("img1.jpg"), "https://example.com/\uD83D\uDE00"));
    }

    @Test
    void enumValuesMustBeDeclaredOptions() throws Exception {
        JsonNode status = uploadValues("{\"field_name\": \"light\", \"field_type\": \"enum\", \"enum_options\": "
                + "[\"Sunny\", \"Cloudy\"], \"is_multi\": false}", "\"Sunny\"", "\"sunny\"", "[\"Sunny\"]");

        assertThat(reasons(status)).containsExactly(
                "1: Value 'sunny' is not one of the declared enum options",
                "2: Expected String, got Array");
    }

    @Test
    void multiEnumValuesMustBeArraysOfDeclaredOptions() throws Exception {
        JsonNode status = uploadValues("{\"field_name\": \"tags\", \"field_type\": \"enum\", \"enum_options\": "
                + "[\"t1\", \"t2\"], \"is_multi\": true}",
                "[\"t2\", \"t1\"]", "\"t1\"", "[\"t1\", \"t9\"]", "[\"t1\", 2]", "{\"t1\": true}");

        assertThat(reasons(status)).containsExactly(
                "1: Expected Array of Strings, got String",
                "2: Value 't9' is not one of the declared enum options",
                "3: Expected Array of Strings, got an Array holding other values",
                "4: Expected Array of Strings, got Object");
        assertThat(emulator.values(dataset, "tags")).containsExactly(Map.entry(media("img0.jpg"), List.of("t2", "t1")));
    }

    @Test
    void entriesWithoutMediaOrValueAreRejected() throws Exception {
        emulator.addDataset(dataset, List.of("a.jpg"));
        String task = api.declare(dataset, "{\"field_name\": \"notes\", \"field_type\": \"string\"}");
        String unknown = emulator.mediaId("other", "a.jpg");

        api.uploadTo(dataset, task, "[{\"value\": \"x\"}, {\"media_id\": \"" + unknown + "\", \"value\": \"x\"},"
                + " {\"media_id\": \"not-a-uuid\", \"value\": \"x\"}, {\"media_id\": 17, \"value\": \"x\"},"
                + " {\"media_id\": \"" + media("a.jpg") + "\"}, {\"media_id\": \"" + media("a.jpg") + "\", \"value\": null},"
                + " \"just text\", {\"media_id\": \"" + media("a.jpg").toUpperCase() + "\", \"value\": \"kept\","
                + " \"extra\": [1, {\"x\": 2}]}]");
        JsonNode status = Jsons.read(api.status(dataset, task).body());

        assertThat(reasons(status)).containsExactly(
                "0: Missing media_id",
                "1: Unknown media_id '" + unknown + "'",
                "2: Unknown media_id 'not-a-uuid'",
                "3: Unknown media_id '17'",
                "4: Missing value",
                "5: Value must not be null",
                "6: Expected an Object with media_id and value");
        assertThat(status.get("inserted_rows").asLong()).isEqualTo(1);
        assertThat(emulator.values(dataset, "notes")).containsExactly(Map.entry(media("a.jpg"), "kept"));
    }

    @Test
    void aSecondValueForTheSameMediaIsRejectedBecauseMetadataIsImmutable() throws Exception {
        emulator.addDataset(dataset, List.of("a.jpg", "b.jpg"));
        String task = api.declare(dataset, "{\"field_name\": \"notes\", \"field_type\": \"string\"}");
        String a = media("a.jpg");

        api.uploadTo(dataset, task, "[{\"media_id\": \"" + a + "\", \"value\": \"first\"},"
                + " {\"media_id\": \"" + a + "\", \"value\": \"second\"}]");
        api.uploadTo(dataset, task, "[{\"media_id\": \"" + media("b.jpg") + "\", \"value\": \"b\"},"
                + " {\"media_id\": \"" + a + "\", \"value\": \"third\"}]");
        JsonNode status = Jsons.read(api.status(dataset, task).body());

        String reason = "Field 'notes' already has a value for media_id '" + a + "'; metadata is immutable";
        assertThat(reasons(status)).containsExactly("1: " + reason, "3: " + reason);
        assertThat(status.get("inserted_rows").asLong()).isEqualTo(2);
        assertThat(emulator.values(dataset, "notes")).containsExactly(
                Map.entry(a, "first"), Map.entry(media("b.jpg"), "b"));
    }

    @Test
    void rowIndexesRunOverAllFilesOfATaskAndOnlyAHundredSamplesAreKept() throws Exception {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            files.add("img" + i + ".jpg");
        }
        emulator.addDataset(dataset, files);
        String task = api.declare(dataset, "{\"field_name\": \"score\", \"field_type\": \"float\"}");
        for (int batch = 0; batch < 3; batch++) {
            Map<String, String> entries = new LinkedHashMap<>();
            for (int i = batch * 50; i < batch * 50 + 50; i++) {
                entries.put(media("img" + i + ".jpg"), i % 2 == 0 ? "\"bad\"" : Integer.toString(i));
            }
            assertThat(api.uploadTo(dataset, task, ApiClient.entries(entries)).statusCode()).isEqualTo(202);
        }

        JsonNode status = Jsons.read(api.status(dataset, task).body());

        assertThat(status.get("error_count").asLong()).isEqualTo(75);
        assertThat(status.get("inserted_rows").asLong()).isEqualTo(75);
        assertThat(status.get("sample_errors")).hasSize(75);
        assertThat(status.get("sample_errors").get(74).get("row_index").asLong()).isEqualTo(148);

        String overflowing = "ds-overflow-" + DATASETS.incrementAndGet();
        emulator.addDataset(overflowing, List.of("a.jpg"));
        String second = api.declare(overflowing, "{\"field_name\": \"score\", \"field_type\": \"float\"}");
        api.uploadTo(overflowing, second, "[" + String.join(",", java.util.Collections.nCopies(250, "{}")) + "]");
        JsonNode many = Jsons.read(api.status(overflowing, second).body());
        assertThat(many.get("error_count").asLong()).isEqualTo(250);
        assertThat(many.get("sample_errors")).hasSize(UploadTask.SAMPLE_LIMIT);
        assertThat(many.get("sample_errors").get(99).get("row_index").asLong()).isEqualTo(99);
    }

    @Test
    void aSecondDeclarationOfANameIsAConflict() throws Exception {
        emulator.addDataset(dataset, List.of("a.jpg"));
        api.declare(dataset, "{\"field_name\": \"x\", \"field_type\": \"string\"}");

        HttpResponse<String> again = api.postJson("/api/v1/datasets/" + dataset + "/custom_metadata/tasks",
                "{\"field_name\": \"x\", \"field_type\": \"float\"}");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).isEqualTo("{\"detail\":\"Field 'x' already exists\"}");
        assertThat(emulator.schema(dataset)).hasSize(1);
    }

    @Test
    void aDatasetThatIsNotReadyRefusesDeclarations() throws Exception {
        emulator.addDataset(dataset, List.of("a.jpg"));
        emulator.setDatasetStatus(dataset, "INDEXING");

        HttpResponse<String> response = api.postJson("/api/v1/datasets/" + dataset + "/custom_metadata/tasks",
                "{\"field_name\": \"x\", \"field_type\": \"string\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(Jsons.read(response.body()).get("detail").asText()).isEqualTo("Dataset '" + dataset
                + "' is not READY (status INDEXING); metadata can only be added to a READY dataset");
        assertThat(Jsons.read(api.get("/api/v1/dataset/" + dataset).body()).get("status").asText()).isEqualTo("INDEXING");
    }

    @Test
    void badDeclarationsAreUnprocessable() throws Exception {
        emulator.addDataset(dataset, List.of("a.jpg"));
        String path = "/api/v1/datasets/" + dataset + "/custom_metadata/tasks";
        List<String> options601 = new ArrayList<>();
        for (int i = 0; i < 601; i++) {
            options601.add("\"o" + i + "\"");
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("not json", "Request body is not valid JSON");
        expected.put("[]", "Request body must be a JSON object with field_name and field_type");
        expected.put("{\"field_type\": \"string\"}", "field_name is required and must be a non-empty string");
        expected.put("{\"field_name\": \"x\", \"field_type\": \"text\"}",
                "field_type must be one of [string, float, datetime, enum, link]");
        expected.put("{\"field_name\": \"x\", \"field_type\": \"enum\"}",
                "enum_options is required for enum fields and must not be empty");
        expected.put("{\"field_name\": \"x\", \"field_type\": \"enum\", \"enum_options\": [" + String.join(",", options601)
                + "]}", "enum_options has 601 values, exceeds limit of 600");
        expected.put("{\"field_name\": \"x\", \"field_type\": \"enum\", \"enum_options\": [\"123456789012345678901\"]}",
                "Enum option '123456789012345678901' has 21 characters, exceeds limit of 20");
        expected.put("{\"field_name\": \"x\", \"field_type\": \"enum\", \"enum_options\": [\"a\\ud800\"]}",
                "Enum option holds an unpaired surrogate U+D800 at index 1, which is not Unicode text");
        expected.put("{\"field_name\": \"x\", \"field_type\": \"enum\", \"enum_options\": [\"a\", \"a\"]}",
                "Enum option 'a' is listed twice");
        expected.put("{\"field_name\": \"x\", \"field_type\": \"enum\", \"enum_options\": [\"a\", 1]}",
                "enum_options must be an array of strings");
        expected.put("{\"field_name\": \"x\", \"field_type\": \"float\", \"is_multi\": true}",
                "enum_options and is_multi apply to enum fields only, not to 'float'");
        expected.put("{\"field_name\": \"x\", \"field_type\": \"enum\", \"enum_options\": [\"a\"], \"is_multi\": \"yes\"}",
                "is_multi must be a boolean");

        for (var entry : expected.entrySet()) {
            HttpResponse<String> response = api.postJson(path, entry.getKey());
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(422);
            assertThat(Jsons.read(response.body()).get("detail").asText()).as(entry.getKey()).isEqualTo(entry.getValue());
        }
        assertThat(emulator.schema(dataset)).isEmpty();
    }

    @Test
    void aFailedTaskRefusesFurtherUploads() throws Exception {
        emulator.addDataset(dataset, List.of("a.jpg", "b.jpg"));
        String task = api.declare(dataset, "{\"field_name\": \"notes\", \"field_type\": \"string\"}");
        HttpResponse<String> broken = api.uploadTo(dataset, task, "[{\"media_id\": \"" + media("a.jpg")
                + "\", \"value\": \"x\"}, {\"media_id\": ");
        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(api.pollToEnd(dataset, task)).containsExactly("FAILED");

        HttpResponse<String> late = api.uploadTo(dataset, task, ApiClient.entries(Map.of(media("b.jpg"), "\"y\"")));

        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(Jsons.read(late.body()).get("detail").asText())
                .isEqualTo("Task '" + task + "' is FAILED and accepts no more uploads");
        assertThat(emulator.values(dataset, "notes")).containsOnlyKeys(media("a.jpg"));
    }

    @Test
    void unknownTasksAreNotFound() throws Exception {
        emulator.addDataset(dataset, List.of("a.jpg"));

        HttpResponse<String> upload = api.uploadTo(dataset, "no-such-task", "[]");
        HttpResponse<String> status = api.status(dataset, "no-such-task");

        assertThat(upload.statusCode()).isEqualTo(404);
        assertThat(status.statusCode()).isEqualTo(404);
        assertThat(Jsons.read(status.body()).get("detail").asText())
                .isEqualTo("Task 'no-such-task' not found in dataset '" + dataset + "'");
    }

    @Test
    void uploadsMustBeAJsonFilePartNamedFile() throws Exception {
        emulator.addDataset(dataset, List.of("a.jpg"));
        String task = api.declare(dataset, "{\"field_name\": \"notes\", \"field_type\": \"string\"}");
        String path = "/api/v1/datasets/" + dataset + "/custom_metadata/tasks/" + task;
        String entries = ApiClient.entries(Map.of(media("a.jpg"), "\"x\""));
        Map<byte[], String> expected = new LinkedHashMap<>();
        expected.put(ApiClient.multipart("data", "batch.json", "application/json", entries),
                "Upload has no part named 'file'");
        expected.put(ApiClient.multipart("file", null, null, entries), "Part 'file' must be a file with a .json name");
        expected.put(ApiClient.multipart("file", "batch.csv", "application/json", entries),
                "Part 'file' must be a file with a .json name");
        expected.put(ApiClient.multipart("file", "batch.json", "text/plain", entries),
                "Part 'file' must have content type application/json, not text/plain");

        for (var entry : expected.entrySet()) {
            HttpResponse<String> response = api.postMultipart(path, entry.getKey());
            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(Jsons.read(response.body()).get("detail").asText()).isEqualTo(entry.getValue());
        }
        HttpResponse<String> notMultipart = api.postJson(path, entries);
        assertThat(notMultipart.statusCode()).isEqualTo(422);
        assertThat(Jsons.read(notMultipart.body()).get("detail").asText())
                .isEqualTo("Upload must be multipart/form-data with a part named 'file'");
        assertThat(Jsons.read(api.status(dataset, task).body()).get("status").asText()).isEqualTo("INIT");
        assertThat(emulator.values(dataset, "notes")).isEmpty();
    }

    @Test
    void aFileThatIsNotAJsonArrayIsRefusedWithoutTouchingTheTask() throws Exception {
        emulator.addDataset(dataset, List.of("a.jpg"));
        String task = api.declare(dataset, "{\"field_name\": \"notes\", \"field_type\": \"string\"}");

        HttpResponse<String> response = api.uploadTo(dataset, task, "{\"media_id\": \"x\", \"value\": \"y\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(Jsons.read(response.body()).get("detail").asText())
                .isEqualTo("The upload file must hold a JSON array of {\"media_id\", \"value\"} objects");
        assertThat(Jsons.read(api.status(dataset, task).body()).get("status").asText()).isEqualTo("INIT");
    }

    @Test
    void aFileBrokenHalfwayFailsTheTaskAndKeepsWhatWasInserted() throws Exception {
        emulator.addDataset(dataset, List.of("a.jpg", "b.jpg"));
        String task = api.declare(dataset, "{\"field_name\": \"notes\", \"field_type\": \"string\"}");

        HttpResponse<String> response = api.uploadTo(dataset, task, "[{\"media_id\": \"" + media("a.jpg")
                + "\", \"value\": \"kept\"},\n {\"media_id\": \"" + media("b.jpg") + "\", \"value\": ");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(Jsons.read(response.body()).get("detail").asText())
                .startsWith("The upload file is not valid JSON (line 2, column ");
        JsonNode status = Jsons.read(api.status(dataset, task).body());
        assertThat(status.get("status").asText()).isEqualTo("FAILED");
        assertThat(status.get("inserted_rows").asLong()).isEqualTo(1);
        assertThat(emulator.values(dataset, "notes")).containsExactly(Map.entry(media("a.jpg"), "kept"));
        assertThat(api.uploadTo(dataset, task, "[]").statusCode()).isEqualTo(409);
    }
}

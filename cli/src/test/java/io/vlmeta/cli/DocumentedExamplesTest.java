package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The examples users copy from the documentation, run as written against the emulator. */
class DocumentedExamplesTest {
    /** The reference upload script's documentation example, word for word. */
    private static final String REFERENCE_CSV = """
            file_fullpath,patient_id,score,created_at,status,tags,pdf_url
            images/img1.jpg,P001,95.5,2024-01-15,active,"tag1, tag2",https://example.com/doc.pdf
            images/img2.jpg,P002,87.2,2024-01-16,pending,"tag3, tag4",https://example.com/doc2.pdf
            """;

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    private Object stored(String field, String file) {
        return EMULATOR.emulator().values("abc123", field).get(EMULATOR.emulator().mediaId("abc123", file));
    }

    @Test
    void theReferenceScriptsDocumentedCommandUploadsItsExampleCsv() throws IOException {
        Path csv = Files.writeString(dir.resolve("metadata.csv"), REFERENCE_CSV, StandardCharsets.UTF_8);
        EMULATOR.emulator().addDataset("abc123", List.of("images/img1.jpg", "images/img2.jpg"));

        CliRun run = CliRun.of(Map.of(), dir, "upload", "--csv", csv.toString(), "--dataset-id", "abc123",
                "--base-url", EMULATOR.emulator().baseUrl(), "--state-dir", dir.resolve("state").toString(),
                "--string-fields", "patient_id", "--float-fields", "score", "--datetime-fields", "created_at",
                "--enum-fields", "status", "--multi-enum-fields", "tags", "--link-fields", "pdf_url");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).endsWith("Upload complete!\nSuccessfully uploaded: 6/6 fields\n");
        assertThat(stored("patient_id", "images/img1.jpg")).isEqualTo("P001");
        assertThat(stored("score", "images/img2.jpg")).isEqualTo(new BigDecimal("87.2"));
        assertThat(stored("created_at", "images/img1.jpg")).isEqualTo("2024-01-15T00:00:00Z");
        assertThat(stored("status", "images/img2.jpg")).isEqualTo("pending");
        assertThat(stored("tags", "images/img1.jpg")).isEqualTo(List.of("tag1", "tag2"));
        assertThat(stored("tags", "images/img2.jpg")).isEqualTo(List.of("tag3", "tag4"));
        assertThat(stored("pdf_url", "images/img2.jpg")).isEqualTo("https://example.com/doc2.pdf");
        assertThat(EMULATOR.emulator().schema("abc123")).contains(Map.of("field_name", "tags", "field_type", "enum",
                "is_multi", true, "enum_options", List.of("tag1", "tag2", "tag3", "tag4")));
    }

    @Test
    void inferredDryRunPrintsEachColumnsTypeAndWhyAndSendsNothing() throws IOException {
        EMULATOR.emulator().addDataset("inferred", Examples.filenames());
        Path report = dir.resolve("out/report.html");
        long declaresBefore = EMULATOR.emulator().requestCount("declare");
        long uploadsBefore = EMULATOR.emulator().requestCount("upload");

        CliRun run = CliRun.of(Map.of(), dir, "upload", "--csv", Examples.METADATA.toString(), "--dataset-id",
                "inferred", "--base-url", EMULATOR.emulator().baseUrl(), "--state-dir",
                dir.resolve("state").toString(), "--infer", "--dry-run", "--report", report.toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("Fields to upload: 6\n"
                + "   caption: string (inferred: 12 distinct values in 12: free text)\n"
                + "   confidence: float (inferred: every one of 12 values is a number)\n"
                + "   captured_at: datetime (inferred: every one of 12 values is a date or date-time)\n"
                + "   weather: enum (inferred: 4 distinct values repeat across 12 values)\n"
                + "   tags: multi-enum (inferred: 12 values are comma-separated lists; 13 distinct items repeat "
                + "across 30 items)\n"
                + "   reference_url: link (inferred: every one of 12 values is an http(s) link)\n")
                .endsWith("Dry run complete: nothing was sent.\nReady to upload: 6/6 fields\n");
        assertThat(report).isRegularFile();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        assertThat(json.get("fields")).extracting(field -> field.get("declaration").get("field_type").asText())
                .containsExactly("string", "float", "datetime", "enum", "enum", "link");
        assertThat(EMULATOR.emulator().schema("inferred")).isEmpty();
        assertThat(EMULATOR.emulator().requestCount("declare")).isEqualTo(declaresBefore);
        assertThat(EMULATOR.emulator().requestCount("upload")).isEqualTo(uploadsBefore);
    }
}

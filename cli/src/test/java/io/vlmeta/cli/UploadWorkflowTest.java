package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The reference script's workflow through the real command line against the emulator over HTTP. */
class UploadWorkflowTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    private CliRun upload(String dataset, Path csv, String... extra) throws IOException {
        EMULATOR.emulator().addDataset(dataset, Examples.filenames());
        return uploadAgain(dataset, csv, extra);
    }

    /** The same upload to a dataset an earlier run created. */
    private CliRun uploadAgain(String dataset, Path csv, String... extra) {
        List<String> args = new ArrayList<>(List.of("upload", "--csv", csv.toString(), "--dataset-id", dataset,
                "--base-url", EMULATOR.emulator().baseUrl(), "--state-dir", dir.resolve("state").toString()));
        args.addAll(Examples.typeFlags());
        args.addAll(List.of(extra));
        return CliRun.of(Map.of(), dir, args.toArray(String[]::new));
    }

    private Object stored(String dataset, String field, String file) {
        return EMULATOR.emulator().values(dataset, field).get(EMULATOR.emulator().mediaId(dataset, file));
    }

    private Path brokenCsv() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(Examples.METADATA, StandardCharsets.UTF_8));
        lines.set(2, lines.get(2).replace(",0.87,", ",abc,"));
        lines.set(5, lines.get(5).replace("2024-03-09T11:42:10+01:00", "03-09-2024"));
        lines.set(7, lines.get(7).replace("https://example.com/surveys/harbour-001", "example.com/doc.pdf"));
        return Files.write(dir.resolve("broken.csv"), lines, StandardCharsets.UTF_8);
    }

    @Test
    void aBaseUrlsPasswordIsMaskedInTheBanner() throws IOException {
        EMULATOR.emulator().addDataset("userinfo", Examples.filenames());
        String url = EMULATOR.emulator().baseUrl().replace("http://", "http://alice:S3cr3tPw@");
        List<String> args = new ArrayList<>(List.of("upload", "--csv", Examples.METADATA.toString(), "--dataset-id",
                "userinfo", "--base-url", url, "--state-dir", dir.resolve("state").toString(), "--dry-run",
                "--report", dir.resolve("report.html").toString()));
        args.addAll(Examples.typeFlags());

        CliRun run = CliRun.of(Map.of(), dir, args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.both()).doesNotContain("S3cr3tPw").contains("Base URL: http://alice:***@127.0.0.1:");
    }

    @Test
    void aRerunWhoseFieldsAllExistSaysOnceThatThereIsNothingNewToUpload() throws IOException {
        CliRun first = upload("rerun", Examples.METADATA);
        CliRun again = uploadAgain("rerun", Examples.METADATA);

        assertThat(first.exitCode()).as(first.both()).isZero();
        assertThat(again.exitCode()).as(again.both()).isZero();
        assertThat(again.out()).endsWith("=".repeat(50) + "\nNothing new to upload: fields caption, confidence, "
                + "captured_at, weather, tags, reference_url were finished by an earlier run.\n");
        assertThat(again.out()).doesNotContain("already exists").doesNotContain("Skipped")
                .doesNotContain("Successfully uploaded").doesNotContain("Warnings (");
        // the notes of why each field is skipped are no warnings about the rows
        assertThat(again.out()).contains("Validation passed: 12 rows, 6 fields\n");
    }

    @Test
    void fieldsFilledWithoutThisRunsJournalFailTheChecksBeforeUploadAndTheEndingPointsAtThoseProblems()
            throws IOException {
        CliRun first = upload("unproven", Examples.METADATA);
        List<String> args = new ArrayList<>(List.of("upload", "--csv", Examples.METADATA.toString(), "--dataset-id",
                "unproven", "--base-url", EMULATOR.emulator().baseUrl(), "--state-dir",
                dir.resolve("other-state").toString()));
        args.addAll(Examples.typeFlags());
        CliRun again = CliRun.of(Map.of(), dir, args.toArray(String[]::new));

        assertThat(first.exitCode()).as(first.both()).isZero();
        assertThat(again.exitCode()).as(again.both()).isNotZero();
        assertThat(again.out()).contains("Validation passed: 12 rows, 6 fields\n")
                .contains("Schema Errors (6 total):\n  - Field 'caption' already exists in dataset 'unproven'.")
                .endsWith("The checks against the dataset failed: nothing was uploaded. Fix the problems above and run again.\n");
    }

    @Test
    void aRerunWithOneNewFieldNamesEachExistingFieldOnceAndCountsOnlyTheNewOne() throws IOException {
        EMULATOR.emulator().addDataset("grow", Examples.filenames());
        List<String> base = List.of("upload", "--csv", Examples.METADATA.toString(), "--dataset-id", "grow",
                "--base-url", EMULATOR.emulator().baseUrl(), "--state-dir", dir.resolve("state").toString(),
                "--float-fields", "confidence");
        CliRun first = CliRun.of(Map.of(), dir, base.toArray(String[]::new));
        List<String> more = new ArrayList<>(base);
        more.addAll(List.of("--enum-fields", "weather"));
        CliRun again = CliRun.of(Map.of(), dir, more.toArray(String[]::new));

        assertThat(first.exitCode()).as(first.both()).isZero();
        assertThat(again.exitCode()).as(again.both()).isZero();
        assertThat(again.out()).containsOnlyOnce("Field 'confidence' was finished by an earlier run")
                .contains("Uploading field 'weather' (enum)...")
                .endsWith("Upload complete!\nSuccessfully uploaded: 1/1 field (1 skipped)\n");
    }

    @Test
    void uploadsAllSixTypesWithTheReferenceScriptsFlags() throws IOException {
        CliRun run = upload("workflow", Examples.METADATA);

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).startsWith("Visual Layer Custom Metadata Upload\n" + "=".repeat(50) + "\n"
                + "CSV file: " + Examples.METADATA + "\nDataset ID: workflow\nBase URL: "
                + EMULATOR.emulator().baseUrl() + "\nFields to upload: 6\n");
        assertThat(run.out()).contains("Mapped 12 of 12 files\nValidation passed: 12 rows, 6 fields\n")
                .contains("Uploading field 'confidence' (float)...\n")
                .contains("Completed 'tags': 12 rows inserted\n")
                .endsWith("Upload complete!\nSuccessfully uploaded: 6/6 fields\n");
        assertThat(run.out()).doesNotContain("🚀").doesNotContain("\u001b[");
        assertThat(stored("workflow", "confidence", "images/street_001.jpg")).isEqualTo(new BigDecimal("0.94"));
        assertThat(stored("workflow", "tags", "images/street_001.jpg"))
                .isEqualTo(List.of("urban", "bicycle", "traffic-light"));
        assertThat(stored("workflow", "captured_at", "images/park_002.jpg")).isEqualTo("2024-03-09T10:42:10Z");
        assertThat(stored("workflow", "captured_at", "images/park_003.jpg")).isEqualTo("2024-03-09T00:00:00Z");
        assertThat(stored("workflow", "weather", "images/harbour_001.jpg")).isEqualTo("Foggy");
        assertThat(stored("workflow", "reference_url", "images/night_003.jpg"))
                .isEqualTo("https://example.com/surveys/night-003");
        assertThat(stored("workflow", "caption", "images/street_004.jpg")).isNull();
        assertThat(EMULATOR.emulator().schema("workflow")).hasSize(6);
    }

    @Test
    void validationFailureListsGroupedErrorsAndUploadsNothing() throws IOException {
        CliRun run = upload("refused", brokenCsv());

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        assertThat(run.out()).contains("Validation failed: 3 errors in 12 rows\n")
                .contains("Validation Errors (3 total):\n"
                        + "  - Row 3, field 'confidence': Invalid float value 'abc'. Must be a valid number.\n")
                .contains("  - Row 6, field 'captured_at': Invalid datetime format '03-09-2024'. Expected ISO 8601 "
                        + "format: YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD\n")
                .contains("  - Row 8, field 'reference_url': Invalid link 'example.com/doc.pdf'. Must include "
                        + "protocol (http:// or https://)\n")
                .endsWith("Validation failed: nothing was uploaded. Fix the rows above and run again.\n");
        assertThat(EMULATOR.emulator().schema("refused")).isEmpty();
    }

    @Test
    void linksAStandardUriParserRefusesAreRefusedBeforeAnythingIsSent() throws IOException {
        // each of these, sent, is refused by a server that parses links as URIs, after the other values of
        // the field were stored: the field would stay half-filled for good
        List<String> lines = new ArrayList<>(Files.readAllLines(Examples.METADATA, StandardCharsets.UTF_8));
        lines.set(1, lines.get(1).replace("https://example.com/surveys/street-001", "https://例え.jp/street-001"));
        lines.set(2, lines.get(2).replace("https://example.com/surveys/street-002", "https://example.com/%zz"));
        lines.set(3, lines.get(3).replace("https://example.com/surveys/street-003", "http://a_b.example/street-003"));
        Path csv = Files.write(dir.resolve("links.csv"), lines, StandardCharsets.UTF_8);

        CliRun run = upload("strict-links", csv);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        assertThat(run.out())
                .contains("  - Row 2, field 'reference_url': Invalid link 'https://例え.jp/street-001'. Host '例え.jp'"
                        + " must be written in ASCII: write it as xn--r8jz45g.jp\n")
                .contains("  - Row 3, field 'reference_url': Invalid link 'https://example.com/%zz'. Holds a"
                        + " malformed percent-escape '%zz' at position 21; write a literal % as %25\n")
                .contains("  - Row 4, field 'reference_url': Invalid link 'http://a_b.example/street-003'. Host"
                        + " 'a_b.example' is not a host name")
                .endsWith("Validation failed: nothing was uploaded. Fix the rows above and run again.\n");
        assertThat(EMULATOR.emulator().schema("strict-links")).isEmpty();
    }

    @Test
    void dryRunWritesTheReportAndSendsNothing() throws IOException {
        Path report = dir.resolve("dry/report.html");

        CliRun run = upload("rehearsal", Examples.METADATA, "--dry-run", "--report", report.toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("Field 'weather' (enum): 12 values would be uploaded\n")
                .contains("Report written: " + report)
                .endsWith("Dry run complete: nothing was sent.\nReady to upload: 6/6 fields\n");
        assertThat(EMULATOR.emulator().schema("rehearsal")).isEmpty();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("dry/report.json").toFile());
        assertThat(json.get("fields")).hasSize(6);
        JsonNode weather = json.get("fields").get(3);
        assertThat(weather.get("declaration").toString()).isEqualTo("{\"field_name\":\"weather\",\"field_type\":\"enum\","
                + "\"enum_options\":[\"Cloudy\",\"Foggy\",\"Rainy\",\"Sunny\"],\"is_multi\":false}");
        assertThat(weather.get("first_entries").get(0).toString()).isEqualTo("{\"media_id\":\""
                + EMULATOR.emulator().mediaId("rehearsal", "images/street_001.jpg") + "\",\"value\":\"Sunny\"}");
        assertThat(Files.readString(report)).contains("Distribution of weather");
    }

    @Test
    void jsonPrintsOneObjectOnStdoutAndTheStepsOnStderr() throws IOException {
        CliRun run = upload("scripted", Examples.METADATA, "--json");

        assertThat(run.exitCode()).as(run.both()).isZero();
        JsonNode json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(run.out());
        assertThat(json.get("status").asText()).isEqualTo("uploaded");
        assertThat(json.get("exit_code").asInt()).isZero();
        assertThat(json.get("rows").asLong()).isEqualTo(12);
        assertThat(json.get("fields")).hasSize(6);
        assertThat(json.get("fields").get(1).get("outcome").get("inserted").asLong()).isEqualTo(12);
        assertThat(run.err()).contains("Successfully uploaded: 6/6 fields");
    }

    @Test
    void jsonReportsAValidationFailureAsOneObjectToo() throws IOException {
        CliRun run = upload("scripted-refused", brokenCsv(), "--json");

        assertThat(run.exitCode()).isEqualTo(3);
        JsonNode json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(run.out());
        assertThat(json.get("status").asText()).isEqualTo("validation-failed");
        assertThat(json.get("problems")).hasSize(3);
        assertThat(json.get("problems").get(0).get("message").asText())
                .isEqualTo("Row 3, field 'confidence': Invalid float value 'abc'. Must be a valid number.");
    }

    @Test
    void pathsTheDatasetDoesNotHoldStopTheJob() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(Examples.METADATA, StandardCharsets.UTF_8));
        lines.set(1, lines.get(1).replace("images/street_001.jpg", "images/street_999.jpg"));
        Path csv = Files.write(dir.resolve("unmatched.csv"), lines, StandardCharsets.UTF_8);

        CliRun run = upload("unmatched", csv);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        assertThat(run.out()).contains("Media Mapping Errors (").contains("images/street_999.jpg");
        assertThat(EMULATOR.emulator().schema("unmatched")).isEmpty();
    }

    @Test
    void refusesASinkOptionNoSinkReadsBeforeAnythingIsSent() throws IOException {
        CliRun run = upload("typo", Examples.METADATA, "--sink-option", "poll-intervall-ms=20");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown --sink-option 'poll-intervall-ms': the visual-layer sink reads "
                + "cancel-wait-ms, connect-timeout-ms, one-file-per-field, poll-interval-ms, poll-max-interval-ms, "
                + "queued-batches, read-back-wait-ms, request-timeout-ms, retry-base-delay-ms, retry-max-attempts, "
                + "retry-max-delay-ms; the report sink reads report.");
        assertThat(EMULATOR.emulator().schema("typo")).isEmpty();
    }
}

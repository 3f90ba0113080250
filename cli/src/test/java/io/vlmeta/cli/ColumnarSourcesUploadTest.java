package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet and JSON Lines files written by DuckDB and parquet-java (the fixtures of the sources-parquet and
 * sources-jsonl modules), uploaded through the command line to the emulator: the sources are found by
 * extension, typed values arrive typed, and a column no field type takes stops the job only when selected.
 */
class ColumnarSourcesUploadTest {
    private static final Path PARQUET = Path.of("..", "sources-parquet", "src", "test", "resources", "fixtures");
    private static final Path JSONL = Path.of("..", "sources-jsonl", "src", "test", "resources", "fixtures");
    private static final List<String> FILES = List.of("images/a.jpg", "images/b.jpg", "images/c.jpg", "images/d.jpg");

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    private CliRun upload(String dataset, Path input, List<String> files, String... flags) {
        EMULATOR.emulator().addDataset(dataset, files);
        List<String> args = new ArrayList<>(List.of("upload", "--input", input.toString(), "--dataset-id", dataset,
                "--base-url", EMULATOR.emulator().baseUrl(), "--state-dir", dir.resolve("state").toString(),
                "--sink-option", "poll-interval-ms=20"));
        args.addAll(List.of(flags));
        return CliRun.of(Map.of(), dir, args.toArray(String[]::new));
    }

    private static Object stored(String dataset, String field, String file) {
        return EMULATOR.emulator().values(dataset, field).get(EMULATOR.emulator().mediaId(dataset, file));
    }

    @Test
    void uploadsParquetValuesAsTheirTypesSayWithTheSourceFoundByExtension() {
        CliRun run = upload("parquet-types", PARQUET.resolve("types.parquet"), FILES,
                "--float-fields", "score_f64", "total_dec38", "count_i64", "--datetime-fields", "seen_utc_us", "seen_us", "taken_on",
                "--multi-enum-fields", "tags", "--enum-fields", "reviewed");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("Validation passed: 4 rows, 8 fields\n");
        assertThat(stored("parquet-types", "score_f64", "images/a.jpg")).isEqualTo(new BigDecimal("0.1"));
        assertThat(stored("parquet-types", "count_i64", "images/a.jpg")).isEqualTo(new BigDecimal("9007199254740993"));
        assertThat(stored("parquet-types", "total_dec38", "images/a.jpg"))
                .isEqualTo(new BigDecimal("123456789012345678.0123456789"));
        assertThat(stored("parquet-types", "seen_utc_us", "images/a.jpg")).isEqualTo("2024-01-15T08:30:00Z");
        assertThat(stored("parquet-types", "seen_us", "images/a.jpg")).isEqualTo("2024-01-15T10:30:00Z");
        assertThat(stored("parquet-types", "taken_on", "images/b.jpg")).isEqualTo("1969-12-31T00:00:00Z");
        assertThat(stored("parquet-types", "tags", "images/a.jpg")).isEqualTo(List.of("red", "green"));
        assertThat(stored("parquet-types", "tags", "images/d.jpg")).isEqualTo(List.of("blue"));
        assertThat(stored("parquet-types", "reviewed", "images/b.jpg")).isEqualTo("false");
        assertThat(stored("parquet-types", "score_f64", "images/c.jpg")).isNull();
    }

    @Test
    void infersParquetColumnsAndLeavesOutAColumnNoFieldTypeTakes() {
        CliRun run = upload("parquet-infer", PARQUET.resolve("unsupported.parquet"), FILES.subList(0, 2),
                "--infer");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(EMULATOR.emulator().schema("parquet-infer")).extracting(field -> field.get("field_name"))
                .doesNotContain("clip_start", "thumbnail", "extras", "exposure")
                .contains("label", "camera.width", "camera.model");
        assertThat(stored("parquet-infer", "camera.width", "images/a.jpg")).isEqualTo(new BigDecimal("640"));
    }

    @Test
    void refusesASelectedParquetColumnNoFieldTypeTakesInOneMessageAndUploadsNothing() {
        CliRun run = upload("parquet-time", PARQUET.resolve("unsupported.parquet"), FILES.subList(0, 2),
                "--string-fields", "label", "clip_start");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        assertThat(run.out()).containsOnlyOnce("Field 'clip_start': ")
                .contains("stores it as Parquet INT64 TIME(MICROS,false), which no field type can take");
        assertThat(EMULATOR.emulator().schema("parquet-time")).isEmpty();
    }

    @Test
    void namesThePartFileAndRecordOfAProblemInAFolderOfPartFiles() {
        CliRun run = upload("parquet-parts", PARQUET.resolve("parts"),
                List.of("images/p0.jpg", "images/p1.jpg", "images/p2.jpg", "images/p3.jpg", "images/p5.jpg"),
                "--source", "parquet", "--float-fields", "score");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        assertThat(run.out()).contains("  - part-00001.parquet row 2: Empty 'file_fullpath', so the record is skipped;");
        assertThat(EMULATOR.emulator().schema("parquet-parts")).isEmpty();
    }

    @Test
    void uploadsGzippedJsonLinesWithNestedKeysAndLists() {
        CliRun run = upload("jsonl-gz", JSONL.resolve("duckdb-export.jsonl.gz"), FILES.subList(0, 3),
                "--float-fields", "score", "count", "camera.lens.focal_mm", "--multi-enum-fields", "tags",
                "--string-fields", "camera.model", "--datetime-fields", "taken_at");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(stored("jsonl-gz", "score", "images/b.jpg")).isEqualTo(new BigDecimal("-0.001"));
        assertThat(stored("jsonl-gz", "count", "images/b.jpg")).isEqualTo(new BigDecimal("9007199254740993"));
        assertThat(stored("jsonl-gz", "camera.lens.focal_mm", "images/a.jpg")).isEqualTo(new BigDecimal("35"));
        assertThat(stored("jsonl-gz", "camera.model", "images/a.jpg")).isEqualTo("X100");
        assertThat(stored("jsonl-gz", "tags", "images/a.jpg")).isEqualTo(List.of("red", "green"));
        assertThat(stored("jsonl-gz", "taken_at", "images/c.jpg")).isEqualTo("2024-06-30T23:59:59Z");
    }

    @Test
    void infersJsonLinesColumnsWithTheSourceNamed() {
        CliRun run = upload("jsonl-infer", JSONL.resolve("duckdb-export.jsonl"), FILES.subList(0, 3),
                "--source", "jsonl", "--infer");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(stored("jsonl-infer", "score", "images/a.jpg")).isEqualTo(new BigDecimal("0.1"));
        assertThat(stored("jsonl-infer", "tags", "images/a.jpg")).isEqualTo(List.of("red", "green"));
    }

    @Test
    void aDryRunOfAParquetFileReportsWhatWouldBeSentAndSendsNothing() throws java.io.IOException {
        EMULATOR.emulator().addDataset("parquet-dry", FILES);
        Path report = dir.resolve("parquet-report.html");

        CliRun run = CliRun.of(Map.of(), dir, "upload", "--dry-run", "--input",
                PARQUET.resolve("types.parquet").toString(), "--dataset-id", "parquet-dry", "--base-url",
                EMULATOR.emulator().baseUrl(), "--state-dir", dir.resolve("state").toString(),
                "--datetime-fields", "seen_ns", "--float-fields", "delta_dec4", "--report", report.toString(), "--json");

        assertThat(run.exitCode()).as(run.both()).isZero();
        com.fasterxml.jackson.databind.JsonNode fields = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("parquet-report.json").toFile()).get("fields");
        assertThat(fields.toString()).contains("\"field_name\":\"seen_ns\"", "\"field_name\":\"delta_dec4\"")
                .contains("\"value\":\"2024-01-15T10:30:00Z\"", "\"value\":\"1970-01-01T00:00:00Z\"",
                        "\"value\":1.5", "\"value\":-0.01");
        assertThat(EMULATOR.emulator().schema("parquet-dry")).isEmpty();
    }
}

package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vlmeta validate} runs offline: the base URL below points at a port nothing listens on. */
class ValidateCommandTest {
    private static final String NOWHERE = "http://127.0.0.1:9";

    @TempDir
    Path dir;

    private Path export(List<String> filenames) throws IOException {
        List<String> lines = new ArrayList<>(List.of("filename,media_id"));
        for (int i = 0; i < filenames.size(); i++) {
            lines.add(filenames.get(i) + ",00000000-0000-4000-8000-" + String.format("%012d", i));
        }
        return Files.write(dir.resolve("export_media_id.csv"), lines, StandardCharsets.UTF_8);
    }

    private CliRun validate(String... extra) {
        List<String> args = new ArrayList<>(List.of("validate", "--csv", Examples.METADATA.toString(), "--base-url",
                NOWHERE, "--report", dir.resolve("check.html").toString()));
        args.addAll(Examples.typeFlags());
        args.addAll(List.of(extra));
        return CliRun.of(Map.of(), dir, args.toArray(String[]::new));
    }

    @Test
    void inferenceOverRowsThatAreAllNotUtf8SaysWhyNothingIsUploaded() throws IOException {
        // written by a Windows tool in Latin-1: every data row holds a byte that is not UTF-8
        Path latin1 = dir.resolve("latin1.csv");
        Files.writeString(latin1, "file_fullpath,caption,city\nimages/a.jpg,caf\u00e9,M\u00fcnchen\n"
                + "images/b.jpg,na\u00efve,K\u00f6ln\n", StandardCharsets.ISO_8859_1);

        CliRun run = CliRun.of(Map.of(), dir, "validate", "--csv", latin1.toString(), "--infer", "--report",
                dir.resolve("check.html").toString());

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).contains("Nothing to upload: no column of " + latin1 + " was selected. 2 rows were "
                + "skipped; the first: " + latin1 + " row 2: Contains bytes that are not valid UTF-8, so the row is "
                + "skipped; if the file has another encoding, give it with --encoding (e.g. windows-1252).")
                .doesNotContain("Exception");
        // the columns do hold values, in the rows that could not be read
        assertThat(run.out()).contains("Column 'caption' has no values in the rows read; not uploaded.");
    }

    @Test
    void inferenceOverManyUnreadableRowsNamesTheFirstInFullAndTheNextFewByRow() throws IOException {
        Path latin1 = dir.resolve("latin1.csv");
        StringBuilder rows = new StringBuilder("file_fullpath,caption\n");
        for (int i = 0; i < 9; i++) {
            rows.append("images/").append(i).append(".jpg,caf\u00e9\n");
        }
        Files.writeString(latin1, rows, StandardCharsets.ISO_8859_1);

        CliRun run = CliRun.of(Map.of(), dir, "plan", "--csv", latin1.toString(), "--infer", "-o",
                dir.resolve("plan.yaml").toString());

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).contains("9 rows were skipped; the first: " + latin1 + " row 2: Contains bytes that are "
                + "not valid UTF-8, so the row is skipped; if the file has another encoding, give it with --encoding "
                + "(e.g. windows-1252). Then row 3, row 4, row 5, row 6 and 4 more.");
    }

    @Test
    void planningByInferenceOverRowsThatAreAllNotUtf8RefusesAndSaysWhy() throws IOException {
        Path latin1 = dir.resolve("latin1.csv");
        Files.writeString(latin1, "file_fullpath,caption\nimages/a.jpg,caf\u00e9\nimages/b.jpg,na\u00efve\n",
                StandardCharsets.ISO_8859_1);
        Path plan = dir.resolve("plan.yaml");

        CliRun run = CliRun.of(Map.of(), dir, "plan", "--csv", latin1.toString(), "--infer", "-o", plan.toString());

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).contains("Nothing to plan: no column of " + latin1 + " was selected. 2 rows were "
                + "skipped; the first: " + latin1 + " row 2: Contains bytes that are not valid UTF-8");
        assertThat(plan).as("a plan of no field").doesNotExist();
    }

    @Test
    void aPlanInferredWithoutSomeRowsSaysWhichAndWhy() throws IOException {
        Path mixed = dir.resolve("mixed.csv");
        byte[] utf8 = "file_fullpath,caption,score\nimages/a.jpg,cafe,1.5\nimages/b.jpg,".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "na\u00efve,2\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = java.util.Arrays.copyOf(utf8, utf8.length + latin1.length);
        System.arraycopy(latin1, 0, bytes, utf8.length, latin1.length);
        Files.write(mixed, bytes);
        Path plan = dir.resolve("plan.yaml");

        CliRun run = CliRun.of(Map.of(), dir, "plan", "--csv", mixed.toString(), "--infer", "-o", plan.toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.err()).contains("Types were inferred without the rows the source could not read: 1 row was "
                + "skipped: " + mixed + " row 3: Contains bytes that are not valid UTF-8")
                .contains("Validation refuses such rows.");
        assertThat(plan).exists();
    }

    @Test
    void anEmptyExportFileIsAUsageErrorNotTheWorkingFolder() {
        CliRun run = validate("--export-file=");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).contains("--export-file names no file").doesNotContain("directory");
    }

    @Test
    void anExportThatIsNotValidCsvIsRefusedInPlainWordsNamingItsLine() throws IOException {
        Path unclosed = dir.resolve("unclosed.csv");
        Files.writeString(unclosed, "filename,media_id\na.jpg,1\nb.jpg,2\nc.jpg,3\n\"d.jpg,4\ne.jpg,5\n");
        Path trailing = dir.resolve("trailing.csv");
        Files.writeString(trailing, "filename,media_id\na.jpg,1\nb.jpg,2\n\"c.jpg\"x,3\n");

        CliRun open = validate("--export-file", unclosed.toString());
        CliRun text = validate("--export-file", trailing.toString());

        assertThat(open.exitCode()).as(open.both()).isEqualTo(3);
        assertThat(open.err()).endsWith("\nError: The export " + unclosed + " is not valid CSV: a quoted value starts "
                + "on line 5 and is never closed: its closing quote (\") is missing. Give the export as Visual Layer "
                + "wrote it (RFC 4180 CSV with 'filename' and 'media_id').\n");
        assertThat(text.exitCode()).as(text.both()).isEqualTo(3);
        assertThat(text.err()).contains("is not valid CSV: on line 4 a quoted value is followed by other text before "
                + "the next comma; inside a quoted value, a quote is written as two (\"\").").doesNotContain("org.apache");
    }

    @Test
    void checksEveryPathAgainstAnOfflineExport() throws IOException {
        CliRun run = validate("--export-file", export(Examples.filenames()).toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).startsWith("Visual Layer Custom Metadata Validation\n")
                .contains("Validation passed: 12 rows, 6 fields\n")
                .endsWith("Validation complete: nothing was sent.\nReady to upload: 6/6 fields\n");
        JsonNode report = new ObjectMapper().readTree(dir.resolve("check.json").toFile());
        assertThat(report.get("gate_passed").asBoolean()).isTrue();
        assertThat(report.get("mapping").asText()).isNotEqualTo("no media mapping (keys are not checked)");
    }

    @Test
    void writesAValidationReportWithTheDryRunsStatisticsAndNoBaseUrl() throws IOException {
        CliRun run = validate("--export-file", export(Examples.filenames()).toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("check.json").toFile());
        assertThat(report.get("kind").asText()).isEqualTo("validation");
        assertThat(report.get("base_url").isNull()).isTrue();
        JsonNode confidence = field(report, "confidence");
        assertThat(confidence.get("entries").asLong()).isEqualTo(12);
        assertThat(confidence.get("statistics").isNull()).isFalse();
        String html = Files.readString(dir.resolve("check.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<h1>vlmeta validation report</h1>").contains("<svg")
                .doesNotContain("Base URL").doesNotContain(NOWHERE).doesNotContain("dry-run report");
    }

    @Test
    void reportsWhichDatasetMediaGetNoValueInTheReportTheJsonAndTheSteps() throws IOException {
        List<String> dataset = new ArrayList<>(Examples.filenames());
        dataset.addAll(List.of("images/extra_b.jpg", "images/extra_a.jpg"));

        CliRun run = validate("--export-file", export(dataset).toString(), "--json");

        assertThat(run.exitCode()).as(run.both()).isZero();
        int media = dataset.size();
        int without = media - 12;
        assertThat(run.err()).contains("Coverage: 12 of " + media + " dataset media would get a value from this input "
                + "(nothing was sent); " + without
                + " get none (the report lists them).");
        JsonNode coverage = new ObjectMapper().readTree(run.out()).get("coverage");
        assertThat(coverage.get("media").asInt()).isEqualTo(media);
        assertThat(coverage.get("with_values").asInt()).isEqualTo(12);
        assertThat(coverage.get("without_values").asInt()).isEqualTo(without);
        List<String> paths = new ArrayList<>();
        coverage.get("without").forEach(item -> paths.add(item.get("path").asText()));
        assertThat(paths).hasSize(without).endsWith("images/extra_b.jpg", "images/extra_a.jpg");
        assertThat(coverage.get("without").get(without - 1).get("media_id").asText())
                .isEqualTo(String.format("00000000-0000-4000-8000-%012d", media - 1));
        JsonNode report = new ObjectMapper().readTree(dir.resolve("check.json").toFile()).get("coverage");
        assertThat(report.get("with_values").asInt()).isEqualTo(12);
        assertThat(report.get("first_without")).hasSize(without);
        String html = Files.readString(dir.resolve("check.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("12 of " + media + " dataset media get at least one value; " + without
                + " get none").contains("<td>images/extra_a.jpg</td>");
    }

    @Test
    void oneDatasetMediumWithoutAValueGetsItsVerbInTheSingular() throws IOException {
        // the media the example rows name, and one more
        List<String> dataset = new ArrayList<>(Files.readAllLines(Examples.METADATA, StandardCharsets.UTF_8).stream()
                .skip(1).filter(line -> !line.isBlank()).map(line -> line.substring(0, line.indexOf(','))).toList());
        dataset.add("images/extra_a.jpg");

        CliRun run = validate("--export-file", export(dataset).toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.both()).contains("Coverage: 12 of 13 dataset media would get a value from this input (nothing "
                + "was sent); 1 gets none (the report lists them).");
        assertThat(Files.readString(dir.resolve("check.html"), StandardCharsets.UTF_8))
                .contains("12 of 13 dataset media get at least one value; 1 gets none.");
    }

    @Test
    void aReportOfOneRowAndOneFieldSaysSoInTheSingular() throws IOException {
        Path csv = Files.writeString(dir.resolve("one.csv"), "file_fullpath,score\nimages/a.jpg,1.5\n");
        Path html = dir.resolve("one.html");

        CliRun run = CliRun.of(Map.of(), dir, "validate", "--csv", csv.toString(), "--float-fields", "score",
                "--report", html.toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(Files.readString(html, StandardCharsets.UTF_8)).contains("Validation passed: 1 row, 1 field.")
                .contains("The first entry, as uploaded").doesNotContain("1 rows").doesNotContain("1 entries");
    }

    @Test
    void samplesShowEachPathWithItsMediaIdAndValue() throws IOException {
        CliRun run = validate("--export-file", export(Examples.filenames()).toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        String html = Files.readString(dir.resolve("check.html"), StandardCharsets.UTF_8);
        int first = Examples.filenames().indexOf(Files.readAllLines(Examples.METADATA).get(1).split(",")[0]);
        assertThat(html).containsPattern("<tr><td class=\"num\">1</td><td>images/[^<]+ \\(" 
                + java.util.regex.Pattern.quote(Examples.METADATA.toString()) + " row 2\\)</td><td><code>"
                + String.format("00000000-0000-4000-8000-%012d", first) + "</code></td><td>");
    }

    private static JsonNode field(JsonNode report, String name) {
        for (JsonNode field : report.get("fields")) {
            if (field.get("name").asText().equals(name)) {
                return field;
            }
        }
        throw new AssertionError("no field " + name + " in " + report);
    }

    @Test
    void refusesPathsTheExportDoesNotHold() throws IOException {
        List<String> fewer = new ArrayList<>(Examples.filenames());
        fewer.remove("images/night_002.jpg");

        CliRun run = validate("--export-file", export(fewer).toString());

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        assertThat(run.out()).contains("Media Mapping Errors (").contains("images/night_002.jpg");
    }

    @Test
    void saysSoWhenThereIsNoMappingToCheckPathsWith() {
        CliRun run = validate();

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("Paths are not checked against the dataset (no mapping)");
        assertThat(dir.resolve("check.html")).isRegularFile();
    }

    @Test
    void refusesASourceOptionTheSourceDoesNotRead() throws IOException {
        CliRun mistyped = validate("--source-option", "delimter=;");
        CliRun wrongSource = validate("--sheet", "metadata");

        assertThat(mistyped.exitCode()).as(mistyped.both()).isEqualTo(2);
        assertThat(mistyped.err()).contains("The csv source has no option 'delimter'; it reads delimiter, encoding.");
        assertThat(wrongSource.exitCode()).as(wrongSource.both()).isEqualTo(2);
        assertThat(wrongSource.err()).contains("The csv source has no option 'sheet'; it reads delimiter, encoding.");
    }
}

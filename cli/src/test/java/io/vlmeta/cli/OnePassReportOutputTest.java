package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.engine.JobResult;
import io.vlmeta.engine.JobRunner;
import io.vlmeta.engine.JobSpec;
import io.vlmeta.engine.Plugins;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A validation with a report and a dry run read their input once, handing the report its entries while
 * validating. Over files written by real tools and generated ones, passing and failing, the job built
 * from a real command line shows exactly what the two-pass job (validate, then read the input again
 * for the report) shows: the step lines, the progress lines, the problems, the {@code --json} summary,
 * the exit code, and the HTML and JSON reports byte for byte (but for the second they were written in).
 */
class OnePassReportOutputTest {
    private static final Plugins PLUGINS = Plugins.discover(List.of());
    private static final Path DICOM_EXPORT = SharedFixtures.DICOM.resolve("export_media_id.csv");
    private static final List<String> XLSX_FIELDS = List.of("--string-fields", "patient_id", "--datetime-fields",
            "created_at", "--enum-fields", "status", "--multi-enum-fields", "tags", "--link-fields", "pdf_url");

    @TempDir
    Path dir;

    /** Everything a job shows, with the report's time stamp taken out. */
    private record Shown(String human, String progress, String json, int exitCode, String reportJson,
                         String reportHtml) {
    }

    /** Runs the job the command line describes, as {@code vlmeta} would print it, once or reading twice. */
    private Shown show(boolean onePass, List<String> args) throws IOException {
        ByteArrayOutputStream humanBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream progressBytes = new ByteArrayOutputStream();
        PrintStream human = new PrintStream(humanBytes, true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(Map.of(), human, human, false, dir);
        String[] line = args.toArray(String[]::new);
        CommandLine.ParseResult parsed = Cli.commandLine(context, line).parseArgs(line);
        JobCommand command = (JobCommand) parsed.subcommand().commandSpec().userObject();
        JobSpec.Mode mode = command instanceof UploadCommand upload && !upload.dryRun ? JobSpec.Mode.UPLOAD
                : command instanceof UploadCommand ? JobSpec.Mode.DRY_RUN : JobSpec.Mode.VALIDATE;
        JobSpec spec = JobSpecs.from(command.options, mode, context);
        Style style = new Style(false);
        // a clock that stands still: progress lines are then printed at each tenth of the way, without a rate
        ProgressBars bars = new ProgressBars(new ProgressLines(new PrintStream(progressBytes, true,
                StandardCharsets.UTF_8), () -> 0L), false, "Preparing");
        JobRunner runner = onePass ? new JobRunner(PLUGINS) : new JobRunner(PLUGINS).readingTwiceForReports();
        JobResult result;
        try {
            result = runner.run(spec, new ConsoleReporter(human, style, bars, spec));
        } finally {
            bars.close();
        }
        new ProblemPrinter(human, style).print(result.summary(), spec.reportPath());
        String reportJson = null;
        String reportHtml = null;
        if (spec.reportPath() != null && Files.exists(spec.reportPath())) {
            Path jsonFile = spec.reportPath().resolveSibling(spec.reportPath().getFileName().toString()
                    .replaceFirst("\\.html$", ".json"));
            reportJson = Files.readString(jsonFile);
            reportHtml = Files.readString(spec.reportPath());
            String generatedAt = SharedFixtures.json(jsonFile).get("generated_at").asText();
            String runId = SharedFixtures.json(jsonFile).get("run_id").asText(); // a random UUID per run
            reportJson = reportJson.replace(generatedAt, "GENERATED-AT").replace(runId, "RUN-ID");
            reportHtml = reportHtml.replace(generatedAt, "GENERATED-AT").replace(runId, "RUN-ID");
            Files.delete(jsonFile);
            Files.delete(spec.reportPath());
        }
        ByteArrayOutputStream jsonBytes = new ByteArrayOutputStream();
        assertThat(JsonSummary.print(spec, result, new PrintStream(jsonBytes, true, StandardCharsets.UTF_8))).isTrue();
        return new Shown(humanBytes.toString(StandardCharsets.UTF_8), progressBytes.toString(StandardCharsets.UTF_8),
                jsonBytes.toString(StandardCharsets.UTF_8), result.exitCode(), reportJson, reportHtml);
    }

    /** @return what the one-pass job showed, once checked to be what the two-pass job shows */
    private Shown sameBothWays(String... args) throws IOException {
        Shown twice = show(false, List.of(args));
        Shown once = show(true, List.of(args));

        assertThat(once.human()).isEqualTo(twice.human());
        assertThat(withoutReadAhead(once.progress())).isEqualTo(withoutReadAhead(twice.progress()));
        assertThat(once.json()).isEqualTo(twice.json());
        assertThat(once.exitCode()).isEqualTo(twice.exitCode());
        assertThat(once.reportJson()).isEqualTo(twice.reportJson());
        assertThat(once.reportHtml()).isEqualTo(twice.reportHtml());
        return once;
    }

    /**
     * How far into the file a validation line says it is depends on how far the reading thread has got
     * ahead of the rows being checked, which varies from run to run in either job.
     */
    private static String withoutReadAhead(String progress) {
        return progress.replaceAll("(?m)^(Validating: [0-9,]+ rows, )[0-9]+%", "$1N%");
    }

    private String report() {
        return dir.resolve("report.html").toString();
    }

    private static List<String> with(List<String> first, String... more) {
        List<String> args = new ArrayList<>(first);
        args.addAll(List.of(more));
        return args;
    }

    private String examplesExport(int keep) throws IOException {
        List<String> lines = new ArrayList<>(List.of("filename,media_id"));
        List<String> files = Examples.filenames();
        for (int i = 0; i < Math.min(keep, files.size()); i++) {
            lines.add(files.get(i) + ",m-" + i);
        }
        return Files.write(dir.resolve("examples-export.csv"), lines).toString();
    }

    @Test
    void theExamplesValidateAndDryRunAsBefore() throws IOException {
        String export = examplesExport(100);
        Shown validation = sameBothWays(with(List.of("validate", "--csv", Examples.METADATA.toString(),
                "--export-file", export, "--report", report()), Examples.typeFlags().toArray(String[]::new))
                .toArray(String[]::new));
        sameBothWays(with(List.of("upload", "--dry-run", "--csv", Examples.METADATA.toString(), "--export-file",
                export, "--report", report()), Examples.typeFlags().toArray(String[]::new)).toArray(String[]::new));
        sameBothWays(with(List.of("upload", "--dry-run", "--csv", Examples.METADATA.toString()),
                Examples.typeFlags().toArray(String[]::new)).toArray(String[]::new));

        assertThat(validation.exitCode()).isZero();
        assertThat(validation.reportJson()).contains("\"entries\" : 12");
    }

    @Test
    void examplesWithUnmatchedPathsAllowedOrNotAsBefore() throws IOException {
        String export = examplesExport(8);
        Shown allowed = sameBothWays(with(List.of("validate", "--csv", Examples.METADATA.toString(),
                "--export-file", export, "--allow-unmatched", "--report", report()),
                Examples.typeFlags().toArray(String[]::new)).toArray(String[]::new));
        Shown refused = sameBothWays(with(List.of("upload", "--dry-run", "--csv", Examples.METADATA.toString(),
                "--export-file", export, "--report", report()), Examples.typeFlags().toArray(String[]::new))
                .toArray(String[]::new));

        assertThat(allowed.exitCode()).isZero();
        assertThat(allowed.human()).contains("warnings");
        assertThat(refused.exitCode()).isEqualTo(3);
    }

    @Test
    void workbooksOfThreeSpreadsheetProgramsAsBefore() throws IOException {
        for (String workbook : List.of("openpyxl.xlsx", "libreoffice.xlsx", "gnumeric.xlsx")) {
            String input = SharedFixtures.XLSX.resolve(workbook).toString();
            Shown passing = sameBothWays(with(List.of("validate", "--input", input, "--report", report()),
                    XLSX_FIELDS.toArray(String[]::new)).toArray(String[]::new));
            sameBothWays(with(List.of("upload", "--dry-run", "--input", input, "--report", report(),
                    "--float-fields", "score"), XLSX_FIELDS.toArray(String[]::new)).toArray(String[]::new));
            // every column typed as a date-time: text and numbers are refused
            Shown failing = sameBothWays("validate", "--input", input, "--report", report(), "--datetime-fields",
                    "patient_id", "--datetime-fields", "status", "--datetime-fields", "pdf_url");

            assertThat(passing.exitCode()).as(workbook).isZero();
            assertThat(failing.exitCode()).as(workbook).isEqualTo(3);
        }
    }

    @Test
    void dicomSidecarsInferredAsBefore() throws IOException {
        Shown pydicom = sameBothWays("validate", "--input", SharedFixtures.DICOM.resolve("json-model-pydicom")
                .toString(), "--infer", "--export-file", DICOM_EXPORT.toString(), "--allow-unmatched", "--report",
                report());
        sameBothWays("upload", "--dry-run", "--input", SharedFixtures.DICOM.resolve("converter-csv/dicom_metadata.csv")
                .toString(), "--infer", "--export-file", DICOM_EXPORT.toString(), "--report", report());
        sameBothWays("validate", "--input", SharedFixtures.DICOM.resolve("json-model-pydicom").toString(),
                "--float-fields", "Manufacturer", "--report", report());

        assertThat(pydicom.reportJson()).contains("\"enum_options\"");
    }

    /**
     * 30,000 rows: several progress steps per field at each field's own pace, identical repeats (sent
     * once), rows outside the dataset (skipped with --allow-unmatched), an enum, a multi-enum, empty cells,
     * and a column with no value at all (not declared).
     */
    private Path generated(String badScore) throws IOException {
        List<String> lines = new ArrayList<>(List.of("file_fullpath,score,status,tags,taken,url,nothing"));
        for (int i = 0; i < 30_000; i++) {
            String score = i % 7 == 6 ? "" : (i % 1000) + "." + (i % 10);
            if (badScore != null && i == 17_000) {
                score = badScore;
            }
            lines.add("images/img" + i + ".jpg," + score + "," + (i % 3 == 0 ? "s" + i % 5 : "") + ",\""
                    + (i % 2 == 0 ? "a, b" : "c") + "\",2024-01-" + (10 + i % 20) + "T10:00:00Z,"
                    + (i % 4 == 0 ? "https://h" + i % 9 + ".example.com/" + i : "") + ",");
            if (i % 5000 == 100) {
                lines.add(lines.get(lines.size() - 1));
            }
        }
        return Files.write(dir.resolve("generated.csv"), lines);
    }

    private String generatedExport(int media) throws IOException {
        List<String> lines = new ArrayList<>(List.of("filename,media_id"));
        for (int i = 0; i < media; i++) {
            lines.add("images/img" + i + ".jpg,m-" + i);
        }
        return Files.write(dir.resolve("generated-export.csv"), lines).toString();
    }

    private static final List<String> GENERATED_FIELDS = List.of("--float-fields", "score", "--enum-fields", "status",
            "--multi-enum-fields", "tags", "--datetime-fields", "taken", "--link-fields", "url", "--string-fields",
            "nothing");

    @Test
    void aLongFileWithRepeatsUnmatchedRowsAndAnEmptyColumnAsBefore() throws IOException {
        String input = generated(null).toString();
        String export = generatedExport(27_000);
        Shown dryRun = sameBothWays(with(List.of("upload", "--dry-run", "--csv", input, "--export-file", export,
                "--allow-unmatched", "--report", report()), GENERATED_FIELDS.toArray(String[]::new))
                .toArray(String[]::new));
        Shown validation = sameBothWays(with(List.of("validate", "--csv", input, "--report", report(), "--json"),
                GENERATED_FIELDS.toArray(String[]::new)).toArray(String[]::new));

        assertThat(dryRun.exitCode()).isZero();
        assertThat(dryRun.progress()).contains("Preparing: ");
        assertThat(validation.json()).contains("\"status\":\"validated\"");
    }

    @Test
    void aLongFileThatFailsValidationHalfWayAsBefore() throws IOException {
        String input = generated("n/a").toString();
        Shown failing = sameBothWays(with(List.of("validate", "--csv", input, "--export-file", generatedExport(30_000),
                "--report", report()), GENERATED_FIELDS.toArray(String[]::new)).toArray(String[]::new));

        assertThat(failing.exitCode()).isEqualTo(3);
        assertThat(failing.reportJson()).contains("\"gate_passed\" : false");
    }
}

package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.Secret;
import io.vlmeta.engine.JobSpec;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class JobSpecsTest {

    private static JobSpec spec(JobSpec.Mode mode, Map<String, String> env, String... args) {
        CliContext context = new CliContext(env, new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(OutputStream.nullOutputStream()), false, Path.of("/home/someone"));
        UploadCommand command = new UploadCommand(context);
        new CommandLine(command).parseArgs(args);
        return JobSpecs.from(command.options, mode, context);
    }

    @Test
    void takesTheReferenceScriptsFlagsAsTheyAreWritten() {
        JobSpec spec = spec(JobSpec.Mode.UPLOAD, Map.of(), "--csv", "metadata.csv", "--dataset-id", "abc123",
                "--string-fields", "notes", "caption", "--float-fields", "score", "--datetime-fields", "created_at",
                "--enum-fields", "status", "--multi-enum-fields", "tags", "--link-fields", "pdf_url",
                "--batch-size", "1000");

        assertThat(spec.input()).isEqualTo(Path.of("metadata.csv"));
        assertThat(spec.datasetId()).isEqualTo("abc123");
        assertThat(spec.baseUrl()).isEqualTo("http://localhost:8080");
        assertThat(spec.batchSize()).isEqualTo(1000);
        assertThat(spec.fieldTypes()).containsExactly(Map.entry("notes", "string"), Map.entry("caption", "string"),
                Map.entry("score", "float"), Map.entry("created_at", "datetime"), Map.entry("status", "enum"),
                Map.entry("tags", "multi-enum"), Map.entry("pdf_url", "link"));
        assertThat(spec.reportPath()).isNull();
        assertThat(spec.apiKey()).isNull();
        assertThat(spec.apiSecret()).isNull();
    }

    @Test
    void theDefaultServerIsTheEmulatorsDefaultPortSoARehearsalNeedsNoBaseUrl() {
        JobSpec spec = spec(JobSpec.Mode.UPLOAD, Map.of(), "--csv", "m.csv", "--float-fields", "score");

        assertThat(java.net.URI.create(spec.baseUrl()).getPort())
                .isEqualTo(io.vlmeta.emulator.EmulatorCommand.DEFAULT_PORT);
    }

    @Test
    void flagsWinOverTheEnvironment() {
        Map<String, String> env = Map.of("VL_BASE_URL", "https://env.example", "VL_API_KEY", "env-key",
                "VL_API_SECRET", "env-secret", "VL_DATASET_ID", "env-ds");

        JobSpec fromEnv = spec(JobSpec.Mode.UPLOAD, env, "--csv", "m.csv", "--float-fields", "score");
        JobSpec fromFlags = spec(JobSpec.Mode.UPLOAD, env, "--csv", "m.csv", "--float-fields", "score",
                "--base-url", "https://flag.example", "--api-key", "flag-key", "--api-secret", "flag-secret",
                "--dataset-id", "flag-ds");

        assertThat(List.of(fromEnv.baseUrl(), fromEnv.apiKey(), fromEnv.datasetId()))
                .containsExactly("https://env.example", "env-key", "env-ds");
        assertThat(fromEnv.apiSecret()).isEqualTo(Secret.of("env-secret"));
        assertThat(List.of(fromFlags.baseUrl(), fromFlags.apiKey(), fromFlags.datasetId()))
                .containsExactly("https://flag.example", "flag-key", "flag-ds");
        assertThat(fromFlags.apiSecret()).isEqualTo(Secret.of("flag-secret"));
        assertThat(fromFlags.toString()).doesNotContain("flag-secret");
    }

    @Test
    void dryRunsAndValidationsWriteTheDefaultReportUploadsOnlyWhenAsked() {
        assertThat(spec(JobSpec.Mode.DRY_RUN, Map.of(), "--csv", "m.csv").reportPath())
                .isEqualTo(Path.of("vlmeta-report.html"));
        assertThat(spec(JobSpec.Mode.VALIDATE, Map.of(), "--csv", "m.csv").reportPath())
                .isEqualTo(Path.of("vlmeta-report.html"));
        assertThat(spec(JobSpec.Mode.UPLOAD, Map.of(), "--csv", "m.csv", "--report", "out/r.html").reportPath())
                .isEqualTo(Path.of("out/r.html"));
    }

    @Test
    void passesTheSourceFieldAndSinkOptionsUnderTheNamesThePluginsRead() {
        JobSpec spec = spec(JobSpec.Mode.UPLOAD, Map.of(), "--input", "scans", "--source", "dicom-sidecar",
                "--path-column", "image_filename", "--encoding", "windows-1252", "--delimiter", ";", "--sheet",
                "metadata", "--sidecar-format", "dicom-json", "--sidecar-glob", "*.json", "--field-names", "keyword",
                "--combine-date-time", "--source-option", "skip-rows=2", "--timezone", "America/New_York",
                "--datetime-format", "dd/MM/yyyy", "--datetime-format", "dd.MM.yyyy", "--field-option", "a=b",
                "--string-max-length", "100", "--truncate-strings", "--enum-limit", "50",
                "--enum-option-max-length", "30", "--sink-option", "x=y", "--task-timeout", "90s", "--parallel", "2",
                "--match-by", "basename", "--allow-unmatched", "--drop-phi", "--resume", "--state-dir", "st",
                "--rejects", "rejects.csv", "--export-file", "export.csv", "--infer");

        assertThat(spec.sourceName()).isEqualTo("dicom-sidecar");
        assertThat(spec.keyColumn()).isEqualTo("image_filename");
        assertThat(spec.sourceOptions()).containsOnly(Map.entry("encoding", "windows-1252"),
                Map.entry("delimiter", ";"), Map.entry("sheet", "metadata"), Map.entry("sidecar-format", "dicom-json"),
                Map.entry("sidecar-glob", "*.json"), Map.entry("field-names", "keyword"),
                Map.entry("combine-date-time", "true"), Map.entry("skip-rows", "2"));
        assertThat(spec.fieldSettings().timezone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(spec.fieldSettings().datetimeFormats()).containsExactly("dd/MM/yyyy", "dd.MM.yyyy");
        assertThat(spec.fieldSettings().options()).containsOnly(Map.entry("a", "b"));
        assertThat(spec.fieldSettings().stringMaxLength()).isEqualTo(100);
        assertThat(spec.fieldSettings().truncateStrings()).isTrue();
        assertThat(spec.fieldSettings().enumLimit()).isEqualTo(50);
        assertThat(spec.fieldSettings().enumOptionMaxLength()).isEqualTo(30);
        assertThat(spec.sinkOptions()).containsOnly(Map.entry("x", "y"));
        assertThat(spec.taskTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(spec.parallel()).isEqualTo(2);
        assertThat(spec.matchBy()).isEqualTo("basename");
        assertThat(spec.allowUnmatched()).isTrue();
        assertThat(spec.dropPhi()).isTrue();
        assertThat(spec.resume()).isTrue();
        assertThat(spec.stateDir()).isEqualTo(Path.of("st"));
        assertThat(spec.rejectsFile()).isEqualTo(Path.of("rejects.csv"));
        assertThat(spec.exportFile()).isEqualTo(Path.of("export.csv"));
        assertThat(spec.infer()).isTrue();
    }
}

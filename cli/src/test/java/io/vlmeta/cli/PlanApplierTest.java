package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vlmeta.engine.JobSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Which value wins when a plan and flags (and the environment) disagree: flag, then plan, then environment. */
class PlanApplierTest {
    private static final PlanFile PLAN = new PlanFile(1,
            new PlanFile.Input("/data/metadata.csv", "csv", "path", Map.of("delimiter", ";"), null, null, null, null),
            List.of(new PlanFile.Column("score", "float", "inferred: every one of 12 values is a number"),
                    new PlanFile.Column("status", "enum", "--enum-fields")),
            null,
            new PlanFile.Settings(100, true, 50, 30, "Europe/Berlin", List.of("dd/MM/yyyy"), Map.of("scale", "2")),
            new PlanFile.Matching("suffix", true, "/data/export.csv"), new PlanFile.PatientData(false, true),
            new PlanFile.Dataset("from-plan", "https://vl.example.invalid"),
            new PlanFile.Upload(5000, 2, "45m", Map.of("poll-interval-ms", "20")));

    @TempDir
    Path home;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private JobSpec apply(Map<String, String> environment, String... flags) {
        return apply(PLAN, environment, flags);
    }

    private JobSpec apply(PlanFile plan, Map<String, String> environment, String... flags) {
        CliContext context = new CliContext(environment, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, home);
        UploadCommand command = new UploadCommand(context);
        CommandLine.ParseResult parsed = new CommandLine(command).parseArgs(flags);
        new PlanApplier(plan, Path.of("/plans/plan.yaml"), command.options, parsed::hasMatchedOption,
                new PrintStream(err, true, StandardCharsets.UTF_8)::println).apply(JobSpec.Mode.DRY_RUN);
        return JobSpecs.from(command.options, JobSpec.Mode.DRY_RUN, context);
    }

    private List<String> lines() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void withoutFlagsTheJobIsThePlans() {
        JobSpec spec = apply(Map.of());

        assertThat(spec.input()).isEqualTo(Path.of("/data/metadata.csv"));
        assertThat(spec.sourceName()).isEqualTo("csv");
        assertThat(spec.keyColumn()).isEqualTo("path");
        assertThat(spec.sourceOptions()).isEqualTo(Map.of("delimiter", ";"));
        assertThat(spec.fieldTypes()).containsExactly(Map.entry("score", "float"), Map.entry("status", "enum"));
        assertThat(spec.infer()).isFalse();
        assertThat(spec.fieldReasons()).containsEntry("score", "plan.yaml: inferred: every one of 12 values is a "
                + "number").containsEntry("status", "plan.yaml: --enum-fields");
        assertThat(spec.fieldSettings().stringMaxLength()).isEqualTo(100);
        assertThat(spec.fieldSettings().truncateStrings()).isTrue();
        assertThat(spec.fieldSettings().enumLimit()).isEqualTo(50);
        assertThat(spec.fieldSettings().enumOptionMaxLength()).isEqualTo(30);
        assertThat(spec.fieldSettings().timezone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(spec.fieldSettings().datetimeFormats()).containsExactly("dd/MM/yyyy");
        assertThat(spec.fieldSettings().options()).isEqualTo(Map.of("scale", "2"));
        assertThat(spec.matchBy()).isEqualTo("suffix");
        assertThat(spec.allowUnmatched()).isTrue();
        assertThat(spec.exportFile()).isEqualTo(Path.of("/data/export.csv"));
        assertThat(spec.dropPhi()).isTrue();
        assertThat(spec.allowPhi()).isFalse();
        assertThat(spec.datasetId()).isEqualTo("from-plan");
        assertThat(spec.baseUrl()).isEqualTo("https://vl.example.invalid");
        assertThat(spec.batchSize()).isEqualTo(5000);
        assertThat(spec.parallel()).isEqualTo(2);
        assertThat(spec.taskTimeout()).isEqualTo(Duration.ofMinutes(45));
        assertThat(spec.sinkOptions()).isEqualTo(Map.of("poll-interval-ms", "20"));
        assertThat(lines()).isEmpty();
    }

    @Test
    void aFlagsTypeOverridingThePlansIsNamedOnlyWhenBuiltInAndTheFlagAlways() {
        PlanFile plan = new PlanFile(1, PLAN.input(), List.of(new PlanFile.Column("score", "float", null),
                new PlanFile.Column("status", "t0kenS3CRq", null)), null, null, null, null, null, null);

        apply(plan, Map.of(), "--field-type", "score=S3CRq", "--field-type", "status=enum");

        assertThat(lines()).containsExactly(
                "Column 'score' is a type not built in by --field-type, overriding the plan's float.",
                "Column 'status' is enum by --field-type, overriding the plan's type, which is not built in.");
    }

    @Test
    void thePlanWinsOverTheEnvironment() {
        JobSpec spec = apply(Map.of("VL_DATASET_ID", "from-env", "VL_BASE_URL", "http://localhost:2080"));

        assertThat(spec.datasetId()).isEqualTo("from-plan");
        assertThat(spec.baseUrl()).isEqualTo("https://vl.example.invalid");
        assertThat(lines()).isEmpty();
    }

    @Test
    void eachFlagBesideThePlanWinsAndSaysSoOnce() {
        JobSpec spec = apply(Map.of(), "--batch-size", "7", "--dataset-id", "from-flag", "--timezone", "UTC",
                "--datetime-format", "yyyy.MM.dd", "--task-timeout", "2h", "--delimiter", "|", "--sink-option",
                "poll-interval-ms=50", "--field-option", "scale=3", "--csv", "/data/other.csv", "--allow-phi",
                "--string-fields", "score");

        assertThat(spec.batchSize()).isEqualTo(7);
        assertThat(spec.datasetId()).isEqualTo("from-flag");
        assertThat(spec.fieldSettings().timezone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(spec.fieldSettings().datetimeFormats()).containsExactly("yyyy.MM.dd");
        assertThat(spec.taskTimeout()).isEqualTo(Duration.ofHours(2));
        assertThat(spec.sourceOptions()).isEqualTo(Map.of("delimiter", "|"));
        assertThat(spec.sinkOptions()).isEqualTo(Map.of("poll-interval-ms", "50"));
        assertThat(spec.fieldSettings().options()).isEqualTo(Map.of("scale", "3"));
        assertThat(spec.input()).isEqualTo(Path.of("/data/other.csv"));
        assertThat(spec.allowPhi()).isTrue();
        assertThat(spec.dropPhi()).isFalse();
        assertThat(spec.fieldTypes()).containsExactly(Map.entry("score", "string"), Map.entry("status", "enum"));
        assertThat(lines()).containsExactly(
                "--csv /data/other.csv overrides the plan's input.path (/data/metadata.csv).",
                "Source option delimiter=| (flag) overrides the plan's input.options delimiter=;.",
                "Column 'score' is string by --string-fields, overriding the plan's float.",
                "--timezone UTC overrides the plan's field-settings.timezone (Europe/Berlin).",
                "--datetime-format yyyy.MM.dd overrides the plan's field-settings.datetime-formats (dd/MM/yyyy).",
                "Field option scale=3 (flag) overrides the plan's field-settings.options scale=2.",
                "--allow-phi overrides the plan's patient-data (allow: false, drop: true).",
                "--dataset-id from-flag overrides the plan's dataset.id (from-plan).",
                "--batch-size 7 overrides the plan's upload.batch-size (5000).",
                "--task-timeout 2h overrides the plan's upload.task-timeout (45m).",
                "Sink option poll-interval-ms=50 (flag) overrides the plan's upload.sink-options poll-interval-ms=20.");
    }

    @Test
    void aBaseUrlOverridingThePlansIsShownWithoutEitherPassword() {
        JobSpec spec = apply(Map.of(), "--base-url", "http://bob:Zsecr2@127.0.0.1:18510/api");

        assertThat(spec.baseUrl()).isEqualTo("http://bob:Zsecr2@127.0.0.1:18510/api");
        assertThat(lines()).containsExactly("--base-url http://bob:***@127.0.0.1:18510/api overrides the plan's "
                + "dataset.base-url (https://vl.example.invalid).");
        assertThat(String.join("\n", lines())).doesNotContain("Zsecr2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://bob:Zsecr2@127.0.0.1:18510/;jsessionid=ZSESS|http://bob:***@127.0.0.1:18510/|holds a ; parameter",
        "http://127.0.0.1:18510/?a=b@ZSESS|http://...|has an @ in its user name or password, or an @ after a / ? or #"})
    void aBaseUrlOverridingThePlansIsShownWithoutWhatMayBeSecretBeforeItIsRefused(String url, String shown,
                                                                                 String reason) {
        assertThatThrownBy(() -> apply(Map.of(), "--base-url", url)).hasMessageContaining(reason)
                .hasMessageNotContaining("ZSESS").hasMessageNotContaining("Zsecr2");

        assertThat(lines()).containsExactly("--base-url " + shown + " overrides the plan's dataset.base-url "
                + "(https://vl.example.invalid).");
        assertThat(String.join("\n", lines())).doesNotContain("Zsecr2").doesNotContain("ZSESS");
    }

    @Test
    void aFlagRepeatingThePlansValueIsNoOverride() {
        JobSpec spec = apply(Map.of(), "--batch-size", "5000", "--match-by", "suffix", "--float-fields", "score",
                "--truncate-strings");

        assertThat(spec.batchSize()).isEqualTo(5000);
        assertThat(spec.fieldReasons()).doesNotContainKey("score");
        assertThat(lines()).isEmpty();
    }

    @Test
    void inferBesideThePlanTypesOnlyTheColumnsThePlanDoesNotName() {
        JobSpec spec = apply(Map.of(), "--infer");

        assertThat(spec.infer()).isTrue();
        assertThat(spec.fieldTypes()).containsOnlyKeys("score", "status");
    }

    @Test
    void aRelativePathInAPlanIsRelativeToThePlansFolder() {
        PlanFile relative = new PlanFile(1, new PlanFile.Input("data/metadata.csv", null, null, null, null, null,
                null, null), List.of(new PlanFile.Column("score", "float", null)), null, null,
                new PlanFile.Matching(null, null, "../exports/export.csv"), null, null, null);

        JobSpec spec = applyWithoutFlags(relative, JobSpec.Mode.VALIDATE);

        assertThat(spec.input()).isEqualTo(Path.of("/plans/data/metadata.csv"));
        assertThat(spec.exportFile()).isEqualTo(Path.of("/exports/export.csv"));
        assertThat(spec.fieldReasons()).containsEntry("score", "plan.yaml");
    }

    /** Applies a plan of {@link #PLAN}'s input and columns with this upload section, without flags. */
    private void applyUpload(PlanFile.Upload upload) {
        applyWithoutFlags(new PlanFile(1, PLAN.input(), PLAN.columns(), null, null, null, null, null, upload),
                JobSpec.Mode.DRY_RUN);
    }

    private JobSpec applyWithoutFlags(PlanFile plan, JobSpec.Mode mode) {
        CliContext context = new CliContext(Map.of(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, home);
        UploadCommand command = new UploadCommand(context);
        CommandLine.ParseResult parsed = new CommandLine(command).parseArgs();
        new PlanApplier(plan, Path.of("/plans/plan.yaml"), command.options, parsed::hasMatchedOption,
                new PrintStream(err, true, StandardCharsets.UTF_8)::println).apply(mode);
        return JobSpecs.from(command.options, mode, context);
    }

    @Test
    void aPlansTaskTimeoutThatIsNoDurationIsRefusedAsThePlansKeyWithoutItsValue() {
        assertThatThrownBy(() -> applyUpload(new PlanFile.Upload(null, null, "S3CRET", null)))
                .isInstanceOf(io.vlmeta.api.VlmetaException.class)
                .hasMessage("Plan /plans/plan.yaml, upload.task-timeout: not a duration; write e.g. 90s, 30m, 2h or "
                        + "PT30M.");
    }

    @ParameterizedTest
    @CsvSource({"0s", "PT0S", "PT-5M"})
    void aPlansTaskTimeoutThatIsNotPositiveIsRefusedAsThePlansKeyBeforeAnyFieldIsDeclared(String timeout) {
        assertThatThrownBy(() -> applyUpload(new PlanFile.Upload(null, null, timeout, null)))
                .isInstanceOf(io.vlmeta.api.VlmetaException.class)
                .hasMessage("Plan /plans/plan.yaml, upload.task-timeout: not a positive duration; write e.g. 90s, 30m, "
                        + "2h or PT30M.");
    }

    @ParameterizedTest
    @CsvSource({"99999999999999999999h", "9999999999999999h"})
    void aPlansTaskTimeoutTooLongForADurationIsRefusedAsThePlansKeyNotWithATrace(String timeout) {
        assertThatThrownBy(() -> applyUpload(new PlanFile.Upload(null, null, timeout, null)))
                .isInstanceOf(io.vlmeta.api.VlmetaException.class)
                .hasMessage("Plan /plans/plan.yaml, upload.task-timeout: too long a duration; write e.g. 90s, 30m, 2h "
                        + "or PT30M.");
    }

    @Test
    void aPlansSinkOptionValueIsRefusedAsThePlansKeyWithoutItsValue() {
        assertThatThrownBy(() -> applyUpload(new PlanFile.Upload(null, null, null,
                Map.of("one-file-per-field", "S3CRET")))).isInstanceOf(io.vlmeta.api.VlmetaException.class)
                .hasMessage("Plan /plans/plan.yaml, upload.sink-options.one-file-per-field: not true or false.");
        assertThatThrownBy(() -> applyUpload(new PlanFile.Upload(null, null, null,
                Map.of("connect-timeout-ms", "S3CRET"))))
                .hasMessage("Plan /plans/plan.yaml, upload.sink-options.connect-timeout-ms: not a whole number from 1 "
                        + "to 2147483647, in the digits 0-9.");
    }

    @Test
    void aPlansLimitBelowOneIsRefusedAsThePlansKeyWithTheNumberGiven() {
        assertThatThrownBy(() -> applyUpload(new PlanFile.Upload(null, -3, null, null)))
                .hasMessage("Plan /plans/plan.yaml, upload.parallel: the value given is -3; it takes a whole number "
                        + "of at least 1.");
    }
}

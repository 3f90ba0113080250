package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Plan, review, run: {@code vlmeta plan} and {@code --plan} through the real command line against the emulator. */
class PlanWorkflowTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    private Path metadata() throws IOException {
        return Files.copy(Examples.METADATA, dir.resolve("metadata.csv"));
    }

    private CliRun cli(String... args) {
        return CliRun.of(Map.of(), dir, args);
    }

    /** @return the metadata's plan, every type inferred, as written and then with {@code from} made {@code to} */
    private Path inferredPlanEdited(String from, String to) throws IOException {
        Path plan = dir.resolve("plan.yaml");
        assertThat(cli("plan", "--csv", metadata().toString(), "--infer", "-o", plan.toString()).exitCode()).isZero();
        Files.writeString(plan, Files.readString(plan).replace(from, to));
        return plan;
    }

    /** @return {@code ", line N"}: the line of the plan that holds {@code text} first, as a refusal names it */
    private static String lineOf(Path plan, String text) throws IOException {
        List<String> lines = Files.readAllLines(plan);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return ", line " + (i + 1);
            }
        }
        throw new AssertionError(text + " is not in " + plan);
    }

    /** @return a dry run of the plan, on no server */
    private CliRun dryRun(Path plan) {
        return cli("upload", "--plan", plan.toString(), "--dry-run", "--dataset-id", "d", "--report",
                dir.resolve("r.html").toString());
    }

    /** @return a validation of the plan */
    private CliRun validate(Path plan) {
        return cli("validate", "--plan", plan.toString(), "--report", dir.resolve("r.html").toString());
    }

    private List<String> server(String dataset) {
        return List.of("--dataset-id", dataset, "--base-url", EMULATOR.emulator().baseUrl(), "--state-dir",
                dir.resolve("state").toString(), "--sink-option", "poll-interval-ms=20");
    }

    /** @return the command, the server's flags, then the rest */
    private static String[] args(List<String> server, String command, String... more) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(server);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** @return every stored field as name to (file name to value), with its declaration */
    private static Map<String, Object> state(String dataset) throws IOException {
        Map<String, Object> state = new TreeMap<>();
        for (Map<String, Object> field : EMULATOR.emulator().schema(dataset)) {
            String name = (String) field.get("field_name");
            Map<String, Object> byFile = new LinkedHashMap<>();
            for (String file : Examples.filenames()) {
                Object value = EMULATOR.emulator().values(dataset, name).get(EMULATOR.emulator().mediaId(dataset, file));
                if (value != null) {
                    byFile.put(file, value);
                }
            }
            state.put(name, List.of(field, byFile));
        }
        return state;
    }

    private static JsonNode yaml(Path file) throws IOException {
        return new YAMLMapper().readTree(file.toFile());
    }

    @Test
    void uploadWithAReviewedPlanStoresExactlyWhatADirectUploadStores() throws IOException {
        Path csv = metadata();
        EMULATOR.emulator().addDataset("direct", Examples.filenames());
        EMULATOR.emulator().addDataset("planned", Examples.filenames());
        Path plan = dir.resolve("plan.yaml");

        CliRun direct = cli(args(server("direct"), "upload", "--csv", csv.toString(), "--infer",
                "--float-fields", "confidence", "--batch-size", "5"));
        CliRun planning = cli(args(server("planned"), "plan", "--csv", csv.toString(), "--infer",
                "--float-fields", "confidence", "--batch-size", "5", "-o", plan.toString()));
        assertThat(EMULATOR.emulator().schema("planned")).as("planning sends nothing").isEmpty();
        CliRun planned = cli("upload", "--plan", plan.toString(), "--state-dir", dir.resolve("state2").toString(),
                "--sink-option", "poll-interval-ms=20");

        assertThat(direct.exitCode()).as(direct.both()).isZero();
        assertThat(planning.exitCode()).as(planning.both()).isZero();
        assertThat(planned.exitCode()).as(planned.both()).isZero();
        assertThat(planned.err()).as("nothing beside the plan overrides it").doesNotContain("overrides");
        assertThat(state("planned")).hasSize(6).isEqualTo(state("direct"));
        assertThat(planned.out()).contains("Dataset ID: planned\n", "Successfully uploaded: 6/6 fields\n",
                "   captured_at: datetime (plan.yaml: inferred: every one of 12 values is a date or date-time)\n");
    }

    @Test
    void aPlanIsNotWrittenOverAPipeALinkToOneAFolderOrAFileNamedDashButRefusedBeforeTheInputIsRead()
            throws Exception {
        Path csv = metadata();
        Path pipe = dir.resolve("plan.yaml");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        Path link = Files.createSymbolicLink(dir.resolve("linked.yaml"), pipe);
        Path folder = Files.createDirectories(dir.resolve("plans"));
        String instead = "; leave out -o to write the plan to standard output, or name a regular file, e.g. -o "
                + "plan.yaml.\n";

        CliRun toPipe = cli("plan", "--csv", csv.toString(), "--string-fields", "caption", "-o", pipe.toString());
        CliRun toLink = cli("plan", "--csv", csv.toString(), "--string-fields", "caption", "-o", link.toString());
        CliRun toFolder = cli("plan", "--csv", csv.toString(), "--string-fields", "caption", "-o", folder.toString());
        CliRun toDash = cli("plan", "--csv", csv.toString(), "--string-fields", "caption", "-o", "-");

        assertThat(toPipe.exitCode()).as(toPipe.both()).isEqualTo(2);
        assertThat(toPipe.err()).isEqualTo("Error: Cannot write the plan to -o '" + pipe + "': it is a pipe" + instead);
        assertThat(toLink.err()).isEqualTo("Error: Cannot write the plan to -o '" + link + "': it is a link to "
                + pipe.toRealPath() + ", a pipe" + instead);
        assertThat(toFolder.err()).isEqualTo("Error: Cannot write the plan to -o '" + folder + "': it is a folder"
                + instead);
        assertThat(toDash.exitCode()).as(toDash.both()).isEqualTo(2);
        assertThat(toDash.err()).isEqualTo("Error: Cannot write the plan to -o '-': it is '-', which names a file "
                + "called '-' here, not standard output" + instead);
        assertThat(Path.of("-")).doesNotExist();
        assertThat(Files.exists(pipe)).isTrue();
        assertThat(Files.isRegularFile(pipe)).isFalse();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(pipe);
        try (var inFolder = Files.list(folder)) {
            assertThat(inFolder).isEmpty();
        }
    }

    @Test
    void inferredPlanRecordsEachColumnsTypeAndTheRuleThatDecidedIt() throws IOException {
        Path csv = metadata();

        CliRun run = cli("plan", "--csv", csv.toString(), "--infer", "--float-fields", "confidence",
                "--dataset-id", "abc123", "--timezone", "Europe/Berlin", "--enum-limit", "50");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).startsWith(PlanYaml.HEADER + "version: 1\ninput:\n  path: " + csv.toAbsolutePath()
                + "\n  source: csv\n  path-column: file_fullpath\n");
        JsonNode plan = new YAMLMapper().readTree(run.out());
        assertThat(plan.get("columns").toString()).isEqualTo("["
                + "{\"name\":\"caption\",\"type\":\"string\",\"why\":\"inferred: 12 distinct values in 12: free text\"},"
                + "{\"name\":\"confidence\",\"type\":\"float\",\"why\":\"--float-fields\"},"
                + "{\"name\":\"captured_at\",\"type\":\"datetime\","
                + "\"why\":\"inferred: every one of 12 values is a date or date-time\"},"
                + "{\"name\":\"weather\",\"type\":\"enum\",\"why\":\"inferred: 4 distinct values repeat across 12 values\"},"
                + "{\"name\":\"tags\",\"type\":\"multi-enum\","
                + "\"why\":\"inferred: 12 values are comma-separated lists; 13 distinct items repeat across 30 items\"},"
                + "{\"name\":\"reference_url\",\"type\":\"link\","
                + "\"why\":\"inferred: every one of 12 values is an http(s) link\"}]");
        assertThat(plan.at("/field-settings/timezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(plan.at("/field-settings/enum-limit").asInt()).isEqualTo(50);
        assertThat(plan.at("/field-settings/string-max-length").asInt()).isEqualTo(255);
        assertThat(plan.at("/matching/match-by").asText()).isEqualTo("path");
        assertThat(plan.at("/dataset/id").asText()).isEqualTo("abc123");
        assertThat(plan.at("/dataset/base-url").asText()).isEqualTo("http://localhost:8080");
        assertThat(plan.at("/upload/batch-size").asInt()).isEqualTo(50000);
        assertThat(plan.at("/upload/task-timeout").asText()).isEqualTo("30m");
        assertThat(plan.at("/input/size").asLong()).isEqualTo(Files.size(csv));
        assertThat(plan.at("/input/sha256").asText()).hasSize(64);
        assertThat(run.err()).contains("Plan for ", "6 fields, 0 left out\n",
                "  weather: enum (inferred: 4 distinct values repeat across 12 values)\n");
    }

    @Test
    void aPlanNeverHoldsASecret() throws IOException {
        Path csv = metadata();
        Path secretFile = Files.writeString(dir.resolve("secret.txt"), "file-secret-5150\n");
        Path plan = dir.resolve("plan.yaml");

        CliRun withFlags = CliRun.of(Map.of("VL_API_SECRET", "env-secret-8086"), dir, "plan", "--csv",
                csv.toString(), "--infer", "--api-key", "key-0451", "--base-url",
                "https://bob:url-pass-1984@vl.example.invalid/api/v1/datasets",
                "--dataset-id", "abc123", "-o", plan.toString());
        String first = Files.readString(plan);
        CliRun withFile = cli("plan", "--csv", csv.toString(), "--infer", "--api-key", "key-0451",
                "--api-secret-file", secretFile.toString(), "--api-secret", "flag-secret-6502", "-o", plan.toString());
        String second = Files.readString(plan);

        assertThat(withFlags.exitCode()).as(withFlags.both()).isZero();
        assertThat(withFile.exitCode()).as(withFile.both()).isZero();
        for (String text : List.of(first, second, withFlags.both(), withFile.both())) {
            assertThat(text).doesNotContain("env-secret-8086", "file-secret-5150", "flag-secret-6502",
                    "url-pass-1984", "bob", "#frag", "key-0451");
        }
        assertThat(yaml(dir.resolve("plan.yaml")).at("/dataset/base-url").asText()).isEqualTo("http://localhost:8080");
        assertThat(new YAMLMapper().readTree(first).at("/dataset/base-url").asText())
                .isEqualTo("https://vl.example.invalid/api/v1/datasets");
        assertThat(withFlags.err()).contains("The base URL's user name, password, path parameters, query and fragment "
                + "are left out of the plan; pass --base-url beside --plan to run it.");
    }

    @Test
    void flagsGivenBesideThePlanWinAndSaySoOncePerSetting() throws IOException {
        Path csv = metadata();
        Path plan = dir.resolve("plan.yaml");
        assertThat(cli("plan", "--csv", csv.toString(), "--infer", "--batch-size", "500", "--enum-limit", "50",
                "-o", plan.toString()).exitCode()).isZero();

        CliRun run = cli("validate", "--plan", plan.toString(), "--batch-size", "100", "--enum-limit", "50",
                "--float-fields", "caption", "--string-fields", "confidence", "--report",
                dir.resolve("r.html").toString());

        assertThat(run.err()).contains("Column 'caption' is float by --float-fields, overriding the plan's string.\n",
                "Column 'confidence' is string by --string-fields, overriding the plan's float.\n");
        assertThat(run.err()).as("the same value is no override").doesNotContain("--enum-limit");
        // validate reads no batch size: it says so, and not that the flag overrides the plan's
        assertThat(run.err()).containsOnlyOnce("--batch-size").contains("so --batch-size is ignored.\n");
        assertThat(run.err().lines().filter(line -> line.contains("overrid"))).hasSize(2);
        assertThat(run.exitCode()).as(run.both()).isEqualTo(3); // captions are not numbers
        assertThat(run.out()).contains("Invalid float value 'Cyclist waiting at a red light'");
    }

    @Test
    void aSinkOptionValueTheUploadWouldRefuseIsRefusedByPlanAndValidateWithoutShowingItAndNoPlanIsWritten()
            throws IOException {
        Path plan = dir.resolve("plan.yaml");
        Path input = metadata();

        CliRun planned = cli("plan", "--csv", input.toString(), "--infer", "--sink-option", "retry-max-attempts=S3CRET",
                "--sink-option", "one-file-per-field=S3CRET2", "-o", plan.toString());
        CliRun validated = cli("validate", "--csv", input.toString(), "--infer", "--sink-option",
                "one-file-per-field=S3CRET2", "--report", dir.resolve("r.html").toString());

        assertThat(planned.exitCode()).as(planned.both()).isEqualTo(2);
        assertThat(planned.err()).endsWith("Error: Sink option 'retry-max-attempts' takes a whole number from 1 to "
                + "2147483647, in the digits 0-9; the value given is not one.\n").doesNotContain("S3CRET");
        assertThat(plan).doesNotExist();
        assertThat(validated.exitCode()).as(validated.both()).isEqualTo(2);
        assertThat(validated.err()).endsWith("Error: Sink option 'one-file-per-field' takes true or false; the value "
                + "given is neither.\n").doesNotContain("S3CRET");
    }

    @Test
    void aPlanWrittenOverALinkOrAFileOthersMayReadLeavesTheLinkAndThePermissionsAsTheyWere() throws IOException {
        Path real = Files.writeString(Files.createDirectories(dir.resolve("shared")).resolve("plan.yaml"), "old");
        Files.setPosixFilePermissions(real, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Path link = Files.createSymbolicLink(dir.resolve("plan.yaml"), real);

        CliRun run = cli("plan", "--csv", metadata().toString(), "--infer", "-o", link.toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).startsWith("# A vlmeta plan");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(real)))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void aPlansUnknownSinkOptionIsNamedAsThePlansKeyNotAsAFlag() throws IOException {
        Path plan = inferredPlanEdited("sink-options: {}", "sink-options: {token: X}");

        CliRun run = dryRun(plan);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).endsWith("Error: Plan " + plan + lineOf(plan, "token:")
                + ", upload.sink-options.token: unknown option; the "
                + "visual-layer sink reads cancel-wait-ms, connect-timeout-ms, one-file-per-field, poll-interval-ms, "
                + "poll-max-interval-ms, queued-batches, read-back-wait-ms, request-timeout-ms, retry-base-delay-ms, "
                + "retry-max-attempts, retry-max-delay-ms; the report sink reads report.\n")
                .doesNotContain("--sink-option");
    }

    @Test
    void aPlanNamingAColumnTheInputLacksIsAUsageErrorNamingTheInputsColumns() throws IOException {
        Path csv = metadata();
        Path plan = dir.resolve("plan.yaml");
        assertThat(cli("plan", "--csv", csv.toString(), "--float-fields", "confidence", "-o", plan.toString())
                .exitCode()).isZero();
        Files.writeString(plan, Files.readString(plan).replace("name: confidence", "name: confidnce"));
        EMULATOR.emulator().addDataset("lacking", Examples.filenames());

        CliRun run = cli(args(server("lacking"), "upload", "--plan", plan.toString()));

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).endsWith("\nError: Column 'confidnce' (plan.yaml: --float-fields; did you mean "
                + "'confidence'?) not found in " + csv + ". Its columns are: caption, confidence, "
                + "captured_at, weather, tags, reference_url.\n");
        assertThat(EMULATOR.emulator().schema("lacking")).isEmpty();
    }

    @Test
    void aPlansLimitBelowOneIsNamedAsThePlansKeyNotAsAFlag() throws IOException {
        Path plan = inferredPlanEdited("  enum-limit: 600", "  enum-limit: 0");

        CliRun run = dryRun(plan);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: Plan " + plan + lineOf(plan, "enum-limit:")
                + ", field-settings.enum-limit: the value given is 0; it "
                + "takes a whole number of at least 1.\n");
    }

    @Test
    void aPlansFractionalLimitIsRefusedNotCutToAWholeNumber() throws IOException {
        Path plan = inferredPlanEdited("  enum-option-max-length: 20", "  enum-option-max-length: 1.9");

        CliRun run = dryRun(plan);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: Plan " + plan + ", line 36, field-settings.enum-option-max-length: "
                + "not a whole number; it takes the digits 0 to 9.\n");
    }

    @Test
    void validateRefusesAPlansBatchSizeBelowOneAsUploadDoes() throws IOException {
        Path plan = inferredPlanEdited("  batch-size: 50000", "  batch-size: 0");

        CliRun run = validate(plan);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: Plan " + plan + lineOf(plan, "batch-size:")
                + ", upload.batch-size: the value given is 0; it takes "
                + "a whole number of at least 1.\n");
    }

    @Test
    void aPlansSinkOptionValueIsRefusedAsThePlansKeyByValidateAndUpload() throws IOException {
        Path plan = inferredPlanEdited("sink-options: {}", "sink-options: {retry-max-attempts: 0}");

        for (CliRun run : List.of(dryRun(plan), validate(plan))) {
            assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
            assertThat(run.err()).isEqualTo("Error: Plan " + plan + lineOf(plan, "retry-max-attempts:")
                    + ", upload.sink-options.retry-max-attempts: not a "
                    + "whole number from 1 to 2147483647.\n");
        }
    }

    @Test
    void aPlansTimeZoneIsRefusedAsThePlansKeyWithoutItsValue() throws IOException {
        Path plan = inferredPlanEdited("  timezone: UTC", "  timezone: S3CRET");

        CliRun run = validate(plan);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: Plan " + plan + lineOf(plan, "timezone:")
                + ", field-settings.timezone: not a time zone; use a "
                + "region such as Europe/Berlin or America/New_York, or an offset such as +02:00.\n");
    }

    @Test
    void aPlansOptionWithoutAValueIsRefusedAsThePlansKeyWithoutATrace() throws IOException {
        String inferred = Files.readString(inferredPlanEdited("", ""));
        for (String empty : List.of("~", "null", "")) {
            Path plan = Files.writeString(dir.resolve("empty " + empty + ".yaml"),
                    inferred.replace("sink-options: {}", "sink-options: {retry-max-attempts: " + empty + "}"));

            CliRun run = cli("validate", "--plan", plan.toString(), "--json");

            assertThat(run.exitCode()).as(empty + ": " + run.both()).isEqualTo(2);
            assertThat(run.err()).as(empty).isEqualTo("Error: Plan " + plan + lineOf(plan, "retry-max-attempts:")
                    + ", upload.sink-options.retry-max-attempts: "
                    + "no value; give one, or remove the key to leave the option unset.\n");
            assertThat(run.out()).as(empty).startsWith("{\"status\":\"error\"").hasLineCount(1);
        }
    }

    @Test
    void aPlansUnknownTimeZoneOrMatchByIsRefusedEvenWhereAFlagReplacesIt() throws IOException {
        Path zone = inferredPlanEdited("  timezone: UTC", "  timezone: S3CRET");
        CliRun overZone = cli("validate", "--plan", zone.toString(), "--timezone", "UTC");
        Path way = Files.writeString(dir.resolve("way.yaml"), Files.readString(zone)
                .replace("  timezone: S3CRET", "  timezone: UTC").replace("  match-by: path", "  match-by: S3CRET"));
        CliRun overWay = cli("validate", "--plan", way.toString(), "--match-by", "path");

        assertThat(overZone.exitCode()).as(overZone.both()).isEqualTo(2);
        assertThat(overZone.err()).contains("field-settings.timezone: not a time zone");
        assertThat(overWay.exitCode()).as(overWay.both()).isEqualTo(2);
        assertThat(overWay.err()).contains("matching.match-by: not a way to match; use one of");
        assertThat(overZone.both() + overWay.both()).doesNotContain("S3CRET");
    }

    @Test
    void aKeyGivenTwiceIsNamedByItsPathOnTheLineOfTheSecond() throws IOException {
        Path plan = inferredPlanEdited("dataset:\n", "dataset:\n  id: d\n  id: S3CRET\n");

        CliRun run = validate(plan);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: Plan " + plan + lineOf(plan, "id: S3CRET")
                + ", dataset.id: given twice in the same map; give each key once.\n");
    }

    @Test
    void anEmptyValueWhereAKeyNeedsTextIsRefusedOnItsLine() throws IOException {
        Path name = inferredPlanEdited("  - name: caption", "  - name: \"\"");
        Path id = Files.writeString(dir.resolve("id.yaml"), Files.readString(name)
                .replace("  - name: \"\"", "  - name: caption").replace("dataset:\n", "dataset:\n  id: ''\n"));

        CliRun noName = validate(name);
        CliRun noId = dryRun(id);

        assertThat(noName.exitCode()).as(noName.both()).isEqualTo(2);
        assertThat(noName.err()).isEqualTo("Error: Plan " + name + lineOf(name, "name: \"\"")
                + ", columns[1]: no 'name'; every entry under 'columns' needs a 'name' and a 'type' (e.g. '- name: "
                + "score' and 'type: float').\n");
        assertThat(noId.exitCode()).as(noId.both()).isEqualTo(2);
        assertThat(noId.err()).isEqualTo("Error: Plan " + id + lineOf(id, "id: ''")
                + ", dataset.id: no value; give one, or remove the key to leave the default.\n");
    }

    @Test
    void aPlansDatetimeFormatIsRefusedAsItsEntryOnItsLineEvenWhereAFlagReplacesIt() throws IOException {
        Path plan = inferredPlanEdited("  datetime-formats: []", "  datetime-formats:\n    - dd/MM/uuuu\n    - HH:mm");

        CliRun run = validate(plan);
        CliRun replaced = cli("validate", "--plan", plan.toString(), "--datetime-format", "uuuu-MM-dd");

        for (CliRun refused : List.of(run, replaced)) {
            assertThat(refused.exitCode()).as(refused.both()).isEqualTo(2);
            assertThat(refused.err()).isEqualTo("Error: Plan " + plan + lineOf(plan, "- HH:mm")
                    + ", field-settings.datetime-formats[2]: not a whole date pattern; it must include the year, month "
                    + "and day (e.g. dd/MM/uuuu).\n");
        }
    }

    @Test
    void aDatetimeFormatFlagJavaCannotReadIsRefusedWhateverTheFields() throws IOException {
        CliRun run = cli("validate", "--csv", metadata().toString(), "--string-fields", "caption",
                "--datetime-format", "dd/MM/bbbb");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: The --datetime-format given is not a date pattern Java reads ('b' is "
                + "not a pattern letter); write one such as dd/MM/uuuu or uuuu-MM-dd HH:mm, with the letters of Java's "
                + "DateTimeFormatter.\n");
    }

    @Test
    void aPlansSourceOptionIsRefusedAsThePlansKeyOnItsLineWithoutItsValue() throws IOException {
        String inferred = Files.readString(inferredPlanEdited("", ""));
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("delimiter: S3CRET", ", input.options.delimiter: not one a CSV input takes; use one of ',', "
                + "';', '|' or 'tab'.");
        refusals.put("encoding: S3CRET", ", input.options.encoding: not a character set this Java knows; give a name "
                + "such as UTF-8, windows-1252 or ISO-8859-1.");
        refusals.put("delimter: ';'", ", input.options.delimter: unknown option; the csv source reads delimiter, "
                + "encoding.");
        int i = 0;
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            Path plan = Files.writeString(dir.resolve("options" + i++ + ".yaml"),
                    inferred.replaceFirst("  options: \\{}", "  options: {" + refusal.getKey() + "}"));

            for (CliRun run : List.of(validate(plan), dryRun(plan))) {
                assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
                assertThat(run.err()).isEqualTo("Error: Plan " + plan + lineOf(plan, refusal.getKey())
                        + refusal.getValue() + "\n");
            }
        }
    }

    @Test
    void aPlanKeepsTheBatchSizeAndParallelItWasMadeWith() throws IOException {
        Path plan = dir.resolve("sized.yaml");

        CliRun run = cli("plan", "--csv", metadata().toString(), "--infer", "--batch-size", "10", "--parallel", "2",
                "-o", plan.toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(Files.readString(plan)).contains("batch-size: 10").contains("parallel: 2");
    }

    @Test
    void aPlansUnknownMatchByIsRefusedByValidateWithTheWaysAccepted() throws IOException {
        Path plan = inferredPlanEdited("  match-by: path", "  match-by: S3CRET");

        CliRun run = validate(plan);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: Plan " + plan + lineOf(plan, "match-by:")
                + ", matching.match-by: not a way to match; use one of "
                + "path, suffix, basename, stem.\n");
    }

    @Test
    void aPlanWithAnUnknownKeyIsAUsageErrorNamingTheKey() throws IOException {
        Path plan = inferredPlanEdited("  batch-size:", "  batch-sise:");

        CliRun run = cli("validate", "--plan", plan.toString());

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error: Plan " + plan + ", line ")
                .contains(", upload.batch-sise: unknown key; did you mean 'batch-size'? Keys there: "
                        + "batch-size, parallel, sink-options, task-timeout.\n");
    }

    @Test
    void anUploadRefusesAnInputThatChangedSinceThePlanAndValidateWarns() throws IOException {
        Path csv = metadata();
        Path plan = dir.resolve("plan.yaml");
        assertThat(cli("plan", "--csv", csv.toString(), "--infer", "-o", plan.toString()).exitCode()).isZero();
        long before = Files.size(csv);
        Files.writeString(csv, Files.readString(csv).replace("Sunny", "Sunnier"));
        Files.setLastModifiedTime(csv, FileTime.from(Instant.parse("2031-01-02T03:04:05Z")));
        EMULATOR.emulator().addDataset("changed", Examples.filenames());

        CliRun upload = cli(args(server("changed"), "upload", "--plan", plan.toString()));
        CliRun validate = cli("validate", "--plan", plan.toString(), "--report", dir.resolve("r.html").toString());
        CliRun overridden = cli(args(server("changed"), "upload", "--plan", plan.toString(), "--csv",
                csv.toString()));

        assertThat(upload.exitCode()).as(upload.both()).isEqualTo(2);
        // refused before any line on the flags beside the plan, which would not apply
        assertThat(upload.err()).startsWith("Error: Input " + csv.toAbsolutePath() + " changed since plan " + plan
                + " was written (size " + String.format(Locale.ROOT, "%,d", before) + " → " + String.format(Locale.ROOT, "%,d", Files.size(csv))
                + " bytes, modified ").contains(" → 2031-01-02T03:04:05Z). Its types were decided on the old content");
        assertThat(validate.exitCode()).as(validate.both()).isZero();
        assertThat(validate.err()).startsWith("Warning: Input " + csv.toAbsolutePath() + " changed since plan ");
        assertThat(overridden.exitCode()).as("naming the input beside the plan runs it: " + overridden.both())
                .isZero();
        assertThat(overridden.err()).contains("\nWarning: Input " + csv + " changed since plan ");
        assertThat(EMULATOR.emulator().values("changed", "weather")).containsValue("Sunnier");
    }

    @Test
    void anUnchangedInputTouchedSinceThePlanRunsWithoutComment() throws IOException {
        Path csv = metadata();
        Path plan = dir.resolve("plan.yaml");
        assertThat(cli("plan", "--csv", csv.toString(), "--infer", "-o", plan.toString()).exitCode()).isZero();
        Files.setLastModifiedTime(csv, FileTime.from(Instant.parse("2031-01-02T03:04:05Z")));

        CliRun run = validate(plan);

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.err()).doesNotContain("changed");
    }

    @Test
    void misspelledColumnsGetDidYouMeanWhereverAColumnIsNamed() throws IOException {
        Path csv = metadata();

        CliRun field = cli("validate", "--csv", csv.toString(), "--float-fields", "confidance");
        CliRun key = cli("validate", "--csv", csv.toString(), "--path-column", "file_fulpath", "--infer");
        CliRun include = cli("plan", "--csv", csv.toString(), "--infer", "--columns", "waether,caption");
        CliRun exclude = cli("plan", "--csv", csv.toString(), "--infer", "--exclude-columns", "Tags");

        assertThat(field.exitCode()).isEqualTo(2);
        assertThat(field.err()).contains("Column 'confidance' (--float-fields; did you mean 'confidence'?) not found");
        assertThat(key.exitCode()).isEqualTo(2);
        assertThat(key.err()).contains("has no column 'file_fulpath' for the media paths (did you mean "
                + "'file_fullpath'?); its columns are: file_fullpath, caption,");
        assertThat(include.exitCode()).isEqualTo(2);
        assertThat(include.err()).isEqualTo("Error: --columns 'waether' matches no column of " + csv
                + "; did you mean 'weather'? Names are case-sensitive; its columns are: caption, "
                + "confidence, captured_at, weather, tags, reference_url.\n");
        assertThat(exclude.exitCode()).isEqualTo(2);
        assertThat(exclude.err()).contains("--exclude-columns 'Tags' matches no column of " + csv
                + "; did you mean 'tags'?");
    }

    @Test
    void aMisspelledPathColumnGetsDidYouMeanInWorkbooksAndTheDicomConvertersCsvToo() {
        CliRun workbook = cli("validate", "--input", SharedFixtures.XLSX.resolve("openpyxl.xlsx").toString(),
                "--path-column", "file_fullpth", "--infer");
        CliRun converter = cli("validate", "--input",
                SharedFixtures.DICOM.resolve("converter-csv/dicom_metadata.csv").toString(), "--path-column",
                "image_filenme", "--infer");

        assertThat(workbook.exitCode()).as(workbook.both()).isNotZero();
        assertThat(workbook.err()).contains("has no key column 'file_fullpth' (did you mean 'file_fullpath'?); its "
                + "header");
        assertThat(converter.exitCode()).as(converter.both()).isNotZero();
        assertThat(converter.err()).contains("has no 'image_filenme' column naming each image (did you mean "
                + "'image_filename'?); its columns are: ");
    }

    @Test
    void columnsWithoutInferIsAUsageError() throws IOException {
        CliRun run = cli("plan", "--csv", metadata().toString(), "--columns", "weather");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--columns and --exclude-columns limit what --infer picks up; pass --infer too");
    }

    @Test
    void optionsOfOneRunAreNotWrittenIntoThePlanAndItSaysSo() throws IOException {
        CliRun run = cli("plan", "--csv", metadata().toString(), "--infer", "--report", "r.html", "--resume");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.err()).startsWith("Not part of a plan (give them when the plan runs): --report, --resume.\n");
        assertThat(run.out()).doesNotContain("r.html", "resume");
    }

    @Test
    void planningStandardInputIsRefused() {
        CliRun run = CliRun.withInput("file_fullpath,a\nx.jpg,1\n".getBytes(StandardCharsets.UTF_8), Map.of(), dir,
                "plan", "--csv", "-", "--infer");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("standard input or a pipe cannot be read again");
    }
}

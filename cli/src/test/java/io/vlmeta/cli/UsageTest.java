package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Help, version, and every kind of usage error ending with exit code 2. */
class UsageTest {
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(Map.of(), dir, args);
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String command : new String[] {"upload", "validate", "export", "plugins", "demo"}) {
            CliRun run = run(command, "--help");
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).startsWith("Usage: vlmeta " + command).contains("Examples:");
        }
        CliRun top = run("--help");
        assertThat(top.out()).contains("upload").contains("validate").contains("emulator").contains("Exit codes: 0 done");
        assertThat(run("emulator", "--help").out()).startsWith("Usage: vlmeta emulator");
    }

    @Test
    void aUsageErrorOfAJobAskedForJsonIsAlsoAnErrorDocumentOnStandardOutput() throws Exception {
        CliRun unknown = run("upload", "--csv", "m.csv", "--json", "--dataset-id", "d1", "--jsno");
        CliRun missingValue = run("validate", "--json", "--csv");
        CliRun badNumber = run("upload", "--json", "--csv", "m.csv", "--batch-size", "many");
        CliRun withoutJson = run("upload", "--csv", "m.csv", "--jsno");
        CliRun afterEndOfOptions = run("validate", "--jsno", "--", "--json");
        CliRun jsonTrue = run("validate", "--json=true", "--bgus");

        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(json.readTree(unknown.out())).isEqualTo(json.readTree(
                "{\"status\":\"error\",\"exit_code\":2,\"error\":\"Unknown option: '--jsno'\"}"));
        assertThat(unknown.err()).startsWith("Error: Unknown option: '--jsno'\n");
        assertThat(missingValue.exitCode()).isEqualTo(2);
        assertThat(json.readTree(missingValue.out()).get("error").asText()).contains("--csv");
        assertThat(badNumber.exitCode()).isEqualTo(2);
        assertThat(json.readTree(badNumber.out()).get("error").asText())
                .isEqualTo("--batch-size takes a whole number (digits 0 to 9 only); the value given is not one.");
        assertThat(badNumber.out().lines()).hasSize(1);
        assertThat(withoutJson.exitCode()).isEqualTo(2);
        assertThat(withoutJson.out()).isEmpty();
        assertThat(afterEndOfOptions.out()).isEmpty();
        assertThat(json.readTree(jsonTrue.out()).get("error").asText()).isEqualTo("Unknown option: '--bgus'");
    }

    @Test
    void aJobAndItsJsonOptionGivenInAnArgumentFileGetTheErrorDocumentToo() throws Exception {
        Path whole = Files.writeString(dir.resolve("upload args.txt"),
                "# read by picocli, with its quotes and comments\nupload --csv 'm.csv' --json\n--jsn\n");
        Path options = Files.writeString(dir.resolve("options.txt"), "--json --jsn");

        CliRun wholeInAFile = run("@" + whole);
        CliRun optionsInAFile = run("validate", "--csv", "m.csv", "@" + options);

        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (CliRun run : List.of(wholeInAFile, optionsInAFile)) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(json.readTree(run.out())).as(run.err()).isEqualTo(json.readTree(
                    "{\"status\":\"error\",\"exit_code\":2,\"error\":\"Unknown option: '--jsn'\"}"));
        }
    }

    @Test
    void validateHelpListsNoOptionOnlyAnUploadReads() {
        String help = run("validate", "--help").out();

        assertThat(help).contains("--csv=FILE").contains("--export-file=FILE").contains("--report=FILE.html")
                .contains("--dataset-id=ID").contains("--json");
        for (String uploadOnly : JobOptions.UPLOAD_ONLY) {
            assertThat(help).as(uploadOnly).doesNotContain(uploadOnly);
        }
        assertThat(help).doesNotContain("--dry-run").doesNotContain("--api-key").doesNotContain("credentials");
    }

    @Test
    void validateAcceptsAnUploadsCommandLineAndSaysOnceWhichOptionsItIgnores() {
        CliRun run = run("validate", "--csv", Examples.METADATA.toString(), "--float-fields", "confidence",
                "--base-url", "http://127.0.0.1:9", "--batch-size", "10", "--report", dir.resolve("r.html").toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.err()).containsOnlyOnce("validate never talks to the server, so --base-url, --batch-size are "
                + "ignored.");
    }

    @Test
    void uploadHelpListsTheReferenceScriptsFlags() {
        String help = run("upload", "--help").out();

        assertThat(help).contains("--csv=FILE").contains("--dataset-id=ID").contains("--base-url=URL")
                .contains("--string-fields=COLUMN...").contains("--multi-enum-fields=COLUMN...")
                .contains("--batch-size=N").contains("--dry-run").contains("--plugins-dir=DIR");
    }

    @Test
    void printsTheVersion() {
        CliRun run = run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("vlmeta " + VersionProvider.version() + "\n");
        assertThat(VersionProvider.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = run("upload", "--csv", "x.csv", "--flaot-fields", "score");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error: Unknown option: '--flaot-fields'\n").contains("--float-fields")
                .endsWith("Try 'vlmeta upload --help' for more information.\n");
    }

    @Test
    void aValueTypedOntoAnOptionsNameIsNotEchoedAsItMayBeASecret() throws Exception {
        CliRun run = run("upload", "--json", "--csv", "x.csv", "--api-secretS3CRETQ");
        CliRun url = run("upload", "--csv", "x.csv", "--base-urlhttp://al1ce:Zsecr@vl.example");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error: Unknown option: '--api-secret...' (an option's value goes after a "
                + "space or '=')\n").doesNotContain("S3CRETQ");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out()).get("error").asText())
                .isEqualTo("Unknown option: '--api-secret...' (an option's value goes after a space or '=')");
        assertThat(url.err()).startsWith("Error: Unknown option: '--base-url...'").doesNotContain("Zsecr");
    }

    @Test
    void anUnknownOptionWithAValueTypedOntoItIsNamedOnlyUpToWhereItsNameEnds() throws Exception {
        String secret = "S3CRq";
        Map<List<String>, String> shown = new java.util.LinkedHashMap<>();
        shown.put(List.of("--apisecret" + secret), "'--apisecret...' (an option's value goes after a space or '=')");
        shown.put(List.of("-x" + secret), "'-...' (an option's value goes after a space or '=')");
        shown.put(List.of("--api_secret=" + secret), "'--api_secret'");
        shown.put(List.of("--api_secret" + secret + "=x"), "'--api_secret...' (an option's value goes after a "
                + "space or '=')");
        shown.put(List.of("--api-secreet", "-" + secret), "'--api-secreet', '-...' (an option's value goes after "
                + "a space or '=')");
        shown.put(List.of("--" + secret), "'--...'");
        shown.put(List.of("--" + "apisecretq".repeat(4)), "'--apisecret...' (an option's value goes after a space "
                + "or '=')");
        shown.put(List.of("--apisecretlowers3crq"), "'--apisecret...' (an option's value goes after a space or '=')");
        shown.put(List.of("--apisecretdeadbeefs3crq"), "'--apisecret...' (an option's value goes after a space or "
                + "'=')");
        shown.put(List.of("--API_Secret-S3CRq"), "'--API_Secret...' (an option's value goes after a space or '=')");
        shown.put(List.of("--zzlowers3crq"), "'--zzl...'");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (Map.Entry<List<String>, String> typed : shown.entrySet()) {
            List<String> args = new java.util.ArrayList<>(List.of("upload", "--json", "--csv", "x.csv"));
            args.addAll(typed.getKey());
            Path file = Files.writeString(dir.resolve("args.txt"), String.join(" ", args));
            for (CliRun run : List.of(run(args.toArray(String[]::new)), run("@" + file))) {
                String expected = (typed.getValue().startsWith("'--api-secreet'") ? "Unknown options: "
                        : "Unknown option: ") + typed.getValue();
                assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
                assertThat(run.err()).as(run.both()).startsWith("Error: " + expected + "\n");
                assertThat(json.readTree(run.out()).get("error").asText()).isEqualTo(expected);
                assertThat(run.both()).doesNotContain(secret.substring(1)).doesNotContain("s3crq")
                        .doesNotContain("deadbeef").doesNotContain("lower");
            }
        }
    }

    @Test
    void anUnknownOptionShapedLikeAnOptionsNameIsNamedWholeAndOnlyTheValueAfterEqualsIsLeftOut() throws Exception {
        Map<List<String>, String> shown = new java.util.LinkedHashMap<>();
        shown.put(List.of("plugins", "--jsonfoo"), "'--jsonfoo'");
        shown.put(List.of("plugins", "--jso=S3CRq"), "'--jso'");
        shown.put(List.of("plugins", "--verbose=S3CRq"), "'--verbose'");
        shown.put(List.of("upload", "--csv", "x.csv", "--no-such-flag"), "'--no-such-flag'");
        shown.put(List.of("validate", "--csv", "x.csv", "--quiet-mode=S3CRq"), "'--quiet-mode'");
        // not shaped like a name: a secret typed as one, shown no further than before
        shown.put(List.of("plugins", "--zzlowers3crq=S3CRq"), "'--zzl...'");
        shown.put(List.of("plugins", "--S3CRq"), "'--...'");
        for (Map.Entry<List<String>, String> typed : shown.entrySet()) {
            CliRun run = run(typed.getKey().toArray(String[]::new));

            assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
            assertThat(run.err()).as(run.both()).startsWith("Error: Unknown option: " + typed.getValue() + "\n");
            assertThat(run.both()).doesNotContain("S3CRq").doesNotContain("s3crq");
        }
    }

    @Test
    void aWordWithoutAnOptionIsNotEchoedAsItMayBeASecretWhoseOptionWasLeftOut() throws Exception {
        CliRun job = run("upload", "--json", "--csv", "x.csv", "S3CRq");
        CliRun afterATypo = run("validate", "--json", "--api-secreet", "S3CRq", "--csv", "x.csv");
        CliRun top = run("S3CRq");

        assertThat(job.err()).startsWith("Error: Unexpected argument: 'upload' takes no positional arguments (option "
                + "values follow their option).\n");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(afterATypo.out()).get("error").asText())
                .isEqualTo("Unknown option: '--api-secreet'");
        for (CliRun run : List.of(job, afterATypo, top)) {
            assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
            assertThat(run.both()).doesNotContain("S3CRq");
        }
    }

    @Test
    void aMistypedCommandIsNamedWithTheNearestCommandAndNothingAfterIt() throws Exception {
        CliRun run = run("valdate", "--csv", "x.csv", "--apisecretS3CRq", "-S3CRq");
        CliRun json = run("uplaod", "--csv", "m.csv", "--dataset-id", "d", "--json");
        CliRun far = run("S3CRq", "--csv", "m.csv", "--json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: Unknown command 'valdate': did you mean 'validate'?\n"
                + "Try 'vlmeta --help' for more information.\n");
        assertThat(run.out()).isEmpty();
        assertThat(json.exitCode()).isEqualTo(2);
        assertThat(json.err()).startsWith("Error: Unknown command 'uplaod': did you mean 'upload'?\n");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out())).isEqualTo(
                new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"status\":\"error\",\"exit_code\":2,"
                        + "\"error\":\"Unknown command 'uplaod': did you mean 'upload'?\"}"));
        assertThat(json.out().lines()).hasSize(1);
        assertThat(far.err()).startsWith("Error: Unknown command: the first word names the command, one of upload, "
                + "validate, export, plan, plugins, emulator, demo, help.\n");
        assertThat(far.out().lines()).hasSize(1);
        for (CliRun each : List.of(run, far)) {
            assertThat(each.both()).doesNotContain("3CRq");
        }
    }

    @Test
    void anOptionNameInUpperCaseIsNamedWithTheLowerCaseOne() {
        CliRun run = run("validate", "--CSV", "m.csv");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: Unknown option: '--CSV' (option names are lower case)\n"
                + "Did you mean: --csv?\nTry 'vlmeta validate --help' for more information.\n");
    }

    @Test
    void aKeyValueOptionWithoutItsEqualsSignIsRefusedWithoutEchoingTheValue() {
        CliRun sink = run("export", "--dataset-id", "d", "--sink-option", "t0kenS3CRq");
        CliRun type = run("upload", "--csv", "m.csv", "--field-type", "t0kenS3CRq");

        assertThat(sink.exitCode()).isEqualTo(2);
        assertThat(sink.err()).startsWith("Error: --sink-option takes KEY=VALUE as one word (a name, '=', then its "
                + "value), e.g. --sink-option connect-timeout-ms=10000.\n");
        assertThat(type.err()).startsWith("Error: --field-type takes COLUMN=TYPE as one word (a name, '=', then its "
                + "value), e.g. --field-type score=float.\n");
        for (CliRun each : List.of(sink, type)) {
            assertThat(each.both()).doesNotContain("S3CRq");
        }
    }

    @Test
    void anOptionWithItsValueFoundWhereAnotherOptionsValueWasExpectedIsNamedWithoutTheValue() throws Exception {
        CliRun run = run("upload", "--json", "--csv", "x.csv", "--api-key", "--api-secret=S3CRq");
        CliRun single = run("export", "--dataset-id", "d1", "--api-key", "-oS3CRq");

        assertThat(run.exitCode()).isEqualTo(2);
        String refusal = "--api-key needs a value after it: --api-key KEY; '--api-secret' follows it, an option, not"
                + " its value (a value that starts with '-' goes after '=': --api-key=KEY).";
        assertThat(run.err()).startsWith("Error: " + refusal + "\n");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out()).get("error").asText())
                .isEqualTo(refusal);
        assertThat(run.both()).doesNotContain("S3CRq");
        assertThat(single.err()).startsWith("Error: --api-key needs a value after it: --api-key KEY; '-o...' follows"
                + " it, an option, not its value (a value that starts with '-' goes after '=': --api-key=KEY).\n");
        assertThat(single.both()).doesNotContain("S3CRq");
    }

    @Test
    void everyOptionNameWithASecretTypedOntoItIsNamedOnlyAsFarAsTheName() {
        CommandLine whole = Cli.commandLine(new CliContext(Map.of(), System.out, System.err, false, dir));
        for (CommandLine command : whole.getSubcommands().values()) {
            List<String> names = command.getCommandSpec().options().stream()
                    .flatMap(option -> java.util.Arrays.stream(option.names())).toList();
            for (String name : names) {
                OptionWordText.Shown shown = OptionWordText.of(name + "lowers3crq", names);
                assertThat(shown.text()).as(name).isEqualTo(name + "...");
                assertThat(shown.suggestion()).as(name).isEqualTo(name.startsWith("--") ? name : null);
            }
        }
    }

    @Test
    void aMistypedSecretFlagDoesNotEchoTheSecret() {
        CliRun run = run("upload", "--csv", "x.csv", "--api-secrt", "hunter2-secret");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error: Unknown option: '--api-secrt'\n").doesNotContain("hunter2-secret");
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun run = run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error: Missing command: choose one of upload, validate, plan, export, "
                + "plugins, emulator, demo");
    }

    @Test
    void noFieldTypesIsAUsageError() {
        CliRun run = run("validate", "--csv", Examples.METADATA.toString(), "--report",
                dir.resolve("r.html").toString());

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error: No field types specified");
    }

    @Test
    void oneColumnUnderTwoTypesIsAUsageError() {
        CliRun run = run("validate", "--csv", Examples.METADATA.toString(), "--float-fields", "confidence",
                "--enum-fields", "confidence");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: Column 'confidence' is given two types, float by --float-fields "
                + "and enum by --enum-fields; give each column one type.\n");
    }

    @Test
    void noInputIsAUsageError() {
        CliRun run = run("upload", "--dataset-id", "abc", "--float-fields", "score");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: No input given: pass --csv FILE (or --input PATH for Excel files and "
                + "sidecar folders).\n");
    }

    @Test
    void badDurationAndBadTimezoneAreUsageErrors() {
        CliRun duration = run("upload", "--csv", "x.csv", "--task-timeout", "soon");
        CliRun zone = run("validate", "--csv", Examples.METADATA.toString(), "--float-fields", "confidence",
                "--timezone", "Mars/Olympus");

        assertThat(duration.exitCode()).isEqualTo(2);
        assertThat(duration.err()).startsWith("Error: --task-timeout takes a duration, e.g. 90s, 30m, 2h or PT30M; the "
                + "value given is not one.\n");
        assertThat(zone.exitCode()).isEqualTo(2);
        assertThat(zone.err()).isEqualTo("Error: --timezone takes a time zone: use a region such as Europe/Berlin or "
                + "America/New_York, or an offset such as +02:00; the value given is not one.\n"
                + "Try 'vlmeta validate --help' for more information.\n");
    }

    @Test
    void aMissingInputFileIsOneLineAndExitCodeOne() {
        CliRun run = run("validate", "--csv", dir.resolve("absent.csv").toString(), "--float-fields", "score");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: ").hasLineCount(1).contains("absent.csv");
    }

    private CommandLine tree(String... args) {
        return Cli.commandLine(new CliContext(Map.of(), new PrintStream(PrintStream.nullOutputStream()),
                new PrintStream(PrintStream.nullOutputStream()), false, dir), args);
    }

    @Test
    void buildsOnlyTheCommandTheArgumentsRun() {
        List<String> every = List.of("upload", "validate", "export", "plan", "plugins", "emulator", "demo", "help");

        assertThat(tree("validate", "--csv", "x.csv").getSubcommands()).containsOnlyKeys("validate");
        assertThat(tree("emulator", "--help").getSubcommands()).containsOnlyKeys("emulator");
        assertThat(tree("--version").getSubcommands()).isEmpty();
        assertThat(tree("-V").getSubcommands()).isEmpty();
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "validate"}, {"valdate"}, {"--version", "upload"}}) {
            assertThat(tree(args).getSubcommands().keySet()).as(String.join(" ", args)).containsExactlyElementsOf(every);
        }
    }

    @Test
    void aCommandBuiltAloneHasTheHelpAndSettingsItHasInTheWholeTree() {
        CommandLine whole = Cli.commandLine(new CliContext(Map.of(), System.out, System.err, false, dir));
        for (String name : whole.getSubcommands().keySet()) {
            CommandLine alone = tree(name).getSubcommands().get(name);
            CommandLine inWhole = whole.getSubcommands().get(name);

            assertThat(alone.getUsageMessage(CommandLine.Help.Ansi.OFF)).as(name)
                    .isEqualTo(inWhole.getUsageMessage(CommandLine.Help.Ansi.OFF));
            assertThat(alone.isCaseInsensitiveEnumValuesAllowed()).as(name).isTrue();
            assertThat(alone.getParameterExceptionHandler()).as(name).isNotNull()
                    .isSameAs(alone.getParent().getParameterExceptionHandler());
            assertThat(alone.getExecutionExceptionHandler()).as(name)
                    .isSameAs(alone.getParent().getExecutionExceptionHandler());
        }
    }

    @Test
    void aMistypedCommandStillGetsTheNearestCommandSuggested() {
        CliRun run = run("valdate", "--csv", "x.csv");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("did you mean 'validate'?");
    }

    @Test
    void theHelpCommandStillDescribesAnyCommand() {
        CliRun run = run("help", "validate");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: vlmeta validate").isEqualTo(run("validate", "--help").out());
    }

    @Test
    void aLimitBelowOneIsRefusedNamingItsOptionAndTheNumberGiven() throws Exception {
        String csv = Files.writeString(dir.resolve("m.csv"), "file_fullpath,score\na.jpg,1.5\n").toString();
        for (String option : List.of("--string-max-length", "--enum-limit", "--enum-option-max-length",
                "--batch-size", "--parallel")) {
            CliRun run = run("upload", "--csv", csv, "--dataset-id", "d", "--dry-run", "--infer", option, "0");

            assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
            assertThat(run.err()).isEqualTo("Error: " + option + " must be a whole number of at least 1; the value "
                    + "given is 0.\nTry 'vlmeta upload --help' for more information.\n");
        }
    }

    @Test
    void aRefusalOfAnOptionsValueMadeAsTheJobStartsEndsWithWhereHelpIsAsTheParsersOwnDo() {
        CliRun matchBy = run("validate", "--csv", Examples.METADATA.toString(), "--float-fields", "confidence",
                "--match-by", "t0kenS3CRq");
        CliRun noInput = run("validate", "--float-fields", "confidence");
        CliRun twoInputs = run("validate", "--csv", "a.csv", "--input", "b.csv", "--float-fields", "confidence");

        assertThat(matchBy.exitCode()).isEqualTo(2);
        assertThat(matchBy.err()).isEqualTo("Error: --match-by takes one of path, suffix, basename, stem; the value "
                + "given is not one.\nTry 'vlmeta validate --help' for more information.\n");
        // a refusal that is not of what one option takes has no help line to add
        assertThat(noInput.err()).doesNotContain("Try 'vlmeta");
        assertThat(twoInputs.err()).isEqualTo("Error: --csv and --input name different files (a.csv, b.csv); give "
                + "one of them.\n");
    }
}

package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import io.vlmeta.emulator.FaultPlan;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command line in-process against the emulator over HTTP: a job stopped before its upload
 * and a job refused for a local reason send nothing at all; every console line is escaped.
 */
class StopAndLocalChecksTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    private static long requests() {
        return FaultPlan.ENDPOINTS.stream().mapToLong(e -> EMULATOR.emulator().requestCount(e)).sum();
    }

    private List<String> upload(String dataset, String... extra) throws IOException {
        EMULATOR.emulator().addDataset(dataset, Examples.filenames());
        List<String> args = new ArrayList<>(List.of("upload", "--csv", Examples.METADATA.toString(), "--dataset-id",
                dataset, "--base-url", EMULATOR.emulator().baseUrl()));
        if (!List.of(extra).contains("--state-dir")) {
            args.addAll(List.of("--state-dir", dir.resolve("state").toString()));
        }
        args.addAll(Examples.typeFlags());
        args.addAll(List.of(extra));
        return args;
    }

    private static CliRun run(StopControl stops, List<String> args) {
        return run(Map.of(), stops, args);
    }

    private static CliRun run(Map<String, String> env, StopControl stops, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int exit = Cli.execute(new CliContext(env, outStream, errStream, false, Path.of("."), stops),
                    args.toArray(String[]::new));
            return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aStopBeforeTheFirstRequestSendsNothingAndExits130() throws IOException {
        List<String> args = upload("stopped-early");
        long before = requests();

        CliRun run = run((err, resume, document) -> () -> true, args);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(130);
        assertThat(run.err()).isEqualTo("Error: Stopped before the media mapping was fetched: nothing was sent; run "
                + "the same command again to start over.\n");
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void aStopMidUploadEndsWithStatusStoppedAndTheResumeCommandFinishesTheJob() throws IOException {
        List<String> args = upload("stopped-mid-upload", "--batch-size", "2", "--parallel", "1", "--json");
        long uploadsBefore = EMULATOR.emulator().requestCount("upload");

        CliRun stopped = run((err, resume, document) -> () -> EMULATOR.emulator().requestCount("upload")
                > uploadsBefore, args);
        List<String> again = new ArrayList<>(args);
        again.add("--resume");
        CliRun resumed = run(StopControl.NONE, again);

        assertThat(stopped.exitCode()).as(stopped.both()).isEqualTo(130);
        assertThat(stopped.out()).contains("\"status\":\"stopped\"").contains("\"exit_code\":130");
        assertThat(stopped.err()).contains("Stopped: the fields above marked interrupted were not finished. The "
                + "journal holds where each one stands; to continue, run:\n  vlmeta upload --csv " + Examples.METADATA)
                .contains(" --json --resume\n");
        assertThat(resumed.exitCode()).as(resumed.both()).isZero();
        for (String field : List.of("confidence", "weather")) {
            assertThat(EMULATOR.emulator().values("stopped-mid-upload", field)).as(field).hasSize(12);
        }
    }

    @Test
    void aStopThatComesAfterTheJobsLastStepSaysTheJobRanToItsEndWithItsOwnExitCode() throws IOException {
        List<String> args = upload("stopped-too-late");
        java.util.concurrent.atomic.AtomicBoolean signalled = new java.util.concurrent.atomic.AtomicBoolean();

        // the signal lands between the job's last look for one and its end
        CliRun run = run((err, resume, document) -> new JobStop() {
            @Override
            public boolean requested() {
                return signalled.get();
            }

            @Override
            public void ended() {
                signalled.set(true);
            }
        }, args);

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("The stop came after the job's last step, so it ran to its end: the result "
                + "above stands, and the exit code is the job's (0).").doesNotContain("Stopped:");
        for (String field : List.of("confidence", "weather")) {
            assertThat(EMULATOR.emulator().values("stopped-too-late", field)).as(field).hasSize(12);
        }
    }

    @Test
    void theStopControlIsGivenTheResumeCommandWithoutTheSecret() throws IOException {
        List<String> args = upload("secret-in-flag", "--api-key", "k1", "--api-secret", "s3cr3t-value");
        List<ResumeCommand> seen = new ArrayList<>();

        CliRun run = run((err, resume, document) -> {
            seen.add(resume);
            return () -> true;
        }, args);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(130);
        assertThat(seen).hasSize(1);
        // the notes go with the command when a second signal prints it instead of the summary
        assertThat(seen.get(0).notes()).containsExactly("The API secret given with --api-secret is not repeated "
                + "here: set VL_API_SECRET to it (or pass --api-secret-file FILE) before running this.");
        assertThat(seen.get(0).command()).startsWith("vlmeta upload --csv " + Examples.METADATA + " --dataset-id secret-in-flag")
                .contains("--api-key k1 --resume").doesNotContain("s3cr3t-value").doesNotContain("--api-secret");
    }

    @Test
    void theResumeCommandStartsWithTheProgramAsTheStartScriptWasCalled() throws IOException {
        List<String> args = upload("called-as", "--batch-size", "2", "--parallel", "1");
        long uploadsBefore = EMULATOR.emulator().requestCount("upload");
        List<String> seen = new ArrayList<>();

        CliRun stopped = run(Map.of("VLMETA_PROGRAM", "./vlmeta"), (err, resume, document) -> {
            seen.add(resume.command());
            return () -> EMULATOR.emulator().requestCount("upload") > uploadsBefore;
        }, args);
        CliRun spaced = run(Map.of("VLMETA_PROGRAM", "/opt/my tools/bin/vlmeta"), (err, resume, document) -> {
            seen.add(resume.command());
            return () -> true;
        }, upload("called-from-a-spaced-folder"));

        assertThat(stopped.exitCode()).as(stopped.both()).isEqualTo(130);
        assertThat(stopped.out()).contains("to continue, run:\n  ./vlmeta upload --csv " + Examples.METADATA);
        assertThat(spaced.exitCode()).as(spaced.both()).isEqualTo(130);
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).startsWith("./vlmeta upload --csv ");
        assertThat(seen.get(1)).startsWith("'/opt/my tools/bin/vlmeta' upload --csv ");
    }

    @Test
    void refusesAStateDirThatIsAFileBeforeAnyRequest() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        List<String> args = upload("state-is-file", "--state-dir", file.toString());
        long before = requests();

        CliRun run = run(StopControl.NONE, args);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: Cannot keep the resume journal in --state-dir '" + file + "': it is a"
                + " file, not a folder; give --state-dir a folder this user can write.\n");
        assertThat(requests()).isEqualTo(before);
        assertThat(EMULATOR.emulator().schema("state-is-file")).isEmpty();
    }

    @Test
    void refusesARejectsPathThatIsAFolderBeforeAnyRequest() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("rejects-folder"));
        List<String> args = upload("rejects-is-folder", "--rejects", folder.toString());
        long before = requests();

        CliRun run = run(StopControl.NONE, args);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: Cannot write the rejected rows to --rejects '" + folder + "': it is a "
                + "folder; give --rejects a regular file, e.g. --rejects rejected.csv, or leave it out.\n");
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void refusesAReportWhoseJsonSiblingIsAFolderBeforeAnyRequest() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("up.json"));
        Path report = dir.resolve("up.html");
        List<String> args = upload("report-json-is-folder", "--report", report.toString());
        long before = requests();

        CliRun run = run(StopControl.NONE, args);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: Cannot write the report's JSON file, beside --report " + report
                + ", to '" + folder + "': it is a folder; give --report a regular file, e.g. --report "
                + "vlmeta-report.html (validate and dry runs always write a report, no option switches it off; an "
                + "upload writes none without --report).\n");
        assertThat(requests()).isEqualTo(before);
        assertThat(EMULATOR.emulator().schema("report-json-is-folder")).isEmpty();
        assertThat(folder).isDirectory();
        assertThat(report).doesNotExist();
    }

    @Test
    void refusesAReportThatIsAPipeOrALinkToOneBeforeAnyRequestAndLeavesThemAsTheyWere() throws Exception {
        Path pipe = dir.resolve("pipe.html");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        Path link = Files.createSymbolicLink(dir.resolve("linked.html"), pipe);
        long before = requests();

        CliRun toPipe = run(StopControl.NONE, upload("report-pipe", "--report", pipe.toString()));
        CliRun toLink = run(StopControl.NONE, upload("report-link", "--report", link.toString()));

        assertThat(toPipe.exitCode()).as(toPipe.both()).isEqualTo(2);
        assertThat(toPipe.err()).isEqualTo("Error: Cannot write the report to --report '" + pipe + "': it is a pipe; "
                + "give --report a regular file, e.g. --report vlmeta-report.html (validate and dry runs always write "
                + "a report, no option switches it off; an upload writes none without --report).\n");
        assertThat(toLink.exitCode()).as(toLink.both()).isEqualTo(2);
        assertThat(toLink.err()).startsWith("Error: Cannot write the report to --report '" + link + "': it is a link "
                + "to " + pipe.toRealPath() + ", a pipe; give --report a regular file");
        assertThat(requests()).isEqualTo(before);
        assertThat(Files.isRegularFile(pipe)).isFalse();
        assertThat(Files.exists(pipe)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(pipe);
    }

    @Test
    void refusesRejectsOrProblemsThatArePipesOrADashBeforeAnyRequestAndLeavesThePipeAsItWas() throws Exception {
        Path pipe = dir.resolve("rejects.csv");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        long before = requests();

        CliRun rejects = run(StopControl.NONE, upload("rejects-pipe", "--rejects", pipe.toString()));
        CliRun dash = run(StopControl.NONE, upload("rejects-dash", "--rejects", "-"));
        CliRun problems = run(StopControl.NONE, upload("problems-pipe", "--problems", pipe.toString()));

        assertThat(rejects.exitCode()).as(rejects.both()).isEqualTo(2);
        assertThat(rejects.err()).isEqualTo("Error: Cannot write the rejected rows to --rejects '" + pipe + "': it is a "
                + "pipe; give --rejects a regular file, e.g. --rejects rejected.csv, or leave it out.\n");
        assertThat(dash.exitCode()).as(dash.both()).isEqualTo(2);
        assertThat(dash.err()).startsWith("Error: Cannot write the rejected rows to --rejects '-': it is '-'");
        assertThat(dir.resolve("-")).doesNotExist();
        assertThat(problems.exitCode()).as(problems.both()).isEqualTo(2);
        assertThat(problems.err()).isEqualTo("Error: Cannot write the problems to --problems '" + pipe + "': it is a "
                + "pipe; give --problems a regular file, e.g. --problems problems.csv, or leave it out.\n");
        assertThat(requests()).isEqualTo(before);
        assertThat(Files.exists(pipe)).isTrue();
        assertThat(Files.isRegularFile(pipe)).isFalse();
    }

    @Test
    void refusesAReportWhoseFolderIsAFileBeforeAnyRequest() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        Path report = file.resolve("sub/report.html");
        List<String> args = upload("report-under-file", "--report", report.toString());
        long before = requests();

        CliRun run = run(StopControl.NONE, args);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: Cannot write the report to --report '" + report + "': it has " + file
                + " in its path, which is a file, not a folder; give --report a regular file, e.g. --report"
                + " vlmeta-report.html (validate and dry runs always write a report, no option switches it off; an"
                + " upload writes none without --report).\n");
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void printsValuesAndColumnNamesWithControlCharactersAsVisibleEscapes() throws IOException {
        Path csv = Files.writeString(dir.resolve("hostile.csv"), "file_fullpath,\"sc\u001B]0;title\u0007ore\"\n"
                + "images/street_001.jpg,\"\u001B]0;pwned\u0007\"\n", StandardCharsets.UTF_8);

        CliRun run = CliRun.of(Map.of(), dir, "validate", "--csv", csv.toString(), "--float-fields",
                "sc\u001B]0;title\u0007ore", "--report", dir.resolve("report.html").toString());

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        assertThat(run.out()).doesNotContain("\u001B").doesNotContain("\u0007")
                .contains("   sc\\u001B]0;title\\u0007ore: float (--float-fields)\n")
                .contains("Row 2, field 'sc\\u001B]0;title\\u0007ore': Invalid float value "
                        + "'\\u001B]0;pwned\\u0007'. Must be a valid number.");
    }

    @Test
    void escapesWhatTheServerSaysAboutAValueTheUserGave() throws IOException {
        String dataset = "no\u001B]0;pwned\u0007such";
        List<String> args = new ArrayList<>(List.of("upload", "--csv", Examples.METADATA.toString(), "--dataset-id",
                dataset, "--base-url", EMULATOR.emulator().baseUrl(), "--state-dir", dir.resolve("state").toString()));
        args.addAll(Examples.typeFlags());

        CliRun run = run(StopControl.NONE, args);

        assertThat(run.exitCode()).as(run.both()).isNotZero();
        assertThat(run.out()).contains("Dataset ID: no\\u001B]0;pwned\\u0007such\n");
        assertThat(run.both()).doesNotContain("\u001B").doesNotContain("\u0007");
    }

    @Test
    void escapesAValueQuotedInAUsageError() {
        CliRun run = CliRun.of(Map.of(), dir, "validate", "--csv", "Mars\u001B[2J.csv", "--input", "m.csv");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).contains("Mars\\u001B[2J.csv").doesNotContain("\u001B");
    }

    @Test
    void escapesAnErrorMessageCarryingAPath() throws IOException {
        CliRun run = CliRun.of(Map.of(), dir, "validate", "--csv", dir.resolve("no\u001B[2Jsuch.csv").toString(),
                "--float-fields", "score", "--report", dir.resolve("report.html").toString());

        assertThat(run.exitCode()).as(run.both()).isNotZero();
        assertThat(run.err()).startsWith("Error: ").contains("no\\u001B[2Jsuch.csv").doesNotContain("\u001B");
    }

}

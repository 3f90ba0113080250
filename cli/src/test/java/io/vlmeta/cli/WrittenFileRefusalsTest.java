package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import io.vlmeta.emulator.FaultPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every file vlmeta writes ({@code --report}, {@code --rejects}, {@code --problems}, {@code plan -o},
 * {@code export -o}) and the {@code --state-dir} folder are refused alike: the same fault is a usage error (exit
 * code 2) in one shape, "Cannot ... to OPTION 'PATH': it ...; give ... instead.", before any request.
 */
class WrittenFileRefusalsTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    private static final String REPORT_INSTEAD = "give --report a regular file, e.g. --report vlmeta-report.html"
            + " (validate and dry runs always write a report, no option switches it off; an upload writes none without"
            + " --report)";

    /** Numbers each run's dataset: the emulator lives as long as the class. */
    private static final java.util.concurrent.atomic.AtomicInteger DATASETS = new java.util.concurrent.atomic.AtomicInteger();

    @TempDir
    Path dir;

    private Path blocker;

    @BeforeEach
    void aFileWhereAFolderWouldBe() throws IOException {
        blocker = Files.writeString(dir.resolve("blocker"), "a file, not a folder");
    }

    private static long requests() {
        return FaultPlan.ENDPOINTS.stream().mapToLong(e -> EMULATOR.emulator().requestCount(e)).sum();
    }

    /** @return how the refusal of {@code option}'s file starts, before the quoted path */
    private static String refused(String option) {
        return switch (option) {
            case "--report" -> "Cannot write the report to --report";
            case "--rejects" -> "Cannot write the rejected rows to --rejects";
            case "--problems" -> "Cannot write the problems to --problems";
            case "plan" -> "Cannot write the plan to -o";
            default -> "Cannot save the export to -o";
        };
    }

    /** @return what the refusal of {@code option}'s file says to give instead */
    private static String instead(String option) {
        return switch (option) {
            case "--report" -> REPORT_INSTEAD;
            case "--rejects" -> "give --rejects a regular file, e.g. --rejects rejected.csv, or leave it out";
            case "--problems" -> "give --problems a regular file, e.g. --problems problems.csv, or leave it out";
            case "plan" -> "leave out -o to write the plan to standard output, or name a regular file, e.g. -o"
                    + " plan.yaml";
            default -> "name a regular file, e.g. -o export_media_id-ID.csv, for 'validate --export-file' to read";
        };
    }

    /** Runs the command that writes {@code option}'s file to {@code target}, the upload's options otherwise valid. */
    private CliRun write(String option, Path target, String... extra) throws IOException {
        String dataset = "written-" + DATASETS.incrementAndGet();
        EMULATOR.emulator().addDataset(dataset, Examples.filenames());
        List<String> args = new ArrayList<>();
        switch (option) {
            case "plan" -> args.addAll(List.of("plan", "--csv", Examples.METADATA.toString(), "--infer", "-o",
                    target.toString()));
            case "export" -> args.addAll(List.of("export", "-o", target.toString()));
            default -> {
                args.addAll(List.of("upload", "--csv", Examples.METADATA.toString(), option, target.toString()));
                if (!List.of(extra).contains("--state-dir")) {
                    args.addAll(List.of("--state-dir", dir.resolve("state").toString()));
                }
                args.addAll(Examples.typeFlags());
            }
        }
        args.addAll(List.of("--dataset-id", dataset, "--base-url", EMULATOR.emulator().baseUrl()));
        args.addAll(List.of(extra));
        return CliRun.of(Map.of(), dir, args.toArray(String[]::new));
    }

    /** Asserts the run was refused as a usage error before any request or its announcement; returns its last line. */
    private static String refusal(CliRun run, long requestsBefore) {
        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(requests()).as("requests sent").isEqualTo(requestsBefore);
        assertThat(run.both()).doesNotContain("Exception");
        // told before the lines that announce the first request, as every file's refusal is
        assertThat(run.both()).doesNotContain("media ID mapping");
        String[] lines = run.err().split("\n");
        return lines[lines.length - 1];
    }

    @ParameterizedTest
    @ValueSource(strings = {"--report", "--rejects", "--problems", "plan", "export"})
    void aFileUnderARegularFileIsAUsageErrorNamingThatFile(String option) throws IOException {
        Path target = blocker.resolve(option.equals("--report") ? "report.html" : "out.csv");
        long before = requests();

        CliRun run = write(option, target);

        assertThat(refusal(run, before)).isEqualTo("Error: " + refused(option) + " '" + target + "': it has " + blocker
                + " in its path, which is a file, not a folder; " + instead(option) + ".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--report", "--rejects", "--problems", "plan", "export"})
    void aFolderWhereTheFileGoesIsAUsageErrorInOneWording(String option) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("a-folder"));
        long before = requests();

        CliRun run = write(option, folder);

        assertThat(refusal(run, before)).isEqualTo("Error: " + refused(option) + " '" + folder + "': it is a folder; "
                + instead(option) + ".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--report", "--rejects", "--problems", "plan", "export"})
    void aPipeWhereTheFileGoesIsAUsageErrorNamingItAPipe(String option) throws Exception {
        Path pipe = dir.resolve(option.equals("--report") ? "pipe.html" : "pipe.csv");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        long before = requests();

        CliRun run = write(option, pipe);

        assertThat(refusal(run, before)).isEqualTo("Error: " + refused(option) + " '" + pipe + "': it is a pipe; "
                + instead(option) + ".");
        assertThat(Files.isRegularFile(pipe)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--report", "--rejects", "--problems", "plan", "export"})
    void aFolderThisUserMayNotWriteIsAUsageErrorBeforeAnyRequest(String option) throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        assumeFalse(Files.isWritable(locked), "the superuser writes any folder, so permission cannot be denied");
        Path target = locked.resolve(option.equals("--report") ? "report.html" : "out.csv");
        long before = requests();

        CliRun run = write(option, target);

        assertThat(refusal(run, before)).isEqualTo("Error: " + refused(option) + " '" + target + "': it cannot be"
                + " created: this user may not write in the folder " + locked + "; " + instead(option) + ".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--problems", "plan", "export"})
    void aFileInFoldersStillToBeMadeIsWrittenThere(String option) throws IOException {
        Path target = dir.resolve("new/sub/out.csv");

        CliRun run = write(option, target);

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(target).isRegularFile();
    }

    @Test
    void aDryRunRefusesTheRejectsFileTheUploadWouldRefuse() throws IOException {
        Path target = blocker.resolve("rejected.csv");
        long before = requests();

        CliRun dryRun = write("--rejects", target, "--dry-run");
        CliRun upload = write("--rejects", target);

        String refusal = "Error: Cannot write the rejected rows to --rejects '" + target + "': it has " + blocker
                + " in its path, which is a file, not a folder; " + instead("--rejects") + ".";
        assertThat(refusal(dryRun, before)).isEqualTo(refusal);
        assertThat(refusal(upload, before)).isEqualTo(refusal);
    }

    @Test
    void aStateFolderThatIsAPipeIsNamedAPipe() throws Exception {
        Path pipe = dir.resolve("state-pipe");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        long before = requests();

        CliRun run = write("--rejects", dir.resolve("rejected.csv"), "--state-dir", pipe.toString());

        assertThat(refusal(run, before)).isEqualTo("Error: Cannot keep the resume journal in --state-dir '" + pipe
                + "': it is a pipe, not a folder; give --state-dir a folder this user can write.");
    }

    @Test
    void aStateFolderUnderARegularFileNamesThatFile() throws IOException {
        Path state = blocker.resolve("state");
        long before = requests();

        CliRun run = write("--rejects", dir.resolve("rejected.csv"), "--state-dir", state.toString());

        assertThat(refusal(run, before)).isEqualTo("Error: Cannot keep the resume journal in --state-dir '" + state
                + "': " + blocker + " in its path is a file, not a folder; give --state-dir a folder this user can"
                + " write.");
    }
}

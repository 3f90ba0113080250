package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A file the user names for output (the plan, --problems, the export) that cannot be written is refused in one
 * line naming the file and why in words (a folder where the file goes, a file in its path, a folder that takes no
 * files), never a Java class name.
 */
class UnwritableFilesTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    private Path blocker;
    private Path csv;

    /** A file where the outputs' folder would be, and the input. */
    @BeforeEach
    void files() throws IOException {
        blocker = Files.writeString(dir.resolve("blocker"), "a file, not a folder");
        csv = Files.copy(Examples.METADATA, dir.resolve("metadata.csv"));
    }

    private CliRun plan(Path output) {
        return CliRun.of(Map.of(), dir, "plan", "--csv", csv.toString(), "--infer", "--dataset-id", "d1",
                "--base-url", EMULATOR.emulator().baseUrl(), "-o", output.toString());
    }

    /** Exports a dataset of its own, named after the test's folder. */
    private CliRun export(Path output) throws IOException {
        String dataset = dir.getFileName().toString();
        EMULATOR.emulator().addDataset(dataset, Examples.filenames());
        return CliRun.of(Map.of(), dir, "export", "--dataset-id", dataset, "--base-url", EMULATOR.emulator().baseUrl(),
                "-o", output.toString());
    }

    /** @return the last line of standard error: the refusal, after what the command printed before it */
    private static String refusal(CliRun run) {
        assertThat(run.exitCode()).as(run.both()).isNotZero();
        assertThat(run.both()).doesNotContain("Exception");
        String[] lines = run.err().split("\n");
        return lines[lines.length - 1];
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "plan.yaml|Cannot write the plan to -o '{}'", "export.csv|Cannot save the export to -o '{}'",
        "problems.csv|Cannot write the problems to --problems '{}'"})
    void anOutputUnderAFileNamesThatFile(String name, String start) throws IOException {
        Path output = blocker.resolve(name);

        CliRun run = switch (name) {
            case "plan.yaml" -> plan(output);
            case "export.csv" -> export(output);
            default -> CliRun.of(Map.of(), dir, "validate", "--csv", csv.toString(), "--infer", "--problems",
                    output.toString(), "--report", dir.resolve("r.html").toString());
        };

        // a usage error before any work, as every file vlmeta writes is refused; what to give instead is the option's
        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(refusal(run)).startsWith("Error: " + start.replace("{}", output.toString()) + ": it has " + blocker
                + " in its path, which is a file, not a folder; ");
    }

    @Test
    void aPlanWhereAFolderStandsSaysItIsAFolder() throws IOException {
        Path output = Files.createDirectories(dir.resolve("plan.yaml"));

        CliRun run = plan(output);

        assertThat(refusal(run)).isEqualTo("Error: Cannot write the plan to -o '" + output + "': it is a folder; "
                + "leave out -o to write the plan to standard output, or name a regular file, e.g. -o plan.yaml.");
    }

    @Test
    void aPlanInASystemFolderIsRefusedNamingTheFolder() {
        CliRun run = plan(Path.of("/proc/vlmeta-plan.yaml"));

        assertThat(refusal(run)).isEqualTo("Error: Cannot write the plan to -o '/proc/vlmeta-plan.yaml': it leads "
                + "into /proc, where the system keeps its devices and standard streams; leave out -o to write the plan "
                + "to standard output, or name a regular file, e.g. -o plan.yaml.");
    }

    @Test
    void anExportWhereAFolderStandsSaysItIsAFolder() throws IOException {
        Path output = Files.createDirectories(dir.resolve("export.csv"));
        Files.writeString(output.resolve("kept.txt"), "a folder with a file in it");

        CliRun run = export(output);

        assertThat(refusal(run)).isEqualTo("Error: Cannot save the export to -o '" + output + "': it is a folder; "
                + "name a regular file, e.g. -o export_media_id-ID.csv, for 'validate --export-file' to read.");
        assertThat(output.resolve("kept.txt")).exists();
    }
}

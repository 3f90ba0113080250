package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code --plan} that is no plan file, or a file that is no plan at all, is refused through the real command line
 * in one sentence naming it, as a usage error (exit code 2), before anything is read or sent.
 */
class PlanFileRefusalTest {
    /** What ends the refusal of a path that is no plan file to read. */
    private static final String TAKES_A_PLAN = "; --plan takes a plan file, as 'vlmeta plan ... -o plan.yaml' writes "
            + "one.\n";

    @TempDir
    Path dir;

    private CliRun upload(Path plan) {
        return CliRun.of(Map.of(), dir, "upload", "--plan", plan.toString(), "--dataset-id", "d");
    }

    private static String notAPlan(Path plan) {
        return "Error: Plan " + plan + ": not a vlmeta plan, which is a YAML map of keys starting with 'version: 1'; "
                + "write one with 'vlmeta plan ... -o plan.yaml'.\n";
    }

    @Test
    void aPathThatIsNoFileIsAUsageErrorInTheWordsOfEveryFileVlmetaReads() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder.yaml"));
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), Path.of("gone.yaml"));
        Path pipe = dir.resolve("pipe.yaml");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        Map<Path, String> why = Map.of(folder, "is a folder", dir.resolve("missing.yaml"), "does not exist", link,
                "is a symbolic link to gone.yaml, which does not exist", pipe,
                "is not a regular file (a pipe, a device or a socket)");

        why.forEach((plan, clause) -> {
            CliRun run = upload(plan);

            assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
            assertThat(run.err()).isEqualTo("Error: Plan " + plan + ": the file " + clause + TAKES_A_PLAN);
        });
    }

    @Test
    void aPlanThisUserMayNotReadIsAUsageErrorSayingSo() throws IOException {
        Path locked = Files.writeString(dir.resolve("locked.yaml"), "version: 1\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "the superuser reads any file, so permission cannot be denied");

        CliRun run = upload(locked);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: Plan " + locked + ": the file cannot be read (no permission)"
                + TAKES_A_PLAN);
    }

    @Test
    void aFileThatIsNoYamlMapIsSaidToBeNoPlanWithHowToWriteOne() throws IOException {
        List<Path> files = List.of(
                Files.copy(Examples.METADATA, dir.resolve("metadata.csv")),
                Files.writeString(dir.resolve("list.json"), "[{\"version\": 1}]\n"),
                Files.writeString(dir.resolve("empty.yaml"), ""),
                Files.write(dir.resolve("binary.yaml"),
                        new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, (byte) 0xC3, 0x28}),
                Files.writeString(dir.resolve("list.yaml"), "- version: 1\n- input: a.csv\n"),
                Files.writeString(dir.resolve("scalar.yaml"), "plan\n"));

        for (Path plan : files) {
            CliRun run = CliRun.of(Map.of(), dir, "validate", "--plan", plan.toString());

            assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
            assertThat(run.err()).isEqualTo(notAPlan(plan));
        }
    }

    @Test
    void aPlanSavedInAnotherEncodingIsAskedForInUtf8() throws IOException {
        Path plan = Files.write(dir.resolve("latin.yaml"),
                "version: 1\ninput:\n  path: caf\u00e9.csv\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        CliRun run = CliRun.of(Map.of(), dir, "validate", "--plan", plan.toString());

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: Plan " + plan + ": the file is not UTF-8 text; save it as UTF-8, as "
                + "'vlmeta plan' writes it.\n");
    }
}

package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vlmeta emulator} through the real command line: what the user must settle (a port in use, an export
 * CSV that is no export, a dump file nowhere to go) ends it at once with its reason, never a stack trace.
 * A run that starts after all is interrupted by the timeout instead of hanging the build.
 */
@Timeout(60)
class EmulatorRefusalsTest {
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(Map.of(), dir, args);
    }

    @Test
    void aPortInUseIsOneLineAndExitCode1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = run("emulator", "--port", String.valueOf(taken.getLocalPort()));

            assertThat(run.exitCode()).as(run.both()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("Error: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": the port is "
                    + "in use (is an emulator already running?); give another with --port, or --port 0 for a free one.\n");
        }
    }

    @Test
    void aMalformedExportCsvIsAUsageErrorWithoutATrace() throws Exception {
        Path export = Files.writeString(dir.resolve("export.csv"), "filename,media_id\n\"a.jpg,m1\n");

        CliRun run = run("emulator", "--port", "0", "--dataset", "d=" + export);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err().lines().findFirst().orElseThrow()).isEqualTo("Error: Cannot read the file list of dataset "
                + "'d' (" + export + "): a quoted value starts on line 2 and is never closed; end it with a closing \", "
                + "and write a quote inside a quoted value as \"\".");
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("unexpected failure").doesNotContain("Exception");
    }

    @Test
    void anExportCsvWithWrongColumnsIsAUsageError() throws Exception {
        Path export = Files.writeString(dir.resolve("export.csv"), "name,media_id\na.jpg,m1\n");

        CliRun run = run("emulator", "--port", "0", "--dataset", "d=" + export);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err().lines().findFirst().orElseThrow()).contains("no 'filename' column (its columns: name, "
                + "media_id)");
    }

    @Test
    void aDumpIntoAMissingFolderIsRefusedAtStart() {
        Path dump = dir.resolve("missing").resolve("state.json");

        CliRun run = run("emulator", "--port", "0", "--dump", dump.toString());

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err().lines().findFirst().orElseThrow()).isEqualTo("Error: --dump " + dump + ": the folder "
                + dump.getParent() + " does not exist; create it first, or name a file in a folder that exists.");
        assertThat(run.out()).doesNotContain("listening");
    }

    @Test
    void aMissingDatasetFileAndAPortOutOfRangeAreRefusedAsEveryVlmetaRefusalIs() {
        Path missing = dir.resolve("missing.csv");

        CliRun file = run("emulator", "--port", "0", "--dataset", "x=" + missing);
        CliRun port = run("emulator", "--port", "70000");

        assertThat(file.exitCode()).as(file.both()).isEqualTo(2);
        assertThat(file.err()).isEqualTo("Error: Cannot read the file list of dataset 'x' (" + missing + "): the file "
                + "does not exist; give a UTF-8 text file with one file name per line, or an export CSV with a "
                + "'filename' column.\nTry 'vlmeta emulator --help' for more information.\n");
        assertThat(port.exitCode()).as(port.both()).isEqualTo(2);
        assertThat(port.err()).isEqualTo("Error: --port must be a whole number from 0 to 65535; the value given is "
                + "70000.\nTry 'vlmeta emulator --help' for more information.\n");
    }
}

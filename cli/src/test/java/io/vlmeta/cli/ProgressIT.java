package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress of the packaged jar where it is watched: on a terminal (a pseudo-terminal made by
 * util-linux {@code script}) with standard output piped to a file, and with {@code 2> file} as in CI.
 */
class ProgressIT {
    private static final int ROWS = 300_000;

    @TempDir
    Path dir;
    private Path csv;

    @BeforeEach
    void largeCsv() throws IOException {
        csv = dir.resolve("large.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("file_fullpath,score\n");
            for (int i = 0; i < ROWS; i++) {
                out.write("images/frame_" + i + ".jpg," + (i % 1000) + ".5\n");
            }
        }
    }

    private List<String> validate() {
        return List.of("validate", "--csv", csv.toString(), "--float-fields", "score", "--report",
                dir.resolve("report.html").toString());
    }

    @Test
    void drawsBarsWhenStderrIsATerminalEvenWithStdoutPipedToAFile() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is not installed");
        Path out = dir.resolve("out.txt");
        Path screen = dir.resolve("screen.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = quote(java) + " -jar " + quote(VlmetaJar.JAR.toString()) + " "
                + String.join(" ", validate().stream().map(ProgressIT::quote).toList()) + " > " + quote(out.toString());
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", command, "/dev/null").directory(dir.toFile())
                .redirectOutput(screen.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("TERM", "xterm-256color");
        builder.environment().remove("VLMETA_PROGRESS");
        Process process = builder.start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();

        String terminal = Files.readString(screen, StandardCharsets.UTF_8);
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(stdout + terminal).isZero();
        assertThat(terminal).contains("Validating").contains("\u001b[");
        assertThat(stdout).contains("Validation passed: " + ROWS + " rows, 1 field").doesNotContain("\u001b");
    }

    @Test
    void printsPlainLinesWithRateAndEtaWhenStderrIsAFile() throws Exception {
        VlmetaJar.Launch run = VlmetaJar.run(dir, dir.resolve("streams"), validate());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.err()).doesNotContain("\u001b").containsPattern(
                "(?m)^Validating: [0-9,]+ rows, [0-9]+% of [0-9.]+ MB, [0-9,]+ rows/s, ETA [0-9]:[0-9]{2}:[0-9]{2}$");
        assertThat(run.out()).doesNotContain("\u001b").contains("Validation passed: " + ROWS + " rows, 1 field");
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}

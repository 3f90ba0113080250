package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --json} on standard output: UTF-8 whatever the platform's charset, and a standard output that
 * stops taking bytes (a full disk, a reader gone) ends the writing there and the run with an error.
 */
class JsonOutputTest {
    @TempDir
    Path dir;

    /** Takes {@code room} bytes, then fails every write, as a full disk or a closed pipe does. */
    private static final class Full extends OutputStream {
        private final ByteArrayOutputStream taken = new ByteArrayOutputStream();
        private final int room;
        private long attempted;

        Full(int room) {
            this.room = room;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            attempted += length;
            if (taken.size() + length > room) {
                throw new IOException("No space left on device");
            }
            taken.write(bytes, offset, length);
        }
    }

    @Test
    void anErrorDocumentIsUtf8EvenWhenStandardOutputsCharsetIsAscii() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ascii = new PrintStream(bytes, true, StandardCharsets.US_ASCII);

        boolean written = JsonSummary.printError("The CSV has no column 'größe' (日本).", 2, ascii);

        assertThat(written).isTrue();
        JsonNode json = new ObjectMapper().readTree(bytes.toString(StandardCharsets.UTF_8));
        assertThat(json.get("error").asText()).isEqualTo("The CSV has no column 'größe' (日本).");
        assertThat(json.get("status").asText()).isEqualTo("error");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("}\n");
    }

    @Test
    void aStopTheUserAskedForIsStatusStopped() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        JsonSummary.printError("Stopped during validation: nothing was sent.", 130,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(new ObjectMapper().readTree(bytes.toString(StandardCharsets.UTF_8)).get("status").asText())
                .isEqualTo("stopped");
    }

    @Test
    void writingStopsAtTheFirstRefusedWriteInsteadOfGoingOn() {
        Full full = new Full(10_000);

        boolean written = JsonSummary.printError("x".repeat(1_000_000), 1, new PrintStream(full, false,
                StandardCharsets.UTF_8));

        assertThat(written).isFalse();
        assertThat(full.attempted).as("bytes offered after the disk was full").isLessThan(100_000);
    }

    @Test
    void aValidationWhoseJsonDoesNotFitStandardOutputEndsWithExitCode1AndSaysSo() throws Exception {
        List<String> args = new ArrayList<>(List.of("validate", "--csv", Examples.METADATA.toString(), "--report",
                dir.resolve("check.html").toString(), "--json"));
        args.addAll(Examples.typeFlags());
        Full full = new Full(100);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit;
        try (PrintStream out = new PrintStream(full, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Cli.execute(new CliContext(Map.of(), out, errStream, false, dir,
                    new ByteArrayInputStream(new byte[0])), args.toArray(String[]::new));
        }

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Error: standard output did not take the whole JSON summary")
                .contains("the job itself ended with exit code 0");
        assertThat(Files.exists(dir.resolve("check.html"))).as("the job's own work is done").isTrue();
    }
}

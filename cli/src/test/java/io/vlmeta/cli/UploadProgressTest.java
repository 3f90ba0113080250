package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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

/** The upload's bars against the emulator over HTTP, with the "stderr is a terminal" decision injected. */
class UploadProgressTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    private static final int ROWS = 30_000;

    @TempDir
    Path dir;

    @Test
    void drawsAnOverallBarAndOnePerFieldCountingTheValuesTheServerAccepted() throws IOException {
        List<String> files = new ArrayList<>();
        StringBuilder csv = new StringBuilder("file_fullpath,score,label\n");
        for (int i = 0; i < ROWS; i++) {
            files.add("images/" + i + ".jpg");
            csv.append("images/").append(i).append(".jpg,").append(i).append(".5,label ").append(i).append('\n');
        }
        EMULATOR.emulator().addDataset("watched", files);
        Path input = Files.writeString(dir.resolve("watched.csv"), csv);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(Map.of("COLUMNS", "120"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, dir, InputStream.nullInputStream(),
                CliContext.Progress.BARS);

        int exit = Cli.execute(context, "upload", "--csv", input.toString(), "--dataset-id", "watched", "--base-url",
                EMULATOR.emulator().baseUrl(), "--state-dir", dir.resolve("state").toString(), "--float-fields",
                "score", "--string-fields", "label", "--batch-size", "5000");

        String bars = err.toString(StandardCharsets.UTF_8);
        String steps = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(steps + bars).isZero();
        assertThat(bars).contains("Uploading 2 fields").contains("Uploading score").contains("Uploading label")
                .contains(ROWS * 2 + "/" + ROWS * 2).contains(ROWS + "/" + ROWS).contains("\u001b[");
        assertThat(steps).doesNotContain("\u001b").contains("Successfully uploaded: 2/2 fields");
    }
}

package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import io.vlmeta.emulator.FaultPlan;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Cloud mode through the command line: an upload that outlives its tokens, and a secret that stays secret. */
class CloudTokenRefreshTest {
    private static final String KEY = "key-cloud-4d2e";
    private static final String SECRET = "secret-5a7f-must-stay-hidden";
    private static final Duration TOKEN_AGE = Duration.ofSeconds(3);
    private static final int ROWS = 1_500;

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().apiKey(KEY)
            .apiSecret(SECRET).maxTokenAge(TOKEN_AGE).build());

    @TempDir
    Path dir;

    private Path csv(List<String> files) throws IOException {
        List<String> lines = new ArrayList<>(List.of("file_fullpath,score"));
        for (int i = 0; i < files.size(); i++) {
            lines.add(files.get(i) + "," + i + ".5");
        }
        return Files.write(dir.resolve("scores.csv"), lines, StandardCharsets.UTF_8);
    }

    @Test
    void anUploadOutlivingItsTokenSucceedsWithFreshOnesAndNeverWritesTheSecret() throws IOException {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            files.add(String.format("shots/%05d.jpg", i));
        }
        EMULATOR.emulator().addDataset("cloud", files);
        Path csv = csv(files);
        Path report = dir.resolve("out/upload.html");
        EMULATOR.emulator().setFaults(FaultPlan.builder().fixedDelay(Duration.ofMillis(200)).build());

        long started = System.nanoTime();
        CliRun run;
        try {
            run = CliRun.of(Map.of("VL_API_SECRET", SECRET), dir, "upload", "--csv", csv.toString(), "--dataset-id",
                    "cloud", "--base-url", EMULATOR.emulator().baseUrl(), "--api-key", KEY, "--float-fields", "score",
                    "--batch-size", "100", "--state-dir", dir.resolve("state").toString(), "--report",
                    report.toString(), "--sink-option", "poll-interval-ms=20");
        } finally {
            EMULATOR.emulator().setFaults(FaultPlan.none());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("the upload outlives a token").isGreaterThan(TOKEN_AGE);
        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).endsWith("Successfully uploaded: 1/1 field\n");
        Map<String, Object> scores = EMULATOR.emulator().values("cloud", "score");
        assertThat(scores).hasSize(ROWS);
        assertThat(scores.get(EMULATOR.emulator().mediaId("cloud", files.get(ROWS - 1))))
                .isEqualTo(new BigDecimal((ROWS - 1) + ".5"));
        assertThat(run.out() + run.err()).doesNotContain(SECRET);
        List<Path> written;
        try (Stream<Path> walk = Files.walk(dir)) {
            written = walk.filter(Files::isRegularFile).filter(f -> !f.equals(csv)).toList();
        }
        assertThat(written).extracting(f -> dir.relativize(f).toString().replace('\\', '/'))
                .contains("out/upload.html", "out/upload.json").anyMatch(name -> name.startsWith("state/cloud-"));
        for (Path file : written) {
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString()).doesNotContain(SECRET);
        }
    }
}

package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar killed in the middle of an upload, then resumed: nothing lost, nothing sent twice. */
class ResumeAfterKillIT {
    private static final int ROWS = 30_000;
    private static final List<String> LABELS = List.of("alpha", "beta", "gamma");

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    private static String file(int i) {
        return String.format("frames/%05d.jpg", i);
    }

    private static BigDecimal score(int i) {
        return new BigDecimal(i).movePointLeft(2);
    }

    private Path csv() throws IOException {
        List<String> lines = new ArrayList<>(List.of("file_fullpath,score,label"));
        for (int i = 0; i < ROWS; i++) {
            lines.add(file(i) + "," + score(i).toPlainString() + "," + LABELS.get(i % 3));
        }
        return Files.write(dir.resolve("frames.csv"), lines, StandardCharsets.UTF_8);
    }

    private List<String> command(Path csv, String... extra) {
        List<String> args = new ArrayList<>(List.of("upload", "--csv", csv.toString(), "--dataset-id", "frames",
                "--base-url", EMULATOR.emulator().baseUrl(), "--state-dir", dir.resolve("state").toString(),
                "--batch-size", "1000", "--float-fields", "score", "--enum-fields", "label",
                "--sink-option", "poll-interval-ms=20"));
        args.addAll(List.of(extra));
        return args;
    }

    /** @return the journal's fields, or an empty node before it is first written */
    private JsonNode journalFields() throws IOException {
        Path state = dir.resolve("state");
        if (!Files.isDirectory(state)) {
            return new ObjectMapper().createObjectNode();
        }
        List<Path> journals;
        try (Stream<Path> files = Files.list(state)) {
            journals = files.filter(f -> f.getFileName().toString().endsWith(".json")).toList();
        }
        return journals.isEmpty() ? new ObjectMapper().createObjectNode()
                : new ObjectMapper().readTree(journals.get(0).toFile()).get("fields");
    }

    private int acceptedBatches() throws IOException {
        int batches = 0;
        for (JsonNode field : journalFields()) {
            JsonNode segments = field.get("segments"); // one per file the server took; none while declaring
            batches = Math.max(batches, segments == null ? 0 : segments.size());
        }
        return batches;
    }

    @Test
    void resumesAKilledUploadSendingEveryValueExactlyOnce() throws Exception {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            files.add(file(i));
        }
        EMULATOR.emulator().addDataset("frames", files);
        Path csv = csv();
        EMULATOR.emulator().setFaults(FaultPlan.builder().fixedDelay(Duration.ofMillis(100)).build());

        VlmetaJar.Started first = VlmetaJar.start(dir, dir.resolve("streams"), command(csv));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (acceptedBatches() < 3 && first.process().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        first.process().destroyForcibly().waitFor();
        EMULATOR.emulator().setFaults(FaultPlan.none());
        int batchesAtKill = acceptedBatches();
        VlmetaJar.Launch again = VlmetaJar.run(dir, dir.resolve("streams"), command(csv));
        VlmetaJar.Launch resumed = VlmetaJar.run(dir, dir.resolve("streams"), command(csv, "--resume"));

        assertThat(batchesAtKill).as("batches accepted before the kill").isBetween(3, 29);
        assertThat(again.exitCode()).as(again.both()).isEqualTo(2);
        assertThat(again.err()).startsWith("Error: An earlier upload of this input to dataset 'frames' did not "
                + "finish (journal ").endsWith("): pass --resume to continue it, or delete the journal to start "
                + "over.\n");
        assertThat(resumed.exitCode()).as(resumed.both()).isZero();
        assertThat(resumed.out()).contains("Resuming field 'score' (task ")
                .endsWith("Upload complete!\nSuccessfully uploaded: 2/2 fields\n");
        Map<String, Object> scores = new HashMap<>();
        Map<String, Object> labels = new HashMap<>();
        for (int i = 0; i < ROWS; i++) {
            String mediaId = EMULATOR.emulator().mediaId("frames", file(i));
            scores.put(mediaId, score(i));
            labels.put(mediaId, LABELS.get(i % 3));
        }
        assertThat(EMULATOR.emulator().values("frames", "score")).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(scores);
        assertThat(EMULATOR.emulator().values("frames", "label")).isEqualTo(labels);
        JsonNode state = new ObjectMapper().readTree(EMULATOR.emulator().dumpJson());
        for (JsonNode field : state.get("datasets").get(0).get("fields")) {
            assertThat(field.get("task").get("error_count").asLong()).as(field.get("field_name").asText()).isZero();
            assertThat(field.get("task").get("inserted_rows").asLong()).isEqualTo(ROWS);
        }
        for (JsonNode field : journalFields()) {
            assertThat(field.get("state").asText()).isEqualTo("finished");
            assertThat(field.get("status").asText()).isEqualTo("COMPLETED");
            long entries = 0;
            for (JsonNode segment : field.get("segments")) {
                entries += segment.get("count").asLong();
            }
            assertThat(entries).isEqualTo(ROWS);
        }
    }
}

package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import io.vlmeta.emulator.FaultPlan;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar killed in the middle of an upload, then resumed from a copy of the same bytes under
 * another name and time: nothing lost, nothing sent twice.
 */
class ResumeAfterKillIT {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    private List<String> command(Path csv, String... extra) {
        List<String> args = FramesUpload.command("frames", csv, EMULATOR.emulator().baseUrl(), dir.resolve("state"));
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

    private static List<Path> uploadFolders(Path tmp) throws IOException {
        try (Stream<Path> folders = Files.list(tmp)) {
            return folders.filter(folder -> folder.getFileName().toString().startsWith("vlmeta-upload-")).toList();
        }
    }

    @Test
    void resumesAKilledUploadFromACopyOfItsInputSendingEveryValueExactlyOnce() throws Exception {
        EMULATOR.emulator().addDataset("frames", FramesUpload.files());
        Path csv = FramesUpload.csv(dir);
        EMULATOR.emulator().setFaults(FaultPlan.builder().fixedDelay(Duration.ofMillis(100)).build());

        // the runs' temporary folder, to see what the killed one leaves there and who deletes it
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> jvm = List.of("-Djava.io.tmpdir=" + tmp);
        VlmetaJar.Started first = VlmetaJar.start(dir, dir.resolve("streams"), jvm, command(csv));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (acceptedBatches() < 3 && first.process().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        first.process().destroyForcibly().waitFor();
        EMULATOR.emulator().setFaults(FaultPlan.none());
        int batchesAtKill = acceptedBatches();
        List<Path> leftAtKill = uploadFolders(tmp);
        long filesLeftAtKill = 0;
        for (Path folder : leftAtKill) {
            try (Stream<Path> files = Files.walk(folder)) {
                filesLeftAtKill += files.filter(Files::isRegularFile).count();
            }
            // as a run killed a while ago left it
            Files.setLastModifiedTime(folder, FileTime.from(Instant.now().minus(Duration.ofMinutes(2))));
        }
        // the same bytes checked out afresh elsewhere: another path, another modification time
        Path checkout = Files.copy(csv, Files.createDirectories(dir.resolve("checkout")).resolve("renamed.csv"));
        Files.setLastModifiedTime(checkout, FileTime.from(Instant.now().plus(Duration.ofDays(1))));
        VlmetaJar.Launch again = VlmetaJar.start(dir, dir.resolve("streams"), jvm, command(checkout)).await();
        VlmetaJar.Launch resumed = VlmetaJar.start(dir, dir.resolve("streams"), jvm, command(checkout, "--resume"))
                .await();

        // the killed run's batch files and row logs (the user's metadata) are deleted by the next upload
        assertThat(leftAtKill).hasSize(1);
        assertThat(filesLeftAtKill).as("the lock file and the batch files or row logs").isGreaterThan(1);
        assertThat(uploadFolders(tmp)).isEmpty();

        assertThat(batchesAtKill).as("batches accepted before the kill").isBetween(3, 29);
        assertThat(again.exitCode()).as(again.both()).isEqualTo(2);
        // off a terminal, progress lines ("Validating: ...") come first on standard error
        assertThat(again.err().replaceAll("(?m)^(Validating|Uploading|Preparing): .*\n", ""))
                .startsWith("Error: An earlier upload of this input to dataset 'frames' did not "
                + "finish (journal ").endsWith("): pass --resume to continue it, or delete the journal to start "
                + "over.\n");
        assertThat(resumed.exitCode()).as(resumed.both()).isZero();
        assertThat(resumed.out()).contains("Resuming field 'score' (task ")
                .endsWith("Upload complete!\nSuccessfully uploaded: 2/2 fields\n");
        Map<String, Object> scores = FramesUpload.expectedScores(EMULATOR.emulator(), "frames");
        Map<String, Object> labels = FramesUpload.expectedLabels(EMULATOR.emulator(), "frames");
        assertThat(EMULATOR.emulator().values("frames", "score")).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(scores);
        assertThat(EMULATOR.emulator().values("frames", "label")).isEqualTo(labels);
        JsonNode state = new ObjectMapper().readTree(EMULATOR.emulator().dumpJson());
        for (JsonNode field : state.get("datasets").get(0).get("fields")) {
            assertThat(field.get("task").get("error_count").asLong()).as(field.get("field_name").asText()).isZero();
            // on a mismatch, the journal and the runs' output say which batch was counted twice
            assertThat(field.get("task").get("inserted_rows").asLong())
                    .as("inserted rows of %s; journal %s; runs:%n%s%n%s", field.get("field_name").asText(),
                            journalFields(), Files.readString(first.err()), resumed.both())
                    .isEqualTo(FramesUpload.ROWS);
        }
        for (JsonNode field : journalFields()) {
            assertThat(field.get("state").asText()).isEqualTo("finished");
            assertThat(field.get("status").asText()).isEqualTo("COMPLETED");
            long entries = 0;
            for (JsonNode segment : field.get("segments")) {
                // a copy presumed lost (killed mid-body, never seen on read-back) is followed by its resent copy
                if (!"PRESUMED_LOST".equals(segment.get("kind").asText())) {
                    entries += segment.get("count").asLong();
                }
            }
            assertThat(entries).isEqualTo(FramesUpload.ROWS);
        }
    }
}

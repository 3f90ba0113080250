package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stopped upload is resumed from the same bytes whatever happened to the file in between: touched,
 * checked out again, copied under another name. The real command line in-process against the emulator
 * over HTTP; the stop is the user's (Ctrl-C), after the first batch reached the server.
 */
class ResumeByContentTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    private List<String> upload(String dataset, Path csv, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("upload", "--csv", csv.toString(), "--dataset-id", dataset,
                "--base-url", EMULATOR.emulator().baseUrl(), "--state-dir", dir.resolve("state").toString(),
                "--batch-size", "2", "--parallel", "1"));
        args.addAll(Examples.typeFlags());
        args.addAll(List.of(extra));
        return args;
    }

    private static CliRun run(StopControl stops, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int exit = Cli.execute(new CliContext(Map.of(), outStream, errStream, false, Path.of("."), stops),
                    args.toArray(String[]::new));
            return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** Copies the examples' metadata to {@code name} under the test's folder, modified at {@code time}. */
    private Path copyOfTheExample(String name, Instant time) throws IOException {
        Path copy = dir.resolve(name);
        Files.createDirectories(copy.getParent());
        Files.copy(Examples.METADATA, copy);
        Files.setLastModifiedTime(copy, FileTime.from(time));
        return copy;
    }

    /** Runs the upload until its first file reached the server, then stops it as Ctrl-C does. */
    private CliRun stoppedAfterTheFirstBatch(String dataset, Path csv, String... extra) throws IOException {
        EMULATOR.emulator().addDataset(dataset, Examples.filenames());
        long uploadsBefore = EMULATOR.emulator().requestCount("upload");
        CliRun stopped = run((err, resume, document) -> () -> EMULATOR.emulator().requestCount("upload")
                > uploadsBefore, upload(dataset, csv, extra));
        assertThat(stopped.exitCode()).as(stopped.both()).isEqualTo(130);
        return stopped;
    }

    /** @return a field's stored values by file name, as media ids differ from one dataset to another */
    private static Map<String, Object> byFilename(String dataset, String field) throws IOException {
        Map<String, Object> values = EMULATOR.emulator().values(dataset, field);
        Map<String, Object> named = new java.util.TreeMap<>();
        for (String filename : Examples.filenames()) {
            Object value = values.get(EMULATOR.emulator().mediaId(dataset, filename));
            if (value != null) {
                named.put(filename, value);
            }
        }
        return named;
    }

    private static Map<String, Long> insertedRows(String dataset) throws IOException {
        JsonNode state = new ObjectMapper().readTree(EMULATOR.emulator().dumpJson());
        Map<String, Long> rows = new java.util.TreeMap<>();
        for (JsonNode candidate : state.get("datasets")) {
            if (candidate.get("id").asText().equals(dataset)) {
                for (JsonNode field : candidate.get("fields")) {
                    rows.put(field.get("field_name").asText(), field.get("task").get("inserted_rows").asLong());
                }
            }
        }
        return rows;
    }

    @Test
    void resumesFromACopyUnderAnotherNameAndTimeSendingEveryValueOnce() throws IOException {
        Instant then = Instant.parse("2026-01-05T09:00:00Z");
        Path original = copyOfTheExample("work/metadata.csv", then);
        CliRun stopped = stoppedAfterTheFirstBatch("copied", original);
        // the whole job from scratch, to compare with
        EMULATOR.emulator().addDataset("whole", Examples.filenames());
        CliRun whole = run(StopControl.NONE, upload("whole", Examples.METADATA));

        // a fresh checkout elsewhere: the same bytes, another path, another modification time
        Path checkout = copyOfTheExample("checkout/renamed.csv", then.plus(Duration.ofDays(30)));
        Files.setLastModifiedTime(original, FileTime.from(Instant.now()));
        CliRun resumed = run(StopControl.NONE, upload("copied", checkout, "--resume"));

        assertThat(whole.exitCode()).as(whole.both()).isZero();
        assertThat(resumed.exitCode()).as(stopped.both() + resumed.both()).isZero();
        assertThat(resumed.out()).contains("Resuming field '").contains("Successfully uploaded: 6/6 fields");
        assertThat(EMULATOR.emulator().schema("copied")).isEqualTo(EMULATOR.emulator().schema("whole"));
        for (Map<String, Object> field : EMULATOR.emulator().schema("whole")) {
            String name = (String) field.get("field_name");
            assertThat(byFilename("copied", name)).as(name).hasSize(12).isEqualTo(byFilename("whole", name));
        }
        // nothing sent twice: the server counted each field's rows once
        assertThat(insertedRows("copied")).isEqualTo(insertedRows("whole")).containsValue(12L);
    }

    @Test
    void resumesTheSameFileAfterATouch() throws IOException {
        Path input = copyOfTheExample("touched/metadata.csv", Instant.parse("2026-01-05T09:00:00Z"));
        stoppedAfterTheFirstBatch("touched", input);

        Files.setLastModifiedTime(input, FileTime.from(Instant.now()));
        CliRun resumed = run(StopControl.NONE, upload("touched", input, "--resume"));

        assertThat(resumed.exitCode()).as(resumed.both()).isZero();
        assertThat(insertedRows("touched").values()).containsOnly(12L);
    }

    @Test
    void refusesToResumeFromAnEditedCopyAndSendsNothing() throws IOException {
        Path input = copyOfTheExample("edited/metadata.csv", Instant.parse("2026-01-05T09:00:00Z"));
        stoppedAfterTheFirstBatch("edited", input);
        Files.writeString(input, Files.readString(input).replace(",0.94,", ",0.95,"));
        long uploadsBefore = EMULATOR.emulator().requestCount("upload");

        CliRun resumed = run(StopControl.NONE, upload("edited", input, "--resume"));

        assertThat(resumed.exitCode()).as(resumed.both()).isNotZero();
        // the refused run leaves no journal of its own: the one there is the stopped run's
        Path stoppedRunsJournal = journalOf("edited");
        assertThat(resumed.both()).contains("has no record of declaring it").contains("The journal "
                + stoppedRunsJournal + " records it unfinished, for an input with other content: to go on with that "
                + "run, give it the same bytes as then, with --resume.");
        assertThat(EMULATOR.emulator().requestCount("upload")).isEqualTo(uploadsBefore);
    }

    @Test
    void refusesAResumeThatReadsTheRowsWithOtherSettingsAndFinishesWithTheSameOnes() throws IOException {
        Path input = copyOfTheExample("settings/metadata.csv", Instant.parse("2026-01-05T09:00:00Z"));
        stoppedAfterTheFirstBatch("settings", input);
        long uploadsBefore = EMULATOR.emulator().requestCount("upload");

        CliRun otherMatch = run(StopControl.NONE, upload("settings", input, "--match-by", "basename", "--resume"));
        CliRun otherReading = run(StopControl.NONE, upload("settings", input, "--timezone", "Asia/Tokyo",
                "--datetime-format", "uuuu-MM-dd HH:mm:ss", "--resume"));
        long uploadsRefused = EMULATOR.emulator().requestCount("upload");
        CliRun same = run(StopControl.NONE, upload("settings", input, "--resume"));

        String journal = journalOf("settings").toString();
        assertThat(otherMatch.exitCode()).as(otherMatch.both()).isEqualTo(2);
        assertThat(otherMatch.err()).contains("Error: The stopped upload of this input to dataset 'settings' (journal "
                + journal + ") read its rows with other settings: --match-by differs. A resume must read every row "
                + "as that run did, or the rest of a field would go to other media or hold other values: run it "
                + "with --resume and that run's settings (its command line or plan).");
        assertThat(otherReading.exitCode()).as(otherReading.both()).isEqualTo(2);
        assertThat(otherReading.err()).contains("read its rows with other settings: --datetime-format, --timezone "
                + "differ.").doesNotContain("Asia/Tokyo");
        assertThat(uploadsRefused).as("nothing sent by the refused resumes").isEqualTo(uploadsBefore);
        assertThat(same.exitCode()).as(same.both()).isZero();
        assertThat(insertedRows("settings").values()).containsOnly(12L);
    }

    @Test
    void refusesToGoOnWhereAnotherMappingNumbersTheRowsOtherwiseAndFinishesWithTheSameOne() throws IOException {
        Path input = copyOfTheExample("mapping/metadata.csv", Instant.parse("2026-01-05T09:00:00Z"));
        stoppedAfterTheFirstBatch("mapping", input, "--allow-unmatched");
        CliRun exported = run(StopControl.NONE, List.of("export", "--dataset-id", "mapping", "--base-url",
                EMULATOR.emulator().baseUrl(), "-o", dir.resolve("export.csv").toString()));
        // an export from before the first image was added: that row is now unmatched, and every later one moves up
        String first = Examples.filenames().get(0);
        Path stale = Files.write(dir.resolve("stale-export.csv"), Files.readAllLines(dir.resolve("export.csv")).stream()
                .filter(line -> !line.contains(first)).toList());
        Map<String, Integer> stoppedWith = valueCounts("mapping");

        CliRun moved = run(StopControl.NONE, upload("mapping", input, "--export-file", stale.toString(),
                "--allow-unmatched", "--resume"));
        Map<String, Integer> refusedWith = valueCounts("mapping");
        CliRun same = run(StopControl.NONE, upload("mapping", input, "--allow-unmatched", "--resume"));

        assertThat(exported.exitCode()).as(exported.both()).isZero();
        assertThat(moved.exitCode()).as(moved.both()).isEqualTo(1);
        assertThat(moved.both()).contains("was not resumed: its entry 2 (")
                .contains("so this run's rows are not numbered as that run's were");
        // the field the stop left half-filled got nothing more; the others had nothing to go on from
        stoppedWith.forEach((field, count) -> {
            if (count > 0) {
                assertThat(refusedWith.get(field)).as(field).isEqualTo(count);
            }
        });
        assertThat(stoppedWith).containsValue(2);
        assertThat(same.exitCode()).as(same.both()).isZero();
        Map<String, Long> inserted = insertedRows("mapping");
        stoppedWith.forEach((field, count) -> {
            if (count > 0) {
                assertThat(inserted.get(field)).as(field + ", finished with the stopped run's mapping").isEqualTo(12L);
            }
        });
    }

    private static Map<String, Integer> valueCounts(String dataset) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (Map<String, Object> field : EMULATOR.emulator().schema(dataset)) {
            String name = (String) field.get("field_name");
            counts.put(name, EMULATOR.emulator().values(dataset, name).size());
        }
        return counts;
    }

    private Path journalOf(String dataset) throws IOException {
        try (java.util.stream.Stream<Path> journals = Files.list(dir.resolve("state"))) {
            List<Path> found = journals.filter(f -> f.getFileName().toString().matches(dataset
                    + "-[0-9a-f]{16}\\.json")).toList();
            assertThat(found).as("journals of dataset " + dataset).hasSize(1);
            return found.get(0);
        }
    }
}

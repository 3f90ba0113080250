package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.emulator.Emulator;
import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.FaultProxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A CSV file edited after validation passed and before the upload read it again: the upload refuses
 * the first row that is not the one validated (exit 1) instead of sending a value validation never
 * saw, or silently leaving out one that no longer parses. The edit is made while a proxy holds the
 * schema request, which the client sends after validation and before it opens the input again.
 */
class InputChangedBetweenPassesTest {
    private static Emulator emulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(EmulatorConfig.builder().build());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static UnaryOperator<String> edit(String name) {
        return switch (name) {
            case "value-no-longer-parses" -> csv -> csv.replaceFirst(",0\\.94,", ",zzz,");
            case "value-changed" -> csv -> csv.replaceFirst(",0\\.94,", ",0.5,");
            case "value-emptied" -> csv -> csv.replaceFirst(",0\\.94,", ",,");
            case "key-changed" -> csv -> csv.replaceFirst("images/street_002.jpg", "images/street_004.jpg");
            case "row-appended" -> csv -> csv + "images/night_004.jpg,Late row,0.5,2024-03-02T08:15:00Z,Sunny,"
                    + "urban,https://example.com/x\n";
            case "truncated" -> csv -> csv.substring(0, csv.indexOf("images/park_001.jpg"));
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * Waits until the proxy holds the upload's schema lookup: validation has passed, and the input is not
     * read again before the lookup is released. Fails at once with the run's output should the run end
     * before it looks the schema up.
     */
    private static void awaitSchemaLookupHeld(FaultProxy proxy, CompletableFuture<CliRun> upload) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!proxy.awaitHeld(Duration.ofMillis(100))) {
            if (upload.isDone()) {
                throw new AssertionError("the upload ended before it looked the schema up: " + upload.get().both());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the upload did not look the schema up within 120 s");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"value-no-longer-parses", "value-changed", "value-emptied", "key-changed",
            "row-appended", "truncated"})
    void refusesAnInputEditedBetweenValidationAndUpload(String change) throws Exception {
        String dataset = "changed-" + change;
        emulator.addDataset(dataset, Examples.filenames());
        Path csv = dir.resolve("metadata.csv");
        String original = Files.readString(Examples.METADATA, StandardCharsets.UTF_8);
        Files.writeString(csv, original, StandardCharsets.UTF_8);
        // a proxy of its own: a run that failed may still be finishing requests to the one before
        FaultProxy proxy = FaultProxy.start(emulator.baseUrl(), FaultProxy.Plan.builder()
                .onlyRequests("GET", ".*/custom_metadata/schema").holdNth(1).build());
        List<String> args = new ArrayList<>(List.of("upload", "--csv", csv.toString(), "--dataset-id", dataset,
                "--base-url", proxy.baseUrl(), "--state-dir", dir.resolve("state").toString()));
        args.addAll(Examples.typeFlags());

        CliRun run;
        try {
            CompletableFuture<CliRun> upload = CompletableFuture.supplyAsync(
                    () -> CliRun.of(Map.of(), dir, args.toArray(String[]::new)));
            awaitSchemaLookupHeld(proxy, upload);
            Files.writeString(csv, edit(change).apply(original), StandardCharsets.UTF_8);
            proxy.release();
            run = upload.get(120, TimeUnit.SECONDS);
        } finally {
            proxy.close();
        }

        assertThat(run.exitCode()).as(run.both()).isEqualTo(1);
        assertThat(run.err()).contains(csv + " changed after it was validated: ")
                .contains("Upload only files that stay unchanged until the job ends.")
                .doesNotContain("Upload complete").doesNotContain("\tat ");
        assertThat(emulator.values(dataset, "confidence")).as("nothing of the changed rows' field is stored")
                .doesNotContainKey(emulator.mediaId(dataset, "images/street_001.jpg"));
    }
}

package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import io.vlmeta.emulator.FaultPlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A server that answers 503 in bursts and throttles uploads with 429 and Retry-After, through the command line. */
class ServerFaultsTest {
    private static final List<String> FIELDS = List.of("caption", "confidence", "captured_at", "weather", "tags",
            "reference_url");

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    private CliRun upload(String dataset) throws IOException {
        EMULATOR.emulator().addDataset(dataset, Examples.filenames());
        List<String> args = new ArrayList<>(List.of("upload", "--csv", Examples.METADATA.toString(), "--dataset-id",
                dataset, "--base-url", EMULATOR.emulator().baseUrl(), "--state-dir",
                dir.resolve(dataset).toString(), "--batch-size", "4", "--sink-option", "retry-base-delay-ms=50",
                "--sink-option", "retry-max-attempts=12", "--sink-option", "poll-interval-ms=20"));
        args.addAll(Examples.typeFlags());
        return CliRun.of(Map.of(), dir, args.toArray(String[]::new));
    }

    /** @return every stored value of the dataset, by field and file name */
    private static Map<String, Map<String, Object>> stored(String dataset) throws IOException {
        Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
        for (String field : FIELDS) {
            Map<String, Object> byMediaId = EMULATOR.emulator().values(dataset, field);
            Map<String, Object> byFile = new LinkedHashMap<>();
            for (String file : Examples.filenames()) {
                Object value = byMediaId.get(EMULATOR.emulator().mediaId(dataset, file));
                if (value != null) {
                    byFile.put(file, value);
                }
            }
            fields.put(field, byFile);
        }
        return fields;
    }

    @Test
    void anUnfinishedUploadsCoverageSaysWhatTheInputWouldGiveNotWhatTheServerHolds() throws IOException {
        EMULATOR.emulator().setFaults(FaultPlan.builder().failNth("upload", 2, 409).build());
        CliRun refused;
        try {
            refused = upload("refused");
        } finally {
            EMULATOR.emulator().setFaults(FaultPlan.none());
        }

        assertThat(refused.exitCode()).as(refused.both()).isNotZero();
        assertThat(refused.both()).doesNotContain("dataset media get a value")
                .contains("Coverage: 12 of 15 dataset media would get a value from this input (not all of it reached "
                        + "the server: see above); 3 get none");
    }

    @Test
    void everyValueArrivesExactlyOnceThroughServiceUnavailableBurstsAndThrottling() throws IOException {
        CliRun calm = upload("calm");
        long uploadsBefore = EMULATOR.emulator().requestCount("upload");
        EMULATOR.emulator().setFaults(FaultPlan.builder().serviceUnavailableFraction(0.3)
                .failNth("upload", 2, 429).failNth("upload", 5, 429).failNth("upload", 6, 503)
                .failNth("upload", 7, 503).failNth("upload", 8, 503).seed(7).build());

        CliRun stormy;
        try {
            stormy = upload("stormy");
        } finally {
            EMULATOR.emulator().setFaults(FaultPlan.none());
        }

        assertThat(calm.exitCode()).as(calm.both()).isZero();
        assertThat(stormy.exitCode()).as(stormy.both()).isZero();
        assertThat(stormy.out()).contains(" got 503; retrying in ").contains(" got 429; retrying in 1.0 s ")
                .doesNotContain("rejected")
                .endsWith("Upload complete!\nSuccessfully uploaded: 6/6 fields\n");
        for (String field : FIELDS) {
            long values = stored("calm").get(field).size();
            assertThat(stormy.out()).contains("Completed '" + field + "': " + values + " rows inserted\n");
        }
        assertThat(stored("stormy")).isEqualTo(stored("calm"));
        // 6 fields of 12 rows in batches of 4 make 18 uploads; the faults answered some of them more than once
        assertThat(EMULATOR.emulator().requestCount("upload") - uploadsBefore).isGreaterThan(18);
    }
}

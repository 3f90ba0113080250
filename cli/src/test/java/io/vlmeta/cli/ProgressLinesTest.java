package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong();
    private final ProgressLines lines = new ProgressLines(new PrintStream(bytes, true, StandardCharsets.UTF_8),
            nanos::get);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void at(double seconds) {
        nanos.set(Math.round(seconds * 1e9));
    }

    @Test
    void printsAValidationLineAtEveryTenthOfTheFileWithRateAndEta() {
        long size = 100_000_000;
        at(0);
        lines.validating(10_000, 1_000_000, size); // the base: nothing to say yet
        at(1);
        lines.validating(50_000, 5_000_000, size); // 5 %: neither a tenth nor 10 s
        at(2);
        lines.validating(110_000, 11_000_000, size); // 11 %: the first tenth

        assertThat(printed()).isEqualTo(
                "Validating: 110,000 rows, 11% of 100.0 MB, 50,000 rows/s, ETA 0:00:18\n");
    }

    @Test
    void printsEveryTenSecondsWhenTheEndIsUnknown() {
        at(0);
        lines.validating(10_000, -1, -1);
        at(9.9);
        lines.validating(20_000, -1, -1);
        at(10);
        lines.validating(30_000, -1, -1);
        at(15);
        lines.validating(40_000, -1, -1);

        assertThat(printed()).isEqualTo("Validating: 30,000 rows, 2,000 rows/s\n");
    }

    @Test
    void printsTheUploadsAcceptedValuesOfAllFields() {
        at(0);
        lines.overall("Uploading", 0, 400_000, 2);
        at(12);
        lines.overall("Uploading", 120_000, 400_000, 2);

        assertThat(printed()).isEqualTo(
                "Uploading: 120,000 of 400,000 values (30%) in 2 fields, 10,000 values/s, ETA 0:00:28\n");
    }

    @Test
    void countsThatArriveTogetherGiveNoRateInsteadOfMillionsASecond() {
        // a resumed upload with little left: the last batches of all fields are reported within milliseconds
        at(0);
        lines.overall("Uploading", 720_000, 900_000, 3);
        at(0.002);
        lines.overall("Uploading", 900_000, 900_000, 3);

        assertThat(printed()).isEqualTo("Uploading: 900,000 of 900,000 values (100%) in 3 fields\n");
    }

    @Test
    void formatsTheEtaAsHoursMinutesSeconds() {
        assertThat(ProgressLines.clock(3_725)).isEqualTo("1:02:05");
    }
}

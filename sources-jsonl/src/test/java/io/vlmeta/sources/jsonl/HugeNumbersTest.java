package io.vlmeta.sources.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.RawValue;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers a {@code BigDecimal} or Jackson's default limits cannot take are read like any value, for the
 * field type to judge as it judges the same text in a CSV cell: they neither stop the job with a trace
 * nor refuse a line whose column nobody uploads.
 */
class HugeNumbersTest {
    @TempDir
    Path dir;

    @Test
    void keepsANumberWhoseExponentIsBeyondAnIntAsTheTextWritten() throws Exception {
        Path file = Files.writeString(dir.resolve("a.jsonl"), """
                {"file_fullpath": "a.jpg", "x": -1e+2147483648, "y": 1E-2147483649}
                {"file_fullpath": "b.jpg", "x": 1e999999999}
                """);

        SourceRun run = SourceRun.of(file);

        assertThat(run.problems()).isEmpty();
        assertThat(run.record("a.jpg").value("x")).isEqualTo(new RawValue.Text("-1e+2147483648"));
        assertThat(run.record("a.jpg").value("y")).isEqualTo(new RawValue.Text("1E-2147483649"));
        assertThat(run.record("b.jpg").value("x")).isEqualTo(new RawValue.Number(new BigDecimal("1e999999999")));
    }

    @Test
    void readsANumberOfMoreThanAThousandDigitsInsteadOfRefusingItsLine() throws Exception {
        String digits = "1" + "0".repeat(1_200);
        Path file = Files.writeString(dir.resolve("a.jsonl"),
                "{\"file_fullpath\": \"a.jpg\", \"x\": " + digits + ", \"y\": 2}\n");

        SourceRun run = SourceRun.of(file);

        assertThat(run.problems()).isEmpty();
        assertThat(run.keys()).containsExactly("a.jpg");
        assertThat(run.record("a.jpg").value("x")).isEqualTo(new RawValue.Number(new BigDecimal(digits)));
    }
}

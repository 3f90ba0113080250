package io.vlmeta.sources.parquet;

import io.vlmeta.api.RawValue;
import io.vlmeta.api.Record;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads {@code fixtures/timestamps-parquet-java.parquet}, written by parquet-java's own writer. */
class TimestampsTest {

    private final SourceRun run = SourceRun.of(SourceRun.fixture("timestamps-parquet-java.parquet"));

    @ParameterizedTest
    @CsvSource({
            "utc_ms, 2024-01-15T10:30:00.123",
            "utc_us, 2024-01-15T10:30:00.123456",
            "utc_ns, 2024-01-15T10:30:00.123456789",
            "spark_ts, 2024-01-15T10:30:00.123456789",
    })
    void readsUtcAdjustedAndInt96TimestampsAsUtcInEveryUnit(String column, String utc) {
        assertThat(run.record("images/a.jpg").value(column))
                .isEqualTo(new RawValue.DateTime(LocalDateTime.parse(utc), ZoneOffset.UTC));
    }

    @ParameterizedTest
    @CsvSource({
            "local_ms, 2024-01-15T10:30:00.123",
            "local_us, 2024-01-15T10:30:00.123456",
            "local_ns, 2024-01-15T10:30:00.123456789",
    })
    void readsWallClockTimestampsWithoutAnOffsetInEveryUnit(String column, String wallClock) {
        assertThat(run.record("images/a.jpg").value(column))
                .isEqualTo(new RawValue.DateTime(LocalDateTime.parse(wallClock), null));
    }

    @ParameterizedTest
    @CsvSource({"utc_ms", "utc_us", "utc_ns", "local_ms", "local_us", "local_ns", "spark_ts"})
    void readsInstantsBefore1970(String column) {
        RawValue value = run.record("images/b.jpg").value(column);

        assertThat(value).isInstanceOfSatisfying(RawValue.DateTime.class,
                dateTime -> assertThat(dateTime.dateTime()).isEqualTo(LocalDateTime.parse("1969-12-31T23:59:59.5")));
    }

    @Test
    void readsALegacyTwoLevelList() {
        assertThat(run.record("images/a.jpg").value("legacy_tags"))
                .isEqualTo(new RawValue.ListValue(List.of(new RawValue.Text("x"), new RawValue.Text("y"))));
    }

    @Test
    void readsNullsAsMissing() {
        Record c = run.record("images/c.jpg");

        assertThat(c.values()).isEmpty();
        assertThat(c.value("spark_ts")).isEqualTo(RawValue.Missing.INSTANCE);
    }
}

package io.vlmeta.sources.parquet;

import io.vlmeta.api.ColumnInfo;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.Record;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads {@code fixtures/types.parquet}, written by DuckDB (see the fixtures' README). */
class ParquetTypesTest {

    private final SourceRun run = SourceRun.of(SourceRun.fixture("types.parquet"));

    @Test
    void offersEveryColumnButTheKeyInFileOrder() {
        assertThat(run.columnNames()).containsExactly("count_i32", "count_i64", "score_f32", "score_f64",
                "weight_dec9", "total_dec38", "delta_dec4", "reviewed", "label", "taken_on", "seen_ms", "seen_us",
                "seen_ns", "seen_utc_us", "tags");
        assertThat(run.records()).extracting(Record::key)
                .containsExactly("images/a.jpg", "images/b.jpg", "images/c.jpg", "images/d.jpg");
        assertThat(run.problems()).isEmpty();
    }

    @Test
    void suggestsFloatForNumbersAndDatetimeForDatesSoInferNeedNotReadThem() {
        assertThat(run.columns()).filteredOn(c -> "float".equals(c.suggestedType())).extracting(ColumnInfo::name)
                .containsExactly("count_i32", "count_i64", "score_f32", "score_f64", "weight_dec9", "total_dec38",
                        "delta_dec4");
        assertThat(run.columns()).filteredOn(c -> "datetime".equals(c.suggestedType())).extracting(ColumnInfo::name)
                .containsExactly("taken_on", "seen_ms", "seen_us", "seen_ns", "seen_utc_us");
        assertThat(run.columns().get(10).note()).isEqualTo("Parquet INT64 TIMESTAMP(MILLIS,false)");
    }

    @Test
    void readsIntegersAsExactNumbersEvenPastWhatADoubleHolds() {
        Record a = run.record("images/a.jpg");
        assertThat(a.value("count_i32")).isEqualTo(number("42"));
        assertThat(a.value("count_i64")).isEqualTo(number("9007199254740993"));
        assertThat(run.record("images/b.jpg").value("count_i32")).isEqualTo(number("-7"));
    }

    @Test
    void readsFloatsAndDoublesAsTheirShortestDecimal() {
        Record a = run.record("images/a.jpg");
        assertThat(a.value("score_f32")).isEqualTo(number("0.1"));
        assertThat(a.value("score_f64")).isEqualTo(number("0.1"));
        assertThat(run.record("images/b.jpg").value("score_f64").display()).isEqualTo("-0.001");
        assertThat(run.record("images/d.jpg").value("score_f64").display()).isEqualTo("1000000000000000000000");
    }

    @Test
    void readsDecimalsWithTheirScaleWhateverTheyAreStoredIn() {
        Record a = run.record("images/a.jpg");
        assertThat(a.value("weight_dec9")).isEqualTo(new RawValue.Number(new BigDecimal("12.345")));
        assertThat(a.value("total_dec38")).isEqualTo(new RawValue.Number(new BigDecimal("123456789012345678.0123456789")));
        assertThat(a.value("delta_dec4")).isEqualTo(new RawValue.Number(new BigDecimal("1.50")));
        assertThat(run.record("images/b.jpg").value("delta_dec4")).isEqualTo(new RawValue.Number(new BigDecimal("-0.01")));
        assertThat(run.record("images/b.jpg").value("total_dec38").display()).isEqualTo("-1.0000000000");
    }

    @Test
    void readsBooleansAndStringsAsText() {
        assertThat(run.record("images/a.jpg").value("reviewed")).isEqualTo(new RawValue.Text("true"));
        assertThat(run.record("images/b.jpg").value("reviewed")).isEqualTo(new RawValue.Text("false"));
        assertThat(run.record("images/a.jpg").value("label")).isEqualTo(new RawValue.Text("cat"));
        assertThat(run.record("images/d.jpg").value("label")).isEqualTo(new RawValue.Text(""));
    }

    @Test
    void readsDatesAsMidnightWithoutAnOffset() {
        assertThat(run.record("images/a.jpg").value("taken_on"))
                .isEqualTo(new RawValue.DateTime(LocalDateTime.parse("2024-01-15T00:00"), null));
        assertThat(run.record("images/b.jpg").value("taken_on"))
                .isEqualTo(new RawValue.DateTime(LocalDateTime.parse("1969-12-31T00:00"), null));
        assertThat(run.record("images/d.jpg").value("taken_on"))
                .isEqualTo(new RawValue.DateTime(LocalDateTime.parse("2024-02-29T00:00"), null));
    }

    @Test
    void readsWallClockTimestampsInEveryUnitWithoutAnOffset() {
        Record a = run.record("images/a.jpg");
        assertThat(a.value("seen_ms")).isEqualTo(new RawValue.DateTime(LocalDateTime.parse("2024-01-15T10:30:00.123"), null));
        assertThat(a.value("seen_us")).isEqualTo(new RawValue.DateTime(LocalDateTime.parse("2024-01-15T10:30:00.123456"), null));
        assertThat(a.value("seen_ns")).isEqualTo(new RawValue.DateTime(LocalDateTime.parse("2024-01-15T10:30:00.123456789"), null));
        Record b = run.record("images/b.jpg");
        assertThat(b.value("seen_ms")).isEqualTo(new RawValue.DateTime(LocalDateTime.parse("1969-12-31T23:59:59.999"), null));
        assertThat(b.value("seen_us")).isEqualTo(new RawValue.DateTime(LocalDateTime.parse("1900-01-01T00:00"), null));
        assertThat(b.value("seen_ns")).isEqualTo(new RawValue.DateTime(LocalDateTime.parse("1970-01-01T00:00"), null));
    }

    @Test
    void readsUtcAdjustedTimestampsAsInstantsInUtc() {
        assertThat(run.record("images/a.jpg").value("seen_utc_us"))
                .isEqualTo(new RawValue.DateTime(LocalDateTime.parse("2024-01-15T08:30:00.5"), ZoneOffset.UTC));
        assertThat(run.record("images/b.jpg").value("seen_utc_us"))
                .isEqualTo(new RawValue.DateTime(LocalDateTime.parse("2024-06-30T23:59:59"), ZoneOffset.UTC));
    }

    @Test
    void readsListsOfStringsAsListsDroppingNullItems() {
        assertThat(run.record("images/a.jpg").value("tags"))
                .isEqualTo(new RawValue.ListValue(List.of(new RawValue.Text("red"), new RawValue.Text("green"))));
        assertThat(run.record("images/b.jpg").value("tags")).isEqualTo(new RawValue.ListValue(List.of()));
        assertThat(run.record("images/d.jpg").value("tags"))
                .isEqualTo(new RawValue.ListValue(List.of(new RawValue.Text("blue"), new RawValue.Text("blue"))));
    }

    @Test
    void readsNullsAsMissing() {
        Record c = run.record("images/c.jpg");
        for (ColumnInfo column : run.columns()) {
            assertThat(c.value(column.name())).as(column.name()).isEqualTo(RawValue.Missing.INSTANCE);
        }
        assertThat(c.values()).isEmpty();
    }

    @Test
    void numbersRecordsFromOneInTheFile() {
        assertThat(run.records()).extracting(r -> r.location().row()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(run.records().get(0).location().file()).endsWith("types.parquet");
    }

    private static RawValue number(String digits) {
        return new RawValue.Number(new BigDecimal(digits));
    }
}

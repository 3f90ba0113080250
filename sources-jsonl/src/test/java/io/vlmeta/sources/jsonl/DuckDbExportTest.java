package io.vlmeta.sources.jsonl;

import io.vlmeta.api.RawValue;
import io.vlmeta.api.Record;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the JSON Lines DuckDB wrote ({@code fixtures/README.md}), plain and gzip-compressed alike. */
class DuckDbExportTest {

    @ParameterizedTest
    @ValueSource(strings = {"duckdb-export.jsonl", "duckdb-export.jsonl.gz"})
    void offersTheUnionOfKeysWithNestedObjectsAsDottedColumns(String fixture) {
        SourceRun run = SourceRun.of(SourceRun.fixture(fixture));

        assertThat(run.columnNames()).containsExactly("score", "count", "weight", "label", "reviewed", "tags",
                "camera.model", "camera.lens.focal_mm", "taken_at");
        assertThat(run.keys()).containsExactly("images/a.jpg", "images/b.jpg", "images/c.jpg");
        assertThat(run.records()).extracting(r -> r.location().row()).containsExactly(1L, 2L, 3L);
        assertThat(run.problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb-export.jsonl", "duckdb-export.jsonl.gz"})
    void keepsNumbersAsTheDigitsWrittenAndStringsAsText(String fixture) {
        SourceRun run = SourceRun.of(SourceRun.fixture(fixture));
        Record a = run.record("images/a.jpg");
        Record b = run.record("images/b.jpg");

        assertThat(a.value("score")).isEqualTo(new RawValue.Number(new BigDecimal("0.1")));
        assertThat(b.value("score")).isEqualTo(new RawValue.Number(new BigDecimal("-0.001")));
        assertThat(b.value("count")).isEqualTo(new RawValue.Number(new BigDecimal("9007199254740993")));
        assertThat(a.value("weight")).isEqualTo(new RawValue.Number(new BigDecimal("12.5")));
        assertThat(a.value("label")).isEqualTo(new RawValue.Text("cat"));
        assertThat(a.value("taken_at")).isEqualTo(new RawValue.Text("2024-01-15 10:30:00+00"));
        assertThat(a.value("reviewed")).isEqualTo(new RawValue.Text("true"));
        assertThat(b.value("reviewed")).isEqualTo(new RawValue.Text("false"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb-export.jsonl", "duckdb-export.jsonl.gz"})
    void readsArraysAsListsAndNestedValuesByPath(String fixture) {
        SourceRun run = SourceRun.of(SourceRun.fixture(fixture));
        Record a = run.record("images/a.jpg");

        assertThat(a.value("tags")).isEqualTo(new RawValue.ListValue(List.of(new RawValue.Text("red"),
                new RawValue.Text("green"))));
        assertThat(run.record("images/b.jpg").value("tags")).isEqualTo(new RawValue.ListValue(List.of()));
        assertThat(a.value("camera.model")).isEqualTo(new RawValue.Text("X100"));
        assertThat(a.value("camera.lens.focal_mm")).isEqualTo(new RawValue.Number(new BigDecimal("35")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb-export.jsonl", "duckdb-export.jsonl.gz"})
    void readsNullsAndNullObjectsAsMissing(String fixture) {
        Record c = SourceRun.of(SourceRun.fixture(fixture)).record("images/c.jpg");

        assertThat(c.value("score")).isEqualTo(RawValue.Missing.INSTANCE);
        assertThat(c.value("tags")).isEqualTo(RawValue.Missing.INSTANCE);
        assertThat(c.value("camera.model")).isEqualTo(RawValue.Missing.INSTANCE);
        assertThat(c.values()).containsOnlyKeys("weight", "taken_at");
    }
}

package io.vlmeta.sources.csv;

import io.vlmeta.api.RawValue;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RowValuesTest {

    private final CsvHeader header = CsvHeader.parse("data.csv",
            new String[] {"score", "file_fullpath", "status", "tags"}, "file_fullpath", false);

    @Test
    void readsValuesByColumnNameLeavingOutTheKey() {
        RowValues values = new RowValues(header, new String[] {" 1.5 ", "a.jpg", "", "x"});

        assertThat(values.get("score")).isEqualTo(new RawValue.Text(" 1.5 "));
        assertThat(values.get("status")).isEqualTo(RawValue.missing());
        assertThat(values.get("file_fullpath")).isNull();
        assertThat(values.get("unknown")).isNull();
        assertThat(values.containsKey("tags")).isTrue();
        assertThat(values.containsKey("file_fullpath")).isFalse();
    }

    @Test
    void iteratesInFileOrderAndEqualsAnOrdinaryMapWithTheSameEntries() {
        RowValues values = new RowValues(header, new String[] {"1", "a.jpg"});
        Map<String, RawValue> expected = new LinkedHashMap<>();
        expected.put("score", new RawValue.Text("1"));
        expected.put("status", RawValue.missing());
        expected.put("tags", RawValue.missing());

        assertThat(List.copyOf(values.keySet())).containsExactly("score", "status", "tags");
        assertThat(values).isEqualTo(expected).hasSameHashCodeAs(expected).hasSize(3);
    }

    @Test
    void findsSelectedColumnsByTheNamesTheJobSelectedThemWithAndByEqualNames() {
        String tags = new String("tags");
        String score = new String("score");
        CsvHeader selected = header.select(Set.of(tags, score, "no such column"));
        RowValues values = new RowValues(selected, new String[] {"2", "a.jpg", "active", "x"});

        assertThat(values.get(tags)).isEqualTo(new RawValue.Text("x"));
        assertThat(values.get(score)).isEqualTo(new RawValue.Text("2"));
        assertThat(values.get(new String("tags"))).isEqualTo(new RawValue.Text("x"));
        assertThat(values.get("status")).isNull();
        assertThat(values.get(new String("no such column"))).isNull();
        assertThat(List.copyOf(values.keySet())).containsExactly("score", "tags");
    }
}

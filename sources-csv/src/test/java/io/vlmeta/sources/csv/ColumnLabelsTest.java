package io.vlmeta.sources.csv;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnLabelsTest {

    @Test
    void namesColumnsWithSpreadsheetLetters() {
        assertThat(ColumnLabels.letters(1)).isEqualTo("A");
        assertThat(ColumnLabels.letters(26)).isEqualTo("Z");
        assertThat(ColumnLabels.letters(27)).isEqualTo("AA");
        assertThat(ColumnLabels.letters(702)).isEqualTo("ZZ");
        assertThat(ColumnLabels.letters(703)).isEqualTo("AAA");
        assertThat(ColumnLabels.letters(16_384)).isEqualTo("XFD");
    }

    @Test
    void joinsRunsOfThreeOrMoreIntoRanges() {
        assertThat(ColumnLabels.describe(List.of(4))).isEqualTo("column D (4)");
        assertThat(ColumnLabels.describe(List.of(4, 5))).isEqualTo("columns D and E (4 and 5)");
        assertThat(ColumnLabels.describe(List.of(1, 3, 4, 5, 6, 9)))
                .isEqualTo("columns A, C–F and I (1, 3–6 and 9)");
    }

    @Test
    void keepsThousandsOfNeighbouringColumnsShort() {
        List<Integer> many = IntStream.rangeClosed(3, 16_384).boxed().toList();

        assertThat(ColumnLabels.describe(many)).isEqualTo("columns C–XFD (3–16384)");
    }
}

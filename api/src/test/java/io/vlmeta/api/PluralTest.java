package io.vlmeta.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluralTest {
    @Test
    void oneTakesTheSingularAndEveryOtherCountThePlural() {
        assertThat(Plural.count(1, "batch", "batches")).isEqualTo("1 batch");
        assertThat(Plural.count(0, "batch", "batches")).isEqualTo("0 batches");
        assertThat(Plural.count(2, "row")).isEqualTo("2 rows");
        assertThat(Plural.noun(1, "was", "were")).isEqualTo("was");
    }

    @Test
    void aGroupedCountHasThousandsSeparators() {
        assertThat(Plural.grouped(1_500, "entry", "entries")).isEqualTo("1,500 entries");
        assertThat(Plural.grouped(1, "entry", "entries")).isEqualTo("1 entry");
    }
}

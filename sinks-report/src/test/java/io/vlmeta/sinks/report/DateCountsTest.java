package io.vlmeta.sinks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DateCountsTest {

    @Test
    void keepsEveryDateCountAcrossGrowingTables() {
        DateCounts counts = new DateCounts();
        TreeMap<LocalDate, Long> expected = new TreeMap<>();
        LocalDate day = LocalDate.of(0, 1, 1);
        for (int i = 0; i < 5_000; i++, day = day.plusDays(37)) {
            int key = day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
            counts.add(key, i % 3 + 1);
            counts.add(key, 1);
            expected.put(day, i % 3 + 2L);
        }

        assertThat(counts.size()).isEqualTo(5_000);
        assertThat(counts.byDate()).isEqualTo(expected);
    }

    @Test
    void regroupsCountsUnderTheFirstDayOfTheirMonthOrYear() {
        DateCounts counts = new DateCounts();
        counts.add(20_240_115, 2);
        counts.add(20_240_131, 1);
        counts.add(20_240_201, 4);
        counts.add(99_991_231, 1);

        assertThat(counts.regrouped(DateTimeline.Granularity.MONTH::truncate).byDate()).isEqualTo(Map.of(
                LocalDate.of(2024, 1, 1), 3L, LocalDate.of(2024, 2, 1), 4L, LocalDate.of(9999, 12, 1), 1L));
        assertThat(counts.regrouped(DateTimeline.Granularity.YEAR::truncate).byDate()).isEqualTo(Map.of(
                LocalDate.of(2024, 1, 1), 7L, LocalDate.of(9999, 1, 1), 1L));
    }
}

package io.vlmeta.sinks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class DateTimelineTest {

    @Test
    void countsPerDayAndFillsTheGapsWithZeros() {
        DateTimeline timeline = new DateTimeline();
        timeline.add("2024-01-15T10:30:00Z");
        timeline.add("2024-01-15T23:59:59Z");
        timeline.add("2024-01-18T00:00:00Z");

        StatisticsView.Timeline view = (StatisticsView.Timeline) timeline.view();

        assertThat(view.first()).isEqualTo("2024-01-15T10:30:00Z");
        assertThat(view.last()).isEqualTo("2024-01-18T00:00:00Z");
        assertThat(view.granularity()).isEqualTo("day");
        assertThat(view.buckets()).containsExactly(
                new StatisticsView.Bar("2024-01-15", 2), new StatisticsView.Bar("2024-01-16", 0),
                new StatisticsView.Bar("2024-01-17", 0), new StatisticsView.Bar("2024-01-18", 1));
    }

    @Test
    void showsMonthsWhenTheDaysWouldBeTooManyToDraw() {
        DateTimeline timeline = new DateTimeline();
        timeline.add("2023-11-30T08:00:00Z");
        timeline.add("2024-02-01T00:00:00Z");
        timeline.add("2024-06-10T12:00:00Z");
        timeline.add("2024-06-11T12:00:00Z");

        StatisticsView.Timeline view = (StatisticsView.Timeline) timeline.view();

        assertThat(view.granularity()).isEqualTo("month");
        assertThat(view.buckets()).extracting(StatisticsView.Bar::label)
                .containsExactly("2023-11", "2023-12", "2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06");
        assertThat(view.buckets()).extracting(StatisticsView.Bar::count).containsExactly(1L, 0L, 0L, 1L, 0L, 0L, 0L, 2L);
    }

    @Test
    void keepsMemoryBoundedByCoarseningToMonthsAndYears() {
        DateTimeline timeline = new DateTimeline();
        Instant start = Instant.parse("1900-01-01T00:00:00Z");
        // One value a day for 60 years: far more days than are kept.
        for (int day = 0; day < 365 * 60; day++) {
            timeline.add(start.plus(day, ChronoUnit.DAYS).toString());
        }

        StatisticsView.Timeline view = (StatisticsView.Timeline) timeline.view();

        assertThat(view.count()).isEqualTo(365 * 60);
        assertThat(view.granularity()).isEqualTo("year");
        assertThat(view.buckets()).hasSize(60);
        assertThat(view.buckets().get(0)).isEqualTo(new StatisticsView.Bar("1900", 365));
        assertThat(view.buckets().stream().mapToLong(StatisticsView.Bar::count).sum()).isEqualTo(365 * 60);
    }

    @Test
    void groupsYearsWhenTheyAreTooManyToDraw() {
        DateTimeline timeline = new DateTimeline();
        timeline.add("1700-01-01T00:00:00Z");
        timeline.add("2024-01-01T00:00:00Z");

        StatisticsView.Timeline view = (StatisticsView.Timeline) timeline.view();

        assertThat(view.buckets()).hasSizeLessThanOrEqualTo(DateTimeline.MAX_BARS);
        assertThat(view.buckets().get(0).label()).isEqualTo("1700–1702");
        assertThat(view.buckets().stream().mapToLong(StatisticsView.Bar::count).sum()).isEqualTo(2);
    }

    @Test
    void countsValuesThatAreNotInstantsAsUnreadable() {
        DateTimeline timeline = new DateTimeline();
        timeline.add("15/01/2024");
        timeline.add("2024-01-15T10:30:00Z");

        StatisticsView.Timeline view = (StatisticsView.Timeline) timeline.view();

        assertThat(view.unreadable()).isEqualTo(1);
        assertThat(view.count()).isEqualTo(1);
    }
}

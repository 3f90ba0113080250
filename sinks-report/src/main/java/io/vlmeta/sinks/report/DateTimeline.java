package io.vlmeta.sinks.report;

import io.vlmeta.api.UtcDateTimes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The date range of a datetime field and its values per day (per month or year once there are too
 * many days to keep), in UTC as they are sent.
 */
final class DateTimeline implements FieldStatistics {
    /** Buckets kept before coarsening: ten years of days. */
    static final int MAX_KEPT = 3_660;
    /** Buckets drawn at most. */
    static final int MAX_BARS = 120;

    /** The unit of a bucket, finest first. */
    enum Granularity {
        DAY, MONTH, YEAR;

        LocalDate truncate(LocalDate date) {
            return switch (this) {
                case DAY -> date;
                case MONTH -> date.withDayOfMonth(1);
                case YEAR -> date.withDayOfYear(1);
            };
        }

        LocalDate next(LocalDate date) {
            return switch (this) {
                case DAY -> date.plusDays(1);
                case MONTH -> date.plusMonths(1);
                case YEAR -> date.plusYears(1);
            };
        }

        String label(LocalDate date) {
            return switch (this) {
                case DAY -> date.toString();
                case MONTH -> date.toString().substring(0, date.toString().length() - 3);
                case YEAR -> Integer.toString(date.getYear());
            };
        }

        long span(LocalDate from, LocalDate to) {
            return switch (this) {
                case DAY -> ChronoUnit.DAYS.between(from, to) + 1;
                case MONTH -> ChronoUnit.MONTHS.between(from, to) + 1;
                case YEAR -> ChronoUnit.YEARS.between(from, to) + 1;
            };
        }

        Granularity coarser() {
            return this == DAY ? MONTH : YEAR;
        }

        /** {@link #truncate(LocalDate)} of a date written {@code yyyymmdd}. */
        int truncate(int date) {
            return switch (this) {
                case DAY -> date;
                case MONTH -> date / 100 * 100 + 1;
                case YEAR -> date / 10_000 * 10_000 + 101;
            };
        }
    }

    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** Counts per bucket, each bucket keyed by its first date. */
    private DateCounts buckets = new DateCounts();
    private Granularity granularity = Granularity.DAY;
    /** The earliest and latest instants, as seconds and nanoseconds, valid once {@code count > 0}. */
    private long firstSecond;
    private int firstNano;
    private long lastSecond;
    private int lastNano;
    private String firstText;
    private String lastText;
    private long count;
    private long unreadable;

    /**
     * Values in the form datetime fields send are read without {@link Instant#parse}; any other text
     * takes the general parser, so both read every text as the same instant.
     */
    @Override
    public void add(Object value) {
        String text = value.toString();
        long second = UtcDateTimes.epochSecond(text);
        if (second != UtcDateTimes.NOT_CANONICAL) {
            record(text, second, 0, UtcDateTimes.dateKey(text));
            return;
        }
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            unreadable++;
            return;
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            // Keeps the year buckets bounded; such dates are not what a datetime field sends.
            unreadable++;
            return;
        }
        LocalDate date = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        record(text, instant.getEpochSecond(), instant.getNano(),
                date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth());
    }

    /** @param date the instant's UTC date as {@code yyyymmdd} */
    private void record(String text, long second, int nano, int date) {
        count++;
        if (count == 1 || second < firstSecond || second == firstSecond && nano < firstNano) {
            firstSecond = second;
            firstNano = nano;
            firstText = text;
        }
        if (count == 1 || second > lastSecond || second == lastSecond && nano > lastNano) {
            lastSecond = second;
            lastNano = nano;
            lastText = text;
        }
        buckets.add(granularity.truncate(date), 1);
        if (buckets.size() > MAX_KEPT && granularity != Granularity.YEAR) {
            granularity = granularity.coarser();
            buckets = buckets.regrouped(granularity::truncate);
        }
    }

    /** @return the same counts in buckets of the coarser {@code unit} */
    private static TreeMap<LocalDate, Long> regroup(TreeMap<LocalDate, Long> source, Granularity unit) {
        TreeMap<LocalDate, Long> regrouped = new TreeMap<>();
        source.forEach((date, n) -> regrouped.merge(unit.truncate(date), n, Long::sum));
        return regrouped;
    }

    @Override
    public StatisticsView view() {
        if (count == 0) {
            return new StatisticsView.Timeline(0, null, null, granularity.name().toLowerCase(java.util.Locale.ROOT),
                    List.of(), unreadable);
        }
        Granularity shown = granularity;
        TreeMap<LocalDate, Long> source = buckets.byDate();
        while (shown != Granularity.YEAR && shown.span(source.firstKey(), source.lastKey()) > MAX_BARS) {
            shown = shown.coarser();
            source = regroup(source, shown);
        }
        return new StatisticsView.Timeline(count, firstText, lastText, shown.name().toLowerCase(java.util.Locale.ROOT),
                contiguous(source, shown), unreadable);
    }

    /** Fills the gaps with zeros so the bars read as a time axis; groups buckets when there are too many. */
    private static List<StatisticsView.Bar> contiguous(TreeMap<LocalDate, Long> source, Granularity unit) {
        long span = unit.span(source.firstKey(), source.lastKey());
        long group = (span + MAX_BARS - 1) / MAX_BARS;
        List<StatisticsView.Bar> bars = new ArrayList<>();
        LocalDate cursor = source.firstKey();
        LocalDate end = source.lastKey();
        while (!cursor.isAfter(end)) {
            LocalDate groupStart = cursor;
            LocalDate groupEnd = cursor;
            long n = 0;
            for (long i = 0; i < group && !cursor.isAfter(end); i++) {
                n += source.getOrDefault(cursor, 0L);
                groupEnd = cursor;
                cursor = unit.next(cursor);
            }
            String label = groupStart.equals(groupEnd) ? unit.label(groupStart)
                    : unit.label(groupStart) + "–" + unit.label(groupEnd);
            bars.add(new StatisticsView.Bar(label, n));
        }
        return List.copyOf(bars);
    }
}

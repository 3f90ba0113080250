package io.vlmeta.sinks.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** What the report shows about a field's values; {@link #kind()} tells readers of the JSON which one it is. */
sealed interface StatisticsView permits StatisticsView.Categories, StatisticsView.Histogram,
        StatisticsView.Timeline, StatisticsView.Text {

    /** @return {@code categories}, {@code histogram}, {@code timeline} or {@code text} */
    @JsonProperty("kind")
    String kind();

    /** One labelled count. */
    record Bar(String label, long count) {
    }

    /** One range of numbers with how many values fell in it: {@code from <= v < to}, the last bin includes {@code to}. */
    record Bin(double from, double to, long count) {
    }

    /**
     * How often each value (enum, each item of a multi-enum list) or host (links) occurs.
     *
     * @param unit          what is counted: {@code value} or {@code host}
     * @param total         values counted (items, for multi-enum lists)
     * @param distinct       distinct labels tracked
     * @param capped         true when more labels existed than were tracked: {@code distinct} is then a lower
     *                       bound, and the untracked values are part of {@code othersCount}
     * @param top            the most frequent labels, most frequent first
     * @param othersCount    how many values the labels outside {@code top} hold
     * @param othersDistinct how many tracked labels lie outside {@code top}
     */
    record Categories(String unit, long total, long distinct, boolean capped, List<Bar> top, long othersCount,
                      long othersDistinct)
            implements StatisticsView {
        @Override
        public String kind() {
            return "categories";
        }
    }

    /**
     * A histogram of float values with exact counts per bin.
     *
     * @param count     values
     * @param min       smallest value
     * @param max       largest value
     * @param mean      arithmetic mean
     * @param bins      contiguous bins from {@code min} to {@code max}
     * @param outOfRange values too large for a double, counted but not binned
     */
    record Histogram(long count, double min, double max, double mean, List<Bin> bins, long outOfRange)
            implements StatisticsView {
        @Override
        public String kind() {
            return "histogram";
        }
    }

    /**
     * The date range and how many values fall on each day, month or year.
     *
     * @param count       values
     * @param first       earliest value, as sent
     * @param last        latest value, as sent
     * @param granularity {@code day}, {@code month} or {@code year}
     * @param buckets     contiguous buckets from the first to the last value
     * @param unreadable  values that did not read as an instant between years 0 and 9999
     */
    record Timeline(long count, String first, String last, String granularity, List<Bar> buckets, long unreadable)
            implements StatisticsView {
        @Override
        public String kind() {
            return "timeline";
        }
    }

    /**
     * Lengths of text values, in characters (code points).
     *
     * @param count     values
     * @param minLength shortest
     * @param maxLength longest
     * @param meanLength mean
     */
    record Text(long count, long minLength, long maxLength, double meanLength) implements StatisticsView {
        @Override
        public String kind() {
            return "text";
        }
    }
}

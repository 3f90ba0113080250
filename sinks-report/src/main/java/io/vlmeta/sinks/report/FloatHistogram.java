package io.vlmeta.sinks.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A histogram built in one streaming pass with exact counts and a fixed number of bins: the range
 * is not known in advance, so the bins double their width (merging neighbours in pairs) whenever a
 * value falls outside them. Memory is {@link #BINS} counters whatever the number of values.
 */
final class FloatHistogram implements FieldStatistics {
    /** Internal bins; merging keeps the occupied span at no less than a quarter of them. */
    static final int BINS = 128;
    /** Bars drawn at most; neighbouring internal bins are merged to get there. */
    static final int MAX_BARS = 32;

    private final long[] counts = new long[BINS];
    private double origin;
    private double width;
    private boolean ranged;
    private double firstValue;
    private long count;
    private long outOfRange;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double sum;

    @Override
    public void add(Object value) {
        double v = value instanceof BigDecimal decimal ? decimal.doubleValue() : Double.parseDouble(value.toString());
        if (!Double.isFinite(v)) {
            // A decimal beyond double's range (1e400) is valid JSON but cannot be binned.
            outOfRange++;
            return;
        }
        count++;
        sum += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
        if (!ranged) {
            if (count == 1 || v == firstValue) {
                firstValue = v;
                return;
            }
            startRange(v);
            return;
        }
        place(v, 1);
    }

    /** The first two distinct values set the initial range, with headroom on both sides. */
    private void startRange(double second) {
        double lo = Math.min(firstValue, second);
        double hi = Math.max(firstValue, second);
        width = (hi - lo) / (BINS / 2.0);
        origin = lo - width * (BINS / 4.0);
        ranged = true;
        place(firstValue, count - 1);
        place(second, 1);
    }

    private void place(double v, long n) {
        while (v < origin && Double.isFinite(width * 2)) {
            growDown();
        }
        while (v >= origin + width * BINS && Double.isFinite(width * 2)) {
            growUp();
        }
        counts[index(v)] += n;
    }

    private int index(double v) {
        int i = (int) Math.floor((v - origin) / width);
        return Math.max(0, Math.min(BINS - 1, i));
    }

    /** The old range becomes the lower half of the new one. */
    private void growUp() {
        mergePairsInto(0);
    }

    /** The old range becomes the upper half of the new one. */
    private void growDown() {
        origin -= width * BINS;
        mergePairsInto(BINS / 2);
    }

    /** Doubles the bin width: neighbouring bins merge into half as many, from {@code at}; the rest empties. */
    private void mergePairsInto(int at) {
        long[] merged = new long[BINS / 2];
        for (int i = 0; i < BINS / 2; i++) {
            merged[i] = counts[2 * i] + counts[2 * i + 1];
        }
        java.util.Arrays.fill(counts, 0);
        System.arraycopy(merged, 0, counts, at, BINS / 2);
        width *= 2;
    }

    @Override
    public StatisticsView view() {
        if (count == 0) {
            return new StatisticsView.Histogram(0, 0, 0, 0, List.of(), outOfRange);
        }
        double mean = sum / count;
        if (!ranged) {
            return new StatisticsView.Histogram(count, min, max, mean,
                    List.of(new StatisticsView.Bin(min, max, count)), outOfRange);
        }
        int first = index(min);
        int last = index(max);
        int span = last - first + 1;
        int merge = (span + MAX_BARS - 1) / MAX_BARS;
        List<StatisticsView.Bin> bins = new ArrayList<>();
        for (int start = first; start <= last; start += merge) {
            int end = Math.min(last, start + merge - 1);
            long n = 0;
            for (int i = start; i <= end; i++) {
                n += counts[i];
            }
            double from = start == first ? min : origin + width * start;
            double to = end == last ? max : origin + width * (end + 1);
            bins.add(new StatisticsView.Bin(from, to, n));
        }
        return new StatisticsView.Histogram(count, min, max, mean, List.copyOf(bins), outOfRange);
    }
}

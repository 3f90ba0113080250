package io.vlmeta.sinks.report;

/** Shortest, longest and mean length of text values. */
final class TextLengths implements FieldStatistics {
    private long count;
    private long min = Long.MAX_VALUE;
    private long max;
    private long total;

    @Override
    public void add(Object value) {
        String text = value.toString();
        long length = text.codePointCount(0, text.length());
        count++;
        total += length;
        min = Math.min(min, length);
        max = Math.max(max, length);
    }

    @Override
    public StatisticsView view() {
        return count == 0 ? new StatisticsView.Text(0, 0, 0, 0)
                : new StatisticsView.Text(count, min, max, (double) total / count);
    }
}

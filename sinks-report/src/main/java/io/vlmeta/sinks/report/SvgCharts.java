package io.vlmeta.sinks.report;

import io.vlmeta.sinks.report.StatisticsView.Bar;
import java.util.List;
import java.util.Locale;

/**
 * Charts drawn as inline SVG, so the report needs no script, font or network. Every label is
 * escaped; colours come from the page's CSS so the print style can change them.
 */
final class SvgCharts {
    private static final int WIDTH = 720;

    private SvgCharts() {
    }

    /** Labels under an axis. */
    record AxisLabels(String left, String middle, String right) {
    }

    /**
     * Horizontal bars, one per label, most frequent first, for enum options and hosts.
     *
     * @param title a description for screen readers
     */
    static String horizontalBars(List<Bar> bars, String title) {
        int labelWidth = 210;
        int countWidth = 90;
        int rowHeight = 22;
        int plotWidth = WIDTH - labelWidth - countWidth;
        long max = Math.max(1, bars.stream().mapToLong(Bar::count).max().orElse(1));
        int height = bars.size() * rowHeight + 4;
        StringBuilder svg = open(WIDTH, height, title);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = i * rowHeight + 2;
            double length = Math.max(bar.count() > 0 ? 1 : 0, plotWidth * (double) bar.count() / max);
            svg.append("<g class=\"bar\"><title>").append(Html.escape(bar.label())).append(": ")
                    .append(Numbers.count(bar.count())).append("</title>")
                    .append(text(labelWidth - 8, y + 15, "end", "label", Html.shorten(bar.label(), 30)))
                    .append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>",
                            labelWidth, y + 2, length, rowHeight - 6))
                    .append(text((int) (labelWidth + length + 6), y + 15, "start", "count",
                            Numbers.count(bar.count())))
                    .append("</g>");
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Vertical columns on a shared axis, for histograms and timelines.
     *
     * @param columns the columns in axis order
     * @param axis    the labels under the left end, the middle and the right end of the axis; the middle may be
     *                {@code null}
     * @param title   a description for screen readers
     */
    static String columns(List<Bar> columns, AxisLabels axis, String title) {
        int left = 64;
        int right = 12;
        int top = 12;
        int plotHeight = 200;
        int height = top + plotHeight + 46;
        long max = Math.max(1, columns.stream().mapToLong(Bar::count).max().orElse(1));
        double step = (WIDTH - left - right) / (double) Math.max(1, columns.size());
        double gap = step > 6 ? 1.5 : 0;
        StringBuilder svg = open(WIDTH, height, title);
        int baseline = top + plotHeight;
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                left, baseline, WIDTH - right, baseline));
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                left, top, left, baseline));
        svg.append(text(left - 6, top + 10, "end", "count", Numbers.count(max)));
        svg.append(text(left - 6, baseline, "end", "count", "0"));
        for (int i = 0; i < columns.size(); i++) {
            Bar column = columns.get(i);
            double barHeight = plotHeight * (double) column.count() / max;
            if (column.count() > 0) {
                barHeight = Math.max(1, barHeight);
            }
            svg.append("<g class=\"bar\"><title>").append(Html.escape(column.label())).append(": ")
                    .append(Numbers.count(column.count())).append("</title>")
                    .append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
                            left + i * step + gap / 2, baseline - barHeight, Math.max(0.5, step - gap), barHeight))
                    .append("</g>");
        }
        svg.append(text(left, baseline + 18, "start", "label", axis.left()));
        if (axis.middle() != null) {
            svg.append(text(left + (WIDTH - left - right) / 2, baseline + 36, "middle", "label", axis.middle()));
        }
        svg.append(text(WIDTH - right, baseline + 18, "end", "label", axis.right()));
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(int width, int height, String title) {
        return new StringBuilder(4096).append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" "
                        + "width=\"%d\" height=\"%d\" aria-label=\"%s\">",
                width, height, width, height, Html.escape(title)));
    }

    private static String text(int x, int y, String anchor, String cssClass, String content) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" class=\"%s\">%s</text>",
                x, y, anchor, cssClass, Html.escape(content));
    }
}

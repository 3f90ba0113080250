package io.vlmeta.sinks.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts per enum option (or per link host). Enum options are bounded by the enum limit, but a
 * plugin type or a link column may have any number of labels: past {@link #MAX_TRACKED} distinct
 * labels new ones are only counted together, so memory stays bounded.
 */
final class CategoryCounts implements FieldStatistics {
    /** Bars drawn; the rest is one "others" bar. */
    static final int TOP = 30;
    /** Distinct labels tracked exactly. */
    static final int MAX_TRACKED = 10_000;

    /** What a label is. */
    enum Unit {
        VALUE, HOST
    }

    private final Unit unit;
    /** A one-element counter per label, incremented in place: no boxed Long per value. */
    private final Map<String, long[]> counts = new HashMap<>();
    /** Set for {@link Unit#HOST}. */
    private final LinkHosts hosts;
    private long total;
    private long untrackedCount;

    CategoryCounts(Unit unit) {
        this.unit = unit;
        this.hosts = unit == Unit.HOST ? new LinkHosts() : null;
    }

    @Override
    public void add(Object value) {
        if (value instanceof List<?> items) {
            for (Object item : items) {
                count(String.valueOf(item));
            }
        } else {
            count(unit == Unit.HOST ? hosts.hostOf(String.valueOf(value)) : String.valueOf(value));
        }
    }

    private void count(String label) {
        total++;
        long[] known = counts.get(label);
        if (known != null) {
            known[0]++;
        } else if (counts.size() < MAX_TRACKED) {
            counts.put(label, new long[] {1});
        } else {
            untrackedCount++;
        }
    }

    @Override
    public StatisticsView view() {
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.size());
        counts.forEach((label, n) -> sorted.add(Map.entry(label, n[0])));
        sorted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<StatisticsView.Bar> top = sorted.stream().limit(TOP)
                .map(e -> new StatisticsView.Bar(e.getKey(), e.getValue())).toList();
        long topCount = top.stream().mapToLong(StatisticsView.Bar::count).sum();
        return new StatisticsView.Categories(unit.name().toLowerCase(Locale.ROOT), total, counts.size(),
                untrackedCount > 0, top, total - topCount, counts.size() - top.size());
    }
}

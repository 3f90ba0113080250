package io.vlmeta.engine;

import io.vlmeta.api.InvalidValues;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts each field's refused values by their text, up to {@link #DISTINCT} different values per
 * field (beyond that new values are counted in the field's total only), so memory stays bounded
 * however many rows are bad.
 */
final class InvalidValueCounter {
    static final int DISTINCT = 10_000;
    static final int MOST_FREQUENT = 20;

    private final List<String> fields;
    private final List<Map<String, long[]>> counts = new ArrayList<>();
    private final long[] totals;
    private final boolean[] capped;

    InvalidValueCounter(List<String> fields) {
        this.fields = List.copyOf(fields);
        fields.forEach(f -> counts.add(new LinkedHashMap<>()));
        this.totals = new long[fields.size()];
        this.capped = new boolean[fields.size()];
    }

    /** @param value the refused value's text; {@code null} counts in the total only */
    void add(int field, String value) {
        totals[field]++;
        if (value == null) {
            return;
        }
        Map<String, long[]> byValue = counts.get(field);
        long[] count = byValue.get(value);
        if (count != null) {
            count[0]++;
        } else if (byValue.size() < DISTINCT) {
            byValue.put(value, new long[] {1});
        } else {
            capped[field] = true;
        }
    }

    /** @return fields with a refused value, in plan order, each with its most frequent values */
    List<InvalidValues> summary() {
        List<InvalidValues> summary = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            if (totals[i] == 0) {
                continue;
            }
            // a stable sort keeps equally frequent values in the order they were found
            List<InvalidValues.Count> top = counts.get(i).entrySet().stream()
                    .map(e -> new InvalidValues.Count(e.getKey(), e.getValue()[0]))
                    .sorted(Comparator.comparingLong(InvalidValues.Count::count).reversed())
                    .limit(MOST_FREQUENT).toList();
            summary.add(new InvalidValues(fields.get(i), totals[i], top, !capped[i]));
        }
        return summary;
    }
}

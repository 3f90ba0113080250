package io.vlmeta.sinks.report;

import java.time.LocalDate;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

/**
 * Counts per date, the date written as the {@code int} {@code yyyymmdd}: an open-addressing table
 * in two primitive arrays, so counting a value allocates nothing. Grows by doubling; the timeline
 * keeps it to a few thousand dates.
 */
final class DateCounts {
    /** Marks an empty slot; no date encodes to it, since months start at 1. */
    private static final int EMPTY = 0;

    private int[] keys = new int[64];
    private long[] counts = new long[64];
    private int size;

    /** @param date {@code yyyymmdd} of a real date, years 0 to 9999 */
    void add(int date, long n) {
        int mask = keys.length - 1;
        int slot = hash(date) & mask;
        int key;
        while ((key = keys[slot]) != EMPTY && key != date) {
            slot = (slot + 1) & mask;
        }
        counts[slot] += n;
        if (key == EMPTY) {
            keys[slot] = date;
            if (++size * 2 > keys.length) {
                grow();
            }
        }
    }

    /** @return how many dates have a count */
    int size() {
        return size;
    }

    /** @return the same counts under the dates {@code truncate} maps each date to */
    DateCounts regrouped(IntUnaryOperator truncate) {
        DateCounts regrouped = new DateCounts();
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != EMPTY) {
                regrouped.add(truncate.applyAsInt(keys[slot]), counts[slot]);
            }
        }
        return regrouped;
    }

    /** @return the counts by date, in date order */
    TreeMap<LocalDate, Long> byDate() {
        TreeMap<LocalDate, Long> byDate = new TreeMap<>();
        for (int slot = 0; slot < keys.length; slot++) {
            int key = keys[slot];
            if (key != EMPTY) {
                byDate.put(LocalDate.of(key / 10_000, key / 100 % 100, key % 100), counts[slot]);
            }
        }
        return byDate;
    }

    private void grow() {
        int[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new int[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        size = 0;
        for (int slot = 0; slot < oldKeys.length; slot++) {
            if (oldKeys[slot] != EMPTY) {
                add(oldKeys[slot], oldCounts[slot]);
            }
        }
    }

    private static int hash(int date) {
        int h = date * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}

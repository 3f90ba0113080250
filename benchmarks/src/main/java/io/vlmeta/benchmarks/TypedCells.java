package io.vlmeta.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The generated cells in the types a typed format stores them as (JSON Lines, Parquet): the float
 * columns as numbers, {@code captured_at} as an instant, {@code tags} as a list of strings. Cells
 * without a zone are taken as UTC, as the datetime field type does by default.
 */
final class TypedCells {

    private TypedCells() {
    }

    /** @return the instant a {@code captured_at} cell names */
    static Instant instant(String cell) {
        if (cell.length() == 10) {
            return LocalDate.parse(cell).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        String iso = cell.replace(' ', 'T');
        char last = iso.charAt(iso.length() - 1);
        if (last == 'Z' || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10) {
            return OffsetDateTime.parse(iso).toInstant();
        }
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    }

    /** @return the items of a {@code tags} cell, written as {@code a, b} or {@code ["a", "b"]} */
    static List<String> tags(String cell) {
        String inner = cell.startsWith("[") ? cell.substring(1, cell.length() - 1) : cell;
        List<String> items = new ArrayList<>();
        for (String item : inner.split(",")) {
            String trimmed = item.trim();
            if (trimmed.startsWith("\"")) {
                trimmed = trimmed.substring(1, trimmed.length() - 1);
            }
            items.add(trimmed);
        }
        return items;
    }
}

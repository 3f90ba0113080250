package io.vlmeta.api;

import java.util.Objects;

/**
 * Where a value came from, as a person would find it: the file, the sheet (for workbooks) and the
 * row number as a spreadsheet shows it (the header is row 1, the first data row is row 2).
 *
 * @param file  the input file as the user named it (or a sidecar's path); never {@code null}
 * @param sheet the sheet name for workbooks; {@code null} for other sources
 * @param row   the 1-based row number; for one-record-per-file sources (sidecars) use 1
 * @since 0.1
 */
public record Location(String file, String sheet, long row) {

    public Location {
        Objects.requireNonNull(file, "file");
        if (row < 1) {
            throw new IllegalArgumentException("row numbers start at 1: " + row);
        }
    }

    /** A location in a file without sheets. */
    public static Location of(String file, long row) {
        return new Location(file, null, row);
    }

    /** @return {@code "Row 5"}, the form messages use */
    public String rowLabel() {
        return "Row " + row;
    }

    /** @return {@code "data.csv row 5"} or {@code "book.xlsx, sheet 'metadata', row 5"} */
    public String describe() {
        return sheet == null ? file + " row " + row : file + ", sheet '" + sheet + "', row " + row;
    }
}

package io.vlmeta.benchmarks;

import io.vlmeta.api.VlmetaException;
import java.util.Locale;

/** The metadata file formats the generator writes. */
public enum OutputFormat {
    /** Comma-separated text, as most users prepare metadata. */
    CSV("csv"),
    /** An Excel workbook, written streaming; Excel caps a sheet at 1,048,576 rows. */
    XLSX("xlsx"),
    /** JSON Lines, one object per image, numbers and lists typed. */
    JSONL("jsonl"),
    /** A Snappy-compressed Parquet file, numbers, timestamps and lists typed. */
    PARQUET("parquet");

    /** Data rows an Excel sheet can hold below its header row. */
    public static final long XLSX_MAX_DATA_ROWS = 1_048_575L;

    private final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }

    /** @return the file name extension, without the dot */
    public String extension() {
        return extension;
    }

    /**
     * @param name {@code csv}, {@code xlsx}, {@code jsonl} or {@code parquet}, any case
     * @return the format
     * @throws VlmetaException a usage error naming the accepted formats
     */
    public static OutputFormat parse(String name) {
        for (OutputFormat format : values()) {
            if (format.extension.equals(name.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw VlmetaException.usage("Unknown format '" + name + "'. Use csv, xlsx, jsonl or parquet.");
    }
}

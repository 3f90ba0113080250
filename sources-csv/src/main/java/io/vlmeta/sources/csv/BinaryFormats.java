package io.vlmeta.sources.csv;

import io.vlmeta.api.FileFaults;
import io.vlmeta.api.VlmetaException;

import java.util.Arrays;

/**
 * Refuses an input whose first bytes are those of a binary format (gzip, a zip package such as an .xlsx workbook,
 * Parquet, an old Office document) before it is read as CSV text: read on, its bytes would be refused as a header in
 * the wrong encoding, which sends the user looking for an encoding instead of the file's format.
 */
final class BinaryFormats {
    private BinaryFormats() {
    }

    /** A format told by its first bytes, and what to do with a file of it instead. */
    private record Format(byte[] magic, String what, String instead) {
    }

    private static final Format[] FORMATS = {
        new Format(new byte[] {0x1f, (byte) 0x8b}, "gzip-compressed data",
                "decompress it first (gunzip), or read gzipped JSON Lines with --source jsonl"),
        new Format(new byte[] {'P', 'K', 3, 4}, "a zip package (such as an .xlsx workbook)",
                "read a workbook with --source xlsx, or unpack the CSV file from it"),
        new Format(new byte[] {'P', 'A', 'R', '1'}, "a Parquet file", "read it with --source parquet"),
        new Format(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, "an old Office document (such as an"
                + " .xls workbook)", "save the sheet as CSV or .xlsx from a spreadsheet program"),
    };

    /**
     * @param file how messages name the input, never null
     * @param head the input's first bytes (fewer for a short file), never null
     * @throws VlmetaException ({@code INPUT_UNREADABLE}, a failure reading the input) when they are a binary format's
     */
    static void refuse(String file, byte[] head) {
        for (Format format : FORMATS) {
            if (head.length >= format.magic().length
                    && Arrays.equals(head, 0, format.magic().length, format.magic(), 0, format.magic().length)) {
                throw FileFaults.damagedInput(file + " is " + format.what() + ", not CSV text; "
                        + format.instead() + ".");
            }
        }
    }
}

package io.vlmeta.sources.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * The records of one CSV text as Apache Commons CSV reads them with {@link #format(char)}. Well-formed
 * records are scanned by {@link CsvRowScanner}, which gives the same records at a fraction of the cost;
 * from the first record it does not handle on, Commons CSV reads the rest of the text, so every
 * quoting rule and every refusal (a quote never closed, text after a closing quote) is Commons CSV's.
 */
final class CsvRows implements Closeable {

    /**
     * How the file is read: RFC 4180 (quote {@code "}, no escape character, no comments, cells not
     * trimmed) with blank lines kept as records, so that rows are numbered as a spreadsheet shows them.
     *
     * @param delimiter the cell separator
     * @return the format
     */
    static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .build();
    }

    private final CSVFormat format;
    private final CsvRowScanner scanner;
    private CSVParser parser;
    private Iterator<CSVRecord> parsed;
    /** The lines the scanner's records spanned, before Commons CSV took over. */
    private long scannedLines;

    /**
     * @param in            the text, from its first record on; closed with this
     * @param delimiter     the cell separator: {@code ,}, {@code ;}, {@code |} or tab
     * @param longestRecord the most characters a record may span and still be scanned; Commons CSV reads
     *                      from a longer one on
     */
    CsvRows(Reader in, char delimiter, int longestRecord) {
        this(new CsvRowScanner(in, delimiter, longestRecord), format(delimiter));
    }

    CsvRows(CsvRowScanner scanner, CSVFormat format) {
        this.scanner = scanner;
        this.format = format;
    }

    /**
     * @return the next record, or {@code null} at the end of the text
     * @throws IOException when the text cannot be read, or (a {@link org.apache.commons.csv.CSVException})
     *     is not valid CSV from here on
     */
    CsvRow next() throws IOException {
        if (parser == null) {
            CsvRow row = scanner.next();
            if (row != null || !scanner.handedOver()) {
                return row;
            }
            scannedLines = scanner.lines();
            parser = new CSVParser(scanner.remainder(), format, scanner.characterPosition(), scanner.records() + 1);
            parsed = parser.iterator();
        }
        try {
            if (!parsed.hasNext()) {
                return null;
            }
            CSVRecord record = parsed.next();
            return CsvRow.of(record.values(), record.getRecordNumber(), record.getCharacterPosition());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Says which cells the records read from now on need: the others may be left {@code null} (unbuilt)
     * while their blankness still counts in {@link CsvRow#blank()}. Records Commons CSV reads keep every cell.
     *
     * @param kept by 0-based cell index, true for the cells to keep; cells past its end are always kept
     */
    void keep(boolean[] kept) {
        scanner.keep(kept);
    }

    /** @return how many records were read */
    long records() {
        return parser == null ? scanner.records() : parser.getRecordNumber();
    }

    /** @return the lines the records read so far span, as Commons CSV counts them (CR, LF and CRLF end one) */
    long lines() {
        return parser == null ? scanner.lines() : scannedLines + parser.getCurrentLineNumber();
    }

    /** @return true once Commons CSV reads the records, the scanner having met one it does not handle */
    boolean parsedByCommonsCsv() {
        return parser != null;
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        } else {
            scanner.close();
        }
    }
}

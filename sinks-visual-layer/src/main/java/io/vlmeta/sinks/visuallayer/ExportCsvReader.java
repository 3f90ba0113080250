package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.VlmetaException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.List;
import java.util.Locale;

/**
 * Reads the records of an export CSV ({@code filename,media_id}, in any order, among other columns) as
 * Commons CSV's {@code DEFAULT} format with a header reads them, with less work per record.
 *
 * <p>A server writes millions of records such as {@code images/a.jpg,0b7f...}: no quotes, one line each.
 * Those are split at their commas here, and only the two cells the index needs become strings; Commons
 * CSV reads such a file one character at a time through two calls each. From the first record that holds a
 * double quote (a name with a comma, a quote or a line break in it), or one longer than the buffer, Commons
 * CSV reads the rest of the file, continuing the record numbers, so quoting follows RFC 4180 exactly as
 * before. A header that holds a quote hands the whole file to it.
 *
 * <p>The same rules as Commons CSV's {@code DEFAULT}: a line ends at CR, LF or CRLF; an empty line is no
 * record and has no number; a line of blanks is a record of one blank cell (which the caller skips); cells
 * are not trimmed; a short record lacks the cells past its end.
 */
final class ExportCsvReader {
    /** Characters scanned at a time; a record longer than this is handed to Commons CSV. */
    static final int BUFFER = 1 << 16;
    static final List<String> PATH_COLUMNS = List.of("filename", "file_name", "file_path");
    static final CSVFormat WITH_HEADER = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();

    /** Receives each record's media path and id. */
    interface Rows {
        /**
         * @param row  the record's row as the user counts it: its record number + 1 (the header is row 1)
         * @param path the path cell, empty when the record is too short to have one
         * @param id   the media_id cell, likewise
         */
        void row(long row, String path, String id);
    }

    /** Where the two columns the index needs are. */
    private record Columns(int path, int id) {
    }

    private final PushbackReader reader;
    private final String label;
    private final Rows rows;
    private final char[] buffer = new char[BUFFER];
    private int filled;
    private boolean endOfInput;

    private ExportCsvReader(Reader reader, String label, Rows rows) {
        this.reader = new PushbackReader(reader, BUFFER);
        this.label = label;
        this.rows = rows;
    }

    /**
     * Reads every record of {@code in} (which the caller closes) into {@code rows}.
     *
     * @param label how messages name the export
     * @throws VlmetaException when the header lacks the filename or media_id column
     * @throws IOException     when reading fails
     * @throws java.io.UncheckedIOException when Commons CSV finds the CSV malformed (an unclosed quote, say)
     */
    static void read(Reader in, String label, Rows rows) throws IOException {
        new ExportCsvReader(in, label, rows).read();
    }

    private void read() throws IOException {
        fill();
        int headerEnd = lineEnd(0);
        if (headerEnd < 0 || indexOf('"', 0, headerEnd) >= 0) {
            reader.unread(buffer, 0, filled);
            readWithCommonsCsv();
            return;
        }
        Columns columns;
        try (CSVParser header = CSVParser.parse(new String(buffer, 0, headerEnd), WITH_HEADER)) {
            columns = columns(header.getHeaderNames());
        }
        scan(columns, headerEnd);
    }

    /**
     * Reads every record of {@code in} through Commons CSV alone, header included: what {@link #read} gives,
     * and for a malformed file the same message with the line numbers counted from the file's start.
     *
     * @throws VlmetaException when the header lacks the filename or media_id column
     * @throws IOException     when reading fails
     * @throws java.io.UncheckedIOException when Commons CSV finds the CSV malformed
     */
    static void readWithCommonsCsv(Reader in, String label, Rows rows) throws IOException {
        new ExportCsvReader(in, label, rows).readWithCommonsCsv();
    }

    /** The whole file through Commons CSV, header included. */
    private void readWithCommonsCsv() throws IOException {
        try (CSVParser csv = CSVParser.parse(reader, WITH_HEADER)) {
            Columns columns = columns(csv.getHeaderNames());
            emit(csv, columns);
        }
    }

    private Columns columns(List<String> headerNames) {
        List<String> header = headerNames.stream()
                .map(name -> name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
        int id = header.indexOf("media_id");
        int path = PATH_COLUMNS.stream().mapToInt(header::indexOf).filter(i -> i >= 0).findFirst().orElse(-1);
        if (id < 0 || path < 0) {
            throw VlmetaException.malformed("The export " + label + " needs the columns 'filename' and 'media_id'; "
                    + "it has: " + String.join(", ", headerNames) + ".");
        }
        return new Columns(path, id);
    }

    private void emit(Iterable<CSVRecord> records, Columns columns) {
        for (CSVRecord record : records) {
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            String path = record.size() > columns.path() ? record.get(columns.path()) : "";
            String id = record.size() > columns.id() ? record.get(columns.id()) : "";
            rows.row(record.getRecordNumber() + 1, path, id);
        }
    }

    /** Splits quote-free records from {@code at} on; hands the rest to Commons CSV at the first other one. */
    private void scan(Columns columns, int from) throws IOException {
        int at = from;
        long records = 0;
        while (true) {
            // line ends between records: an empty line is no record
            while (true) {
                if (at == filled) {
                    if (endOfInput) {
                        return;
                    }
                    filled = 0;
                    at = 0;
                    fill();
                    continue;
                }
                if (buffer[at] != '\n' && buffer[at] != '\r') {
                    break;
                }
                at++;
            }
            int start = at;
            int end = -1;
            boolean quoted = false;
            while (end < 0) {
                int i = at;
                for (; i < filled; i++) {
                    char c = buffer[i];
                    if (c == '\n' || c == '\r') {
                        end = i;
                        break;
                    }
                    if (c == '"') {
                        quoted = true;
                        break;
                    }
                }
                if (quoted || end >= 0) {
                    break;
                }
                if (endOfInput) {
                    end = filled; // the last record, without a line end
                    break;
                }
                if (start == 0 && filled == buffer.length) {
                    quoted = true; // longer than the buffer: Commons CSV reads it
                    break;
                }
                // move the record's start to the buffer's start and read more behind it
                System.arraycopy(buffer, start, buffer, 0, filled - start);
                filled -= start;
                at = filled;
                start = 0;
                fill();
            }
            if (quoted) {
                reader.unread(buffer, start, filled - start);
                try (CSVParser rest = new CSVParser(reader, CSVFormat.DEFAULT, 0, records + 1)) {
                    emit(rest, columns);
                }
                return;
            }
            records++;
            record(records, columns, start, end);
            at = end;
        }
    }

    /** One quote-free record, {@code buffer[start, end)}. */
    private void record(long number, Columns columns, int start, int end) {
        String path = "";
        String id = "";
        int cell = 0;
        int cellStart = start;
        for (int i = start; i <= end; i++) {
            if (i == end || buffer[i] == ',') {
                if (cell == columns.path()) {
                    path = new String(buffer, cellStart, i - cellStart);
                }
                if (cell == columns.id()) {
                    id = new String(buffer, cellStart, i - cellStart);
                }
                cell++;
                cellStart = i + 1;
            }
        }
        if (cell == 1 && isBlank(start, end)) {
            return; // a line of blanks: one blank cell, as Commons CSV gives it, and skipped as the caller skips it
        }
        rows.row(number + 1, path, id);
    }

    private boolean isBlank(int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(buffer[i])) {
                return false;
            }
        }
        return true;
    }

    private int lineEnd(int from) {
        for (int i = from; i < filled; i++) {
            if (buffer[i] == '\n' || buffer[i] == '\r') {
                return i;
            }
        }
        return -1;
    }

    private int indexOf(char wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Reads until the buffer is full or the input ends. */
    private void fill() throws IOException {
        while (filled < buffer.length) {
            int n = reader.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                endOfInput = true;
                return;
            }
            filled += n;
        }
    }
}

package io.vlmeta.sources.csv;

import io.vlmeta.api.ByteCountingInputStream;
import io.vlmeta.api.ColumnInfo;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FileFaults;
import io.vlmeta.api.Location;
import io.vlmeta.api.Plural;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.SourceRequest;
import io.vlmeta.api.VlmetaException;
import org.apache.commons.csv.CSVException;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * Streams one CSV file's rows as {@link Record}s, holding one row (and the one after it) at a time.
 *
 * <p>Rows are numbered as a spreadsheet shows them: one row per CSV record however many lines its
 * quoted cells span, blank lines included. The parser reads one record ahead so that bytes that were
 * not valid in the encoding can be pinned to the row they fall in (everything decoded before the
 * next record's first character belongs to this one).
 *
 * <p>An Excel {@code sep=} first line names the delimiter and is not a row. Cells with no name in the
 * header, and cells past the header's last column, must be empty: such columns are what spreadsheets
 * write after cells were once formatted. At the end of the file they are named in one warning and
 * ignored; a row that holds a value in one is an error naming the row and the column, and is skipped.
 */
final class CsvRecordSource implements RecordSource {

    /** The default key column of tabular inputs. */
    static final String DEFAULT_KEY_COLUMN = "file_fullpath";
    /**
     * How many characters one row may span. Far beyond any real metadata row; it exists because an
     * unclosed quote would otherwise gather the rest of a large file into one cell in memory.
     */
    static final long MAX_RECORD_CHARS = 4L * 1024 * 1024;

    private final Path path;
    private final String file;
    private final CsvDialect dialect;
    private final ProblemReporter reporter;
    private final StrictDecodingReader reader;
    private final DecodeErrors decodeErrors;
    private final CsvRows rows;
    private CsvHeader header;
    private CsvRow lookahead;
    private long linesRead;
    /** The most cells any row had, and which cells without a name held a value (0-based). */
    private int widest;
    private final BitSet unnamedWithValue = new BitSet();
    private boolean endReported;
    private boolean closed;
    /** The file's bytes as they are read, for progress. */
    private final ByteCountingInputStream bytes;

    private CsvRecordSource(Path path, String file, CsvDialect dialect, ProblemReporter reporter, StrictDecodingReader reader,
                            DecodeErrors decodeErrors, ByteCountingInputStream bytes, long maxRecordChars) {
        this.path = path;
        this.file = file;
        this.bytes = bytes;
        this.dialect = dialect;
        this.reporter = reporter;
        this.reader = reader;
        this.decodeErrors = decodeErrors;
        this.rows = new CsvRows(reader, dialect.delimiter(), (int) Math.min(Integer.MAX_VALUE - 8, maxRecordChars));
    }

    /**
     * Opens a file and reads its header, so that a file without data or with a bad header is refused
     * before anything else happens.
     *
     * @param request        the file, the key column and the options {@code encoding} and {@code delimiter}
     * @param reporter       where rows that are skipped are reported
     * @param maxRecordChars how many characters one row may span
     * @return the open source, positioned before the first data row
     */
    static CsvRecordSource open(SourceRequest request, ProblemReporter reporter, long maxRecordChars) {
        Path path = request.path();
        String file = request.label();
        ByteCountingInputStream counted = openStream(path, file);
        InputStream in = new BufferedInputStream(counted, StrictDecodingReader.BUFFER_SIZE);
        CsvDialect dialect;
        try {
            byte[] head = head(in);
            BinaryFormats.refuse(file, head);
            dialect = CsvDialect.of(file, request, head);
            if (dialect.sepLine() != null) {
                in.skipNBytes(dialect.sepLine().bytes());
            }
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        } catch (IOException e) {
            closeQuietly(in);
            throw FileFaults.unreadableInput(path, file, e);
        }
        DecodeErrors decodeErrors = new DecodeErrors();
        StrictDecodingReader reader = new StrictDecodingReader(in, dialect.charset(), decodeErrors, maxRecordChars);
        CsvRecordSource source = new CsvRecordSource(path, file, dialect, reporter, reader, decodeErrors, counted,
                maxRecordChars);
        try {
            source.readHeader(request.keyColumnOr(DEFAULT_KEY_COLUMN), request.keyColumn() != null);
            return source;
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** Reads the first bytes and rewinds, leaving the stream as it was. */
    private static byte[] head(InputStream in) throws IOException {
        in.mark(SepLine.HEAD_BYTES);
        byte[] head = in.readNBytes(SepLine.HEAD_BYTES);
        in.reset();
        return head;
    }

    private static ByteCountingInputStream openStream(Path path, String file) {
        if (Files.isDirectory(path)) {
            // FileFaults' words, and what to give instead
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, file + " is a folder, not a CSV file.");
        }
        try {
            return new ByteCountingInputStream(Files.newInputStream(path));
        } catch (IOException e) {
            throw FileFaults.unreadableInput(path, file, e);
        }
    }

    private void readHeader(String keyColumn, boolean keyAskedFor) {
        CsvRow headerRecord = readRecord();
        while (headerRecord != null && headerRecord.blank()) {
            headerRecord = readRecord();
        }
        if (headerRecord == null) {
            throw VlmetaException.malformed(file + " is empty; it needs a header row naming its columns ("
                    + keyColumn + ", ...) and one row per media file.");
        }
        lookahead = readRecord();
        if (decodeErrors.takeBefore(startOf(lookahead))) {
            throw VlmetaException.malformed(file + " row " + headerRecord.number()
                    + ": the header holds bytes that are not valid " + dialect.charset().name()
                    + "; give the file's encoding with --encoding (e.g. windows-1252).");
        }
        header = CsvHeader.parse(file, headerRecord.cells(), keyColumn, keyAskedFor);
        while (lookahead != null && lookahead.blank()) {
            widest = Math.max(widest, lookahead.cells().length);
            lookahead = readRecord();
        }
        if (lookahead == null) {
            throw VlmetaException.malformed(file + " has a header but no data rows.");
        }
    }

    @Override
    public String description() {
        return file;
    }

    @Override
    public String keyColumn() {
        return header.keyColumn();
    }

    @Override
    public List<ColumnInfo> columns() {
        return header.columns();
    }

    @Override
    public Record next() {
        while (lookahead != null) {
            CsvRow row = lookahead;
            lookahead = readRecord();
            boolean badBytes = decodeErrors.takeBefore(startOf(lookahead));
            String[] cells = row.cells();
            Location location = Location.of(file, row.number());
            List<Integer> unnamedValues = unnamedCellsWithValues(cells);
            if (badBytes) {
                reporter.report(Problem.error(ProblemCategory.INPUT, location, null,
                        "Contains bytes that are not valid " + dialect.charset().name()
                                + ", so the row is skipped; if the file has another encoding, give it with"
                                + " --encoding (e.g. windows-1252)."));
                continue;
            }
            if (row.blank()) {
                continue;
            }
            if (!unnamedValues.isEmpty()) {
                reporter.report(Problem.error(ProblemCategory.INPUT, location, null,
                        unnamedValuesMessage(cells, unnamedValues)));
                continue;
            }
            String key = header.keyIndex() < cells.length ? cells[header.keyIndex()].trim() : "";
            if (key.isEmpty()) {
                reporter.report(Problem.error(ProblemCategory.INPUT, location, null,
                        "Empty '" + header.keyColumn() + "', so the row is skipped; every row needs the path of"
                                + " its media file."));
                continue;
            }
            return new Record(key, location, new RowValues(header, cells));
        }
        reportIgnoredColumns();
        return null;
    }

    /**
     * Keeps only the selected columns' values in the records read from now on: a row of thousands of
     * cells then holds the few a job reads, and the others are not even made into strings.
     */
    @Override
    public void select(Set<String> columns) {
        header = header.select(columns);
        rows.keep(header.keptCells());
    }

    /** @return the 1-based positions of the row's cells that hold a value but have no column name */
    private List<Integer> unnamedCellsWithValues(String[] cells) {
        widest = Math.max(widest, cells.length);
        List<Integer> positions = List.of();
        for (int cell : header.unnamedCells()) {
            if (cell < cells.length && !cells[cell].isBlank()) {
                positions = add(positions, cell);
            }
        }
        for (int cell = header.width(); cell < cells.length; cell++) {
            if (!cells[cell].isBlank()) {
                positions = add(positions, cell);
            }
        }
        return positions;
    }

    private List<Integer> add(List<Integer> positions, int cell) {
        unnamedWithValue.set(cell);
        List<Integer> more = positions.isEmpty() ? new ArrayList<>() : positions;
        more.add(cell + 1);
        return more;
    }

    private String unnamedValuesMessage(String[] cells, List<Integer> positions) {
        int first = positions.get(0);
        String columns = ColumnLabels.describe(positions);
        String value = "'" + shortened(cells[first - 1].strip()) + "'";
        String holds = positions.size() == 1 ? " holds " + value : " hold values (" + value + " in "
                + ColumnLabels.letters(first) + ")";
        if (positions.get(positions.size() - 1) > header.width()) {
            return "Has " + Plural.count(cells.length, "cell") + " but the header has "
                    + Plural.count(header.width(), "column") + ": " + columns
                    + holds + " without a name in row 1, so the row is skipped; quote any cell that contains the "
                    + dialect.delimiterName() + " delimiter, or name the column in row 1.";
        }
        return Character.toUpperCase(columns.charAt(0)) + columns.substring(1) + holds
                + " but no name in row 1, so the row is skipped; name the column in row 1, or delete the value.";
    }

    private static String shortened(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }

    /** Once, at the end: the columns without a name that no row gave a value (they held nothing to lose). */
    private void reportIgnoredColumns() {
        if (endReported) {
            return;
        }
        endReported = true;
        List<Integer> ignored = new ArrayList<>();
        for (int cell : header.unnamedCells()) {
            if (!unnamedWithValue.get(cell)) {
                ignored.add(cell + 1);
            }
        }
        for (int cell = header.width(); cell < widest; cell++) {
            if (!unnamedWithValue.get(cell)) {
                ignored.add(cell + 1);
            }
        }
        if (!ignored.isEmpty()) {
            String columns = ColumnLabels.describe(ignored);
            reporter.report(Problem.warning(ProblemCategory.INPUT, Location.of(file, 1), null,
                    Character.toUpperCase(columns.charAt(0)) + columns.substring(1)
                            + (ignored.size() == 1 ? " has" : " have") + " no name in the header and no value in any"
                            + " row, so " + (ignored.size() == 1 ? "it is" : "they are") + " ignored."));
        }
    }

    /** @return the next CSV record, or null at the end of the file */
    private CsvRow readRecord() {
        try {
            CsvRow record = rows.next();
            if (record == null) {
                return null;
            }
            linesRead = rows.lines();
            reader.allowNextRecord();
            return record;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private VlmetaException failure(IOException cause) {
        long row = rows.records() + 1;
        long line = linesRead + 1 + dialect.linesBeforeHeader();
        String where = file + " row " + row + (line == row ? "" : " (line " + line + ")");
        if (cause instanceof StrictDecodingReader.RecordTooLongException tooLong) {
            return new VlmetaException(ErrorCode.INPUT_MALFORMED, where + " runs for more than "
                    + String.format("%,d", tooLong.maxRecordChars())
                    + " characters; a quoted cell is probably missing its closing quote.", cause);
        }
        if (cause instanceof CSVException) {
            String reason = cause.getMessage() == null ? "" : cause.getMessage();
            if (reason.contains("EOF reached before encapsulated token finished")) {
                return new VlmetaException(ErrorCode.INPUT_MALFORMED, where
                        + ": a quoted cell starts in this row and is never closed; add its closing quote (\").", cause);
            }
            if (reason.contains("Invalid character between encapsulated token and delimiter")) {
                return new VlmetaException(ErrorCode.INPUT_MALFORMED, where
                        + ": a quoted cell is followed by other text before the next delimiter; inside a quoted"
                        + " cell write a quote as two quotes (\"\").", cause);
            }
            return new VlmetaException(ErrorCode.INPUT_MALFORMED, where + " is not valid CSV: " + reason, cause);
        }
        return FileFaults.unreadableInput(path, file, cause);
    }

    private static long startOf(CsvRow record) {
        return record == null ? Long.MAX_VALUE : record.characterPosition();
    }


    /** Closes a file opened only for reading: a failure to release it changes nothing already read. */
    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // see above; where opening failed, the open failure is what the user needs to see
        }
    }

    /** @return bytes of the file read so far (ahead of the rows returned by up to a buffer's worth) */
    @Override
    public long bytesRead() {
        return bytes.count();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(rows);
    }
}

package io.vlmeta.sources.dicom;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.Location;
import io.vlmeta.api.Plural;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.NameSuggestions;
import io.vlmeta.api.VlmetaException;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One pass over Visual Layer's DICOM converter CSV ({@code dicom_metadata.csv}): one row per converted
 * image, keyed by {@code image_filename}, snake_case column names, DICOM date and time text, lists as
 * Python list text. Columns the dictionary knows are typed by their VR.
 */
final class ConverterCsvRows implements SidecarRows {
    static final String DEFAULT_KEY_COLUMN = "image_filename";

    /** how messages and locations name the file */
    private final String file;
    private final String keyColumn;
    private final ProblemReporter reporter;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final List<ColumnMeaning> meanings = new ArrayList<>();
    private final int keyIndex;

    /** What a header column stands for; the tag and VR are null for columns outside the dictionary. */
    private record ColumnMeaning(String tag, String keyword, String snakeName, Vr vr) {
    }

    /** @param label how messages and locations name the file (a copy of standard input by what it was copied from) */
    ConverterCsvRows(Path path, String label, String keyColumn, DicomDictionary dictionary, ProblemReporter reporter) {
        this.file = label;
        this.keyColumn = keyColumn;
        this.reporter = reporter;
        this.parser = open(path, label);
        this.header = parser.getHeaderNames();
        this.keyIndex = header.indexOf(keyColumn);
        if (keyIndex < 0) {
            close();
            throw VlmetaException.malformed("File " + file + " has no '" + keyColumn + "' column naming each image"
                    + NameSuggestions.hint(keyColumn, header) + "; its columns are: "
                    + String.join(", ", header) + ".");
        }
        for (String column : header) {
            Optional<DictionaryEntry> entry = dictionary.bySnakeName(column);
            meanings.add(entry.map(e -> new ColumnMeaning(e.tag(), e.keyword(), column, e.vr()))
                    .orElseGet(() -> new ColumnMeaning(null, column, column, null)));
        }
        this.records = parser.iterator();
    }

    @Override
    public SidecarRow next() {
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                Location location = Location.of(file, record.getRecordNumber() + 1);
                if (record.size() != header.size()) {
                    reporter.report(Problem.error(ProblemCategory.INPUT, location, null, "Has "
                            + Plural.count(record.size(), "cell") + " but the header has "
                            + Plural.count(header.size(), "column") + "; the row is skipped."));
                    continue;
                }
                String key = record.get(keyIndex).trim();
                if (key.isEmpty()) {
                    reporter.report(Problem.error(ProblemCategory.INPUT, location, keyColumn,
                            "Empty " + keyColumn + "; every row must name the image it describes."));
                    continue;
                }
                return new SidecarRow(key, location, attributes(record), List.of());
            }
            return null;
        } catch (UncheckedIOException e) {
            throw VlmetaException.malformed("File " + file + " cannot be read as CSV after row "
                    + (parser.getRecordNumber() + 1) + ": " + e.getCause().getMessage());
        }
    }

    @Override
    public boolean columnsInTagOrder() {
        return false;
    }

    @Override
    public void close() {
        closeQuietly(parser);
    }

    private List<DicomAttribute> attributes(CSVRecord record) {
        List<DicomAttribute> attributes = new ArrayList<>(header.size() - 1);
        for (int i = 0; i < header.size(); i++) {
            if (i == keyIndex) {
                continue;
            }
            ColumnMeaning meaning = meanings.get(i);
            attributes.add(new DicomAttribute(meaning.tag(), meaning.keyword(), meaning.snakeName(), meaning.vr(),
                    values(record.get(i))));
        }
        return attributes;
    }

    private static List<Object> values(String cell) {
        if (cell.isBlank()) {
            return List.of();
        }
        return PythonListText.parse(cell).<List<Object>>map(List::copyOf).orElseGet(() -> List.of(cell));
    }

    private static CSVParser open(Path file, String label) {
        Reader reader;
        try {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, "Cannot read " + label + ": " + e.getMessage(), e);
        }
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader);
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            closeQuietly(reader);
            throw VlmetaException.malformed("File " + label + " has an unreadable header row: " + e.getMessage());
        }
    }

    /** Closing a file opened for reading loses nothing; when already failing, the first error is the one to report. */
    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // see above
        }
    }
}

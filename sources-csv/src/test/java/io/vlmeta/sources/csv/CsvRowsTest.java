package io.vlmeta.sources.csv;

import io.vlmeta.api.SourceRequest;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CsvRows} must give exactly the records Commons CSV gives on its own: the same cells, record
 * numbers, character positions and line counts, and the same refusal at the same record.
 */
class CsvRowsTest {

    private static final int LONGEST = 1 << 12;
    /** Characters that make CSV tricky, weighted towards the ones that end cells, records and quotes. */
    private static final char[] TRICKY = {'a', 'b', 'é', ' ', '\t', ',', ',', ';', '|', '"', '"', '"', '\r', '\n',
        '\n', '\uFFFE', '\uFEFF', '\u2003'};

    @Test
    void readsPlainRecordsWithoutCommonsCsv() throws IOException {
        CsvRows rows = new CsvRows(new StringReader("k,v\na.jpg,\"x, \"\"y\"\"\r\nz\"\r\n\nb.jpg,"), ',', LONGEST);

        assertThat(readAll(rows).records()).containsExactly(
                new Read(List.of("k", "v"), 1, 0, 1),
                new Read(List.of("a.jpg", "x, \"y\"\r\nz"), 2, 4, 3),
                new Read(List.of(""), 3, 25, 4),
                new Read(List.of("b.jpg", ""), 4, 26, 5));
        assertThat(rows.parsedByCommonsCsv()).isFalse();
    }

    @Test
    void handsTheRestToCommonsCsvFromARecordWithSpacesAfterAClosingQuote() throws IOException {
        CsvRows rows = new CsvRows(new StringReader("k,v\na,\"x\"  \nb,y\n"), ',', LONGEST);

        Outcome outcome = readAll(rows);

        assertThat(outcome.records()).containsExactly(new Read(List.of("k", "v"), 1, 0, 1),
                new Read(List.of("a", "x"), 2, 4, 2), new Read(List.of("b", "y"), 3, 12, 3));
        assertThat(rows.parsedByCommonsCsv()).isTrue();
    }

    @Test
    void handsOverARecordLongerThanTheLongestItScans() throws IOException {
        String text = "k,v\na," + "x".repeat(100) + "\nb,y\n";
        CsvRows rows = new CsvRows(new StringReader(text), ',', 32);

        assertThat(readAll(rows)).isEqualTo(commonsCsv(text, ','));
        assertThat(rows.parsedByCommonsCsv()).isTrue();
    }

    @Test
    void scansRecordsLongerThanItsFirstBuffer() throws IOException {
        String wide = "k" + ",c".repeat(CsvRowScanner.INITIAL_CAPACITY) + "\n";
        String text = wide + wide.replace('c', 'v') + "a,b\n";
        CsvRows rows = new CsvRows(new StringReader(text), ',', 4 * CsvRowScanner.INITIAL_CAPACITY);

        assertThat(readAll(rows)).isEqualTo(commonsCsv(text, ','));
        assertThat(rows.parsedByCommonsCsv()).isFalse();
    }

    @Test
    void refusesAQuoteNeverClosedAtTheRecordWhereItStarts() {
        String text = "k,v\na,\"two\nlines\"\nb,\"open\nc,x\n";

        Outcome outcome = readAll(new CsvRows(new StringReader(text), ',', LONGEST));

        assertThat(outcome).isEqualTo(commonsCsv(text, ','));
        assertThat(outcome.failure()).isEqualTo("CSVException: (startline #) EOF reached before encapsulated token"
                + " finished");
        assertThat(outcome.recordsBeforeFailure()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(chars = {',', ';', '|', '\t'})
    void givesWhatCommonsCsvGivesForRandomTrickyText(char delimiter) {
        Random random = new Random(20_240_601L + delimiter);
        for (int sample = 0; sample < 4_000; sample++) {
            String text = trickyText(random, delimiter);
            Outcome expected = commonsCsv(text, delimiter);

            assertThat(readAll(new CsvRows(new StringReader(text), delimiter, LONGEST)))
                    .as("text %s", escaped(text)).isEqualTo(expected);
            boolean[] kept = new boolean[random.nextInt(4)];
            for (int cell = 0; cell < kept.length; cell++) {
                kept[cell] = random.nextBoolean();
            }
            CsvRows keeping = new CsvRows(new StringReader(text), delimiter, LONGEST);
            keeping.keep(kept);
            List<Boolean> scanned = new ArrayList<>();
            assertThat(readAll(keeping, scanned)).as("text %s keeping cells %s", escaped(text), Arrays.toString(kept))
                    .isEqualTo(keepingOnly(expected, kept, scanned));
            assertThat(readAll(new CsvRows(new CsvRowScanner(new TrickleReader(text, random.nextInt(3) + 1),
                    delimiter, 1 + random.nextInt(4), 8 + random.nextInt(24)), CsvRows.format(delimiter))))
                    .as("text %s read a few characters at a time into a small buffer that grows", escaped(text))
                    .isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("spreadsheetFiles")
    void givesWhatCommonsCsvGivesForEveryFixture(Path file) throws IOException {
        CsvDialect dialect;
        String text;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readAllBytes();
            dialect = CsvDialect.of(file.toString(), new SourceRequest(file, null, Map.of()),
                    Arrays.copyOf(bytes, Math.min(bytes.length, SepLine.HEAD_BYTES)));
            int skip = dialect.sepLine() == null ? 0 : dialect.sepLine().bytes();
            text = decoded(Arrays.copyOfRange(bytes, skip, bytes.length), dialect);
        }

        CsvRows rows = new CsvRows(new StringReader(text), dialect.delimiter(), LONGEST);

        assertThat(readAll(rows)).isEqualTo(commonsCsv(text, dialect.delimiter()));
        assertThat(rows.parsedByCommonsCsv()).isFalse();
    }

    static Stream<Path> spreadsheetFiles() throws IOException, URISyntaxException {
        Path folder = Path.of(CsvRowsTest.class.getResource("/spreadsheet-csv").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".csv")).sorted().toList().stream();
        }
    }

    private static String decoded(byte[] bytes, CsvDialect dialect) throws IOException {
        try (Reader reader = new StrictDecodingReader(new java.io.ByteArrayInputStream(bytes), dialect.charset(),
                new DecodeErrors(), Long.MAX_VALUE / 2)) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[4096];
            for (int n = reader.read(buffer, 0, buffer.length); n >= 0; n = reader.read(buffer, 0, buffer.length)) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        }
    }

    /** Random cells, quoted or not, of tricky characters; sometimes a quote left open or text after one. */
    private static String trickyText(Random random, char delimiter) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        while (text.length() < length) {
            switch (random.nextInt(6)) {
                case 0 -> text.append('"').append(randomChars(random, 6).replace("\"", "\"\"")).append('"');
                case 1 -> text.append(delimiter);
                case 2 -> text.append(random.nextBoolean() ? "\r\n" : "\n");
                default -> text.append(randomChars(random, 5));
            }
        }
        return text.toString();
    }

    private static String randomChars(Random random, int most) {
        StringBuilder chars = new StringBuilder();
        for (int i = random.nextInt(most + 1); i > 0; i--) {
            chars.append(TRICKY[random.nextInt(TRICKY.length)]);
        }
        return chars.toString();
    }

    private static String escaped(String text) {
        return "\"" + text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
                .replace("\uFFFE", "\\uFFFE").replace("\uFEFF", "\\uFEFF") + "\"";
    }

    /** One record as read (cells not kept are null), whether all its cells are blank, and the lines read. */
    record Read(List<String> cells, long number, long characterPosition, boolean blank, long lines) {

        Read(List<String> cells, long number, long characterPosition, long lines) {
            this(cells, number, characterPosition, cells.stream().allMatch(String::isBlank), lines);
        }
    }

    /**
     * @param scanned by record, true for those the scanner read (Commons CSV keeps every cell)
     * @return what Commons CSV read, with the cells the scanner was told not to keep left out
     */
    private static Outcome keepingOnly(Outcome read, boolean[] kept, List<Boolean> scanned) {
        List<Read> records = new ArrayList<>();
        for (int i = 0; i < read.records().size(); i++) {
            Read record = read.records().get(i);
            List<String> cells = new ArrayList<>(record.cells());
            for (int cell = 0; i < scanned.size() && scanned.get(i) && cell < Math.min(kept.length, cells.size());
                 cell++) {
                if (!kept[cell]) {
                    cells.set(cell, null);
                }
            }
            records.add(new Read(cells, record.number(), record.characterPosition(), record.blank(), record.lines()));
        }
        return new Outcome(records, read.failure(), read.recordsBeforeFailure());
    }

    /**
     * @param failure              the refusal as {@code Class: message}, digits replaced by {@code #} (Commons CSV
     *                             counts lines and positions in them from where it started reading); null when none
     * @param recordsBeforeFailure the record count when reading stopped
     */
    record Outcome(List<Read> records, String failure, long recordsBeforeFailure) {
    }

    private static Outcome readAll(CsvRows rows) {
        return readAll(rows, new ArrayList<>());
    }

    /** @param scanned gets, by record, true when the scanner read it rather than Commons CSV */
    private static Outcome readAll(CsvRows rows, List<Boolean> scanned) {
        List<Read> records = new ArrayList<>();
        try (rows) {
            for (CsvRow row = rows.next(); row != null; row = rows.next()) {
                scanned.add(!rows.parsedByCommonsCsv());
                records.add(new Read(Arrays.asList(row.cells()), row.number(), row.characterPosition(), row.blank(),
                        rows.lines()));
            }
            return new Outcome(records, null, rows.records());
        } catch (IOException e) {
            return new Outcome(records, failure(e), rows.records());
        }
    }

    private static Outcome commonsCsv(String text, char delimiter) {
        List<Read> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CsvRows.format(delimiter))) {
            Iterator<CSVRecord> iterator = parser.iterator();
            try {
                while (iterator.hasNext()) {
                    CSVRecord record = iterator.next();
                    records.add(new Read(List.of(record.values()), record.getRecordNumber(),
                            record.getCharacterPosition(), parser.getCurrentLineNumber()));
                }
            } catch (UncheckedIOException e) {
                return new Outcome(records, failure(e.getCause()), parser.getRecordNumber());
            }
            return new Outcome(records, null, parser.getRecordNumber());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String failure(IOException e) {
        return e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).replaceAll("[0-9][0-9,]*", "#")
                .replaceAll(" at line: #(, position: #)?", "");
    }

    /** Gives at most a few characters per read, as a slow stream would. */
    private static final class TrickleReader extends Reader {
        private final String text;
        private final int most;
        private int next;

        TrickleReader(String text, int most) {
            this.text = text;
            this.most = most;
        }

        @Override
        public int read(char[] target, int offset, int length) {
            if (next == text.length()) {
                return -1;
            }
            int count = Math.min(Math.min(length, most), text.length() - next);
            text.getChars(next, next + count, target, offset);
            next += count;
            return count;
        }

        @Override
        public void close() {
        }
    }
}

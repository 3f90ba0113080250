package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.VlmetaException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportCsvReaderTest {

    /** What a reading gave: every row, or how it failed. */
    private record Reading(List<String> rows, String failure) {
    }

    private interface Read {
        void read(Reader in, String label, ExportCsvReader.Rows rows) throws IOException;
    }

    private static Reading reading(String text, Read read) {
        List<String> rows = new ArrayList<>();
        try {
            read.read(new StringReader(text), "x.csv", (row, path, id) -> rows.add(row + "|" + path + "|" + id));
            return new Reading(rows, null);
        } catch (IOException | RuntimeException e) {
            return new Reading(rows, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The scanner's rows must be Commons CSV's, row numbers included; a failure must fail there too. */
    private static void assertSameAsCommonsCsv(String text) {
        Reading fast = reading(text, ExportCsvReader::read);
        Reading plain = reading(text, ExportCsvReader::readWithCommonsCsv);
        if (plain.failure() == null) {
            assertThat(fast).as(text).isEqualTo(plain);
        } else {
            assertThat(fast.failure()).as(text).isNotNull();
            assertThat(fast.rows()).as(text).isEqualTo(plain.rows());
        }
    }

    @Test
    void readsAServersExportAsCommonsCsvDoesWithRowNumbersCountingTheHeader() {
        String text = "filename,media_id\nimages/a.jpg,id-1\r\nimages/b.jpg,id-2\n";

        assertThat(reading(text, ExportCsvReader::read).rows())
                .containsExactly("2|images/a.jpg|id-1", "3|images/b.jpg|id-2");
        assertSameAsCommonsCsv(text);
    }

    @Test
    void handsQuotedNamesToCommonsCsvAndKeepsCountingRows() {
        String text = "media_id,filename\nid-1,a.jpg\n\nid-2,\"b, \"\"c\"\".jpg\"\nid-3,d.jpg\nid-4,\"e\nf.jpg\"\n";

        assertThat(reading(text, ExportCsvReader::read).rows())
                .containsExactly("2|a.jpg|id-1", "3|b, \"c\".jpg|id-2", "4|d.jpg|id-3", "5|e\nf.jpg|id-4");
        assertSameAsCommonsCsv(text);
    }

    @Test
    void skipsEmptyLinesWithoutNumbersAndLinesOfBlanksWithTheirNumbers() {
        String text = "\uFEFFFileName , media_id,size\r\n\r\n   \na.jpg,id-1,3\rb.jpg\n,id-3\nc.jpg,id-4";

        assertThat(reading(text, ExportCsvReader::read).rows())
                .containsExactly("3|a.jpg|id-1", "4|b.jpg|", "5||id-3", "6|c.jpg|id-4");
        assertSameAsCommonsCsv(text);
    }

    @Test
    void aRecordLongerThanTheBufferIsReadByCommonsCsv() {
        String longName = "d/".repeat(ExportCsvReader.BUFFER) + "x.jpg";
        String text = "filename,media_id\na.jpg,1\n" + longName + ",2\nb.jpg,3\n";

        assertThat(reading(text, ExportCsvReader::read).rows())
                .containsExactly("2|a.jpg|1", "3|" + longName + "|2", "4|b.jpg|3");
        assertSameAsCommonsCsv(text);
    }

    @Test
    void aHeaderWithoutTheColumnsIsRefusedNamingThem() {
        assertThatThrownBy(() -> ExportCsvReader.read(new StringReader("name,id\na,1\n"), "x.csv", (r, p, i) -> { }))
                .isInstanceOf(VlmetaException.class)
                .hasMessage("The export x.csv needs the columns 'filename' and 'media_id'; it has: name, id.");
    }

    @Test
    void anUnclosedQuoteFailsAsInCommonsCsv() {
        String text = "filename,media_id\na.jpg,1\n\"b.jpg,2\n";

        assertThat(reading(text, ExportCsvReader::read).failure()).startsWith(UncheckedIOException.class.getSimpleName());
        assertSameAsCommonsCsv(text);
    }

    @Test
    void givesCommonsCsvsRecordsForRandomExportsAcrossBufferBoundaries() {
        Random random = new Random(16);
        String[] cells = {"a.jpg", "dir/b c.png", "", " ", "x,y", "q\"uote", "line\nbreak", "tab\tname", "é.jpg",
                "0b7f3c2e-1111-2222-3333-444455556666", "\"", "''"};
        String[] ends = {"\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\n   \n"};
        String[] headers = {"filename,media_id", "media_id,file_name,size", "\uFEFFfilename,media_id",
                "file_path,extra,media_id"};
        for (int round = 0; round < 400; round++) {
            StringBuilder text = new StringBuilder(headers[random.nextInt(headers.length)]);
            int records = random.nextInt(round < 20 ? 5000 : 40);
            for (int r = 0; r < records; r++) {
                text.append(ends[random.nextInt(ends.length)]);
                int width = 1 + random.nextInt(4);
                for (int c = 0; c < width; c++) {
                    if (c > 0) {
                        text.append(',');
                    }
                    String cell = random.nextInt(10) < 8 ? "images/" + r + ".jpg" : cells[random.nextInt(cells.length)];
                    boolean quote = random.nextInt(50) == 0 || cell.contains(",") || cell.contains("\n");
                    text.append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
                }
            }
            if (random.nextBoolean()) {
                text.append(ends[random.nextInt(ends.length)]);
            }
            assertSameAsCommonsCsv(text.toString());
        }
    }
}

package io.vlmeta.sources.xlsx;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.Location;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.Severity;
import io.vlmeta.api.SourceRequest;
import io.vlmeta.api.VlmetaException;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the header and records are, which sheet is read, and what a sheet must have. Books written with POI. */
class SheetLayoutTest {
    @TempDir
    Path dir;

    private Path book(String name, String[]... sheets) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            for (String[] sheet : sheets) {
                XSSFSheet xssfSheet = workbook.createSheet(sheet[0]);
                for (int r = 1; r < sheet.length; r++) {
                    if (sheet[r] == null) {
                        continue;
                    }
                    XSSFRow row = xssfSheet.createRow(r - 1);
                    String[] cells = sheet[r].split("\\|", -1);
                    for (int c = 0; c < cells.length; c++) {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            workbook.write(out);
        }
        return file;
    }

    @Test
    void theHeaderIsTheFirstNonBlankRowAndRowsKeepTheSpreadsheetsNumbers() throws IOException {
        Path file = book("book.xlsx", new String[] {"metadata", null, " | ", "file_fullpath|label|", "a.jpg|first|",
                " |  |", "b.jpg||stray"});

        SheetReading reading = SheetReading.of(file);

        assertThat(reading.columns()).containsExactly("label");
        assertThat(reading.rowNumbers()).containsExactly(4L, 6L);
        assertThat(reading.row(4).location()).isEqualTo(new Location(file.toString(), "metadata", 4));
        assertThat(reading.row(4).values()).isEqualTo(Map.of("label", new RawValue.Text("first")));
        assertThat(reading.row(6).values()).isEmpty();
        assertThat(reading.problems()).isEmpty();
    }

    @Test
    void aRowWithAnEmptyKeyIsAProblemAndIsLeftOut() throws IOException {
        Path file = book("book.xlsx", new String[] {"metadata", "file_fullpath|label", "a.jpg|x", "   |y", "c.jpg|z"});

        SheetReading reading = SheetReading.of(file);

        assertThat(reading.rowNumbers()).containsExactly(2L, 4L);
        assertThat(reading.problems()).containsExactly(new Problem(Severity.ERROR, ProblemCategory.INPUT,
                new Location(file.toString(), "metadata", 3), "file_fullpath",
                "The key column 'file_fullpath' is empty; every row needs the path of its image, so this row is skipped."));
    }

    @Test
    void aMissingKeyColumnIsRefusedNamingTheColumnsThatExist() throws IOException {
        Path file = book("book.xlsx", new String[] {"metadata", "path|label|score"});

        assertThatThrownBy(() -> SheetReading.of(file))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_MALFORMED))
                .hasMessage(file + ", sheet 'metadata' has no key column 'file_fullpath'; its header row (row 1) holds:"
                        + " path, label, score. Add the column, or name the one that holds the image paths with --path-column.");
    }

    @Test
    void theRequestCanNameAnotherKeyColumn() throws IOException {
        Path file = book("book.xlsx", new String[] {"metadata", "label|path", "x|images/a.jpg"});

        SheetReading reading = SheetReading.of(new SourceRequest(file, "path", Map.of()));

        assertThat(reading.keyColumn()).isEqualTo("path");
        assertThat(reading.columns()).containsExactly("label");
        assertThat(reading.row(2).key()).isEqualTo("images/a.jpg");
    }

    @Test
    void twoColumnsWithOneNameAreRefused() throws IOException {
        Path file = book("book.xlsx", new String[] {"metadata", "file_fullpath|score|label|score "});

        assertThatThrownBy(() -> SheetReading.of(file))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_MALFORMED))
                .hasMessage(file + ", sheet 'metadata': the header row (row 1) names the column 'score' twice (B1 and D1);"
                        + " give every column a unique name.");
    }

    @Test
    void aSheetWithoutAnyRowIsRefused() throws IOException {
        Path file = book("book.xlsx", new String[] {"metadata"});

        assertThatThrownBy(() -> SheetReading.of(file)).isInstanceOf(VlmetaException.class)
                .hasMessage(file + ", sheet 'metadata' is empty: it has no header row with the column names (the key"
                        + " column 'file_fullpath' and the fields).");
    }

    @Test
    void theSheetOptionPicksASheetByNameOrByNumber() throws IOException {
        Path file = book("book.xlsx", new String[] {"first", "file_fullpath", "one.jpg"},
                new String[] {"Second", "file_fullpath", "two.jpg"});

        assertThat(SheetReading.of(file).row(2).key()).isEqualTo("one.jpg");
        assertThat(SheetReading.of(file, "Second").row(2).key()).isEqualTo("two.jpg");
        assertThat(SheetReading.of(file, "second").row(2).key()).isEqualTo("two.jpg");
        assertThat(SheetReading.of(file, "2").row(2).location().sheet()).isEqualTo("Second");
    }

    @Test
    void aSheetNameThatLooksLikeANumberIsReadByName() throws IOException {
        Path file = book("book.xlsx", new String[] {"1", "file_fullpath", "named-one.jpg"},
                new String[] {"2024", "file_fullpath", "named-2024.jpg"});

        assertThat(SheetReading.of(file, "2024").row(2).key()).isEqualTo("named-2024.jpg");
        assertThat(SheetReading.of(file, "2").row(2).key()).isEqualTo("named-2024.jpg");
    }

    @Test
    void anUnknownSheetIsAUsageErrorListingTheSheets() throws IOException {
        Path file = book("book.xlsx", new String[] {"metadata", "file_fullpath"}, new String[] {"other", "file_fullpath"});

        assertThatThrownBy(() -> SheetReading.of(file, "meta"))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage(file + " has no sheet named 'meta'; its sheets are: 1 'metadata', 2 'other' (pick one by"
                        + " name or by number).");
        assertThatThrownBy(() -> SheetReading.of(file, "3"))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage(file + " has 2 sheets, so there is no sheet number 3; its sheets are: 1 'metadata', 2 'other'.");
    }

    @Test
    void readingTwiceYieldsTheSameRecordsInTheSameOrder() throws IOException {
        Path file = book("book.xlsx", new String[] {"metadata", "file_fullpath|n", "a.jpg|1", "b.jpg|2", "c.jpg|3"});

        assertThat(SheetReading.of(file).records()).isEqualTo(SheetReading.of(file).records()).hasSize(3);
    }

    @Test
    void numbersTypedIntoTheKeyColumnBecomeTheirDigits() throws IOException {
        Path file = dir.resolve("book.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = workbook.createSheet("ids");
            sheet.createRow(0).createCell(0).setCellValue("file_fullpath");
            sheet.createRow(1).createCell(0).setCellValue(1001);
            workbook.write(out);
        }

        assertThat(SheetReading.of(file).row(2).key()).isEqualTo("1001");
    }

    @Test
    void closingTwiceIsHarmlessAndAClosedSourceReadsNoFurther() throws IOException {
        Path file = book("book.xlsx", new String[] {"metadata", "file_fullpath|n", "a.jpg|1"});
        RecordSource source = new XlsxSourceProvider().open(new SourceRequest(file, null, Map.of()), ProblemReporter.DISCARD);
        assertThat(source.description()).isEqualTo(file + ", sheet 'metadata'");
        assertThat(source.next().value("n")).isEqualTo(new RawValue.Text("1"));

        source.close();
        source.close();

        assertThat(source.next()).isNull();
    }
}

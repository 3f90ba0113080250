package io.vlmeta.sources.xlsx;

import io.vlmeta.api.RawValue;
import io.vlmeta.api.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CellTypesTest {
    private static final String HEADER = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>file_fullpath</t></is></c>"
            + "<c r=\"B1\" t=\"inlineStr\"><is><t>b</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>c</t></is></c>"
            + "<c r=\"D1\" t=\"inlineStr\"><is><t>d</t></is></c></row>";

    @TempDir
    Path dir;

    private Record onlyRecord(XlsxPackageWriter writer) throws IOException {
        SheetReading reading = SheetReading.of(writer.write(dir.resolve("book.xlsx")));
        assertThat(reading.problems()).isEmpty();
        assertThat(reading.records()).hasSize(1);
        return reading.records().get(0);
    }

    private static String row(String cells) {
        return HEADER + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>img.jpg</t></is></c>" + cells + "</row>";
    }

    @Test
    void booleansBecomeTrueAndFalseText() throws IOException {
        Record record = onlyRecord(new XlsxPackageWriter().sheet("s", row(
                "<c r=\"B2\" t=\"b\"><v>1</v></c><c r=\"C2\" t=\"b\"><v>0</v></c>")));

        assertThat(record.values()).isEqualTo(Map.of("b", new RawValue.Text("true"), "c", new RawValue.Text("false")));
    }

    @Test
    void formulaResultsKeepTheTypeOfTheSavedResult() throws IOException {
        Record record = onlyRecord(new XlsxPackageWriter().sheet("s", row(
                "<c r=\"B2\" t=\"str\"><f>CONCAT(\"00\",\"7\")</f><v>007</v></c>"
                        + "<c r=\"C2\" t=\"b\"><f>1&gt;0</f><v>1</v></c>"
                        + "<c r=\"D2\"><f>6/2</f><v>3</v></c>")));

        assertThat(record.values()).isEqualTo(Map.of("b", new RawValue.Text("007"), "c", new RawValue.Text("true"),
                "d", new RawValue.Number(BigDecimal.valueOf(3))));
    }

    @Test
    void aStringFormulaWhoseSavedResultIsEmptyIsAnEmptyCellNotAnError() throws IOException {
        Record record = onlyRecord(new XlsxPackageWriter().sheet("s", row(
                "<c r=\"B2\" t=\"str\"><f>\"\"</f><v></v></c><c r=\"C2\" t=\"inlineStr\"><is><t>x</t></is></c>")));

        assertThat(record.values()).isEqualTo(Map.of("c", new RawValue.Text("x")));
    }

    @Test
    void integersLoseNoDigitsAndGainNoFraction() throws IOException {
        Record record = onlyRecord(new XlsxPackageWriter().sheet("s", row(
                "<c r=\"B2\"><v>42</v></c><c r=\"C2\" t=\"n\"><v>1E+20</v></c><c r=\"D2\"><v>-0.25</v></c>")));

        assertThat(record.value("b").display()).isEqualTo("42");
        assertThat(record.value("c").display()).isEqualTo("100000000000000000000");
        assertThat(record.value("d").display()).isEqualTo("-0.25");
    }

    @Test
    void dateCellsInThe1904SystemCountFromJanuaryFirst1904() throws IOException {
        Record record = onlyRecord(new XlsxPackageWriter().date1904().sheet("s", row(
                "<c r=\"B2\" s=\"1\"><v>0</v></c><c r=\"C2\" s=\"2\"><v>43844.4375</v></c><c r=\"D2\"><v>43844</v></c>")));

        assertThat(record.value("b")).isEqualTo(new RawValue.DateTime(LocalDateTime.of(1904, 1, 1, 0, 0), null));
        assertThat(record.value("c")).isEqualTo(new RawValue.DateTime(LocalDateTime.of(2024, 1, 15, 10, 30), null));
        assertThat(record.value("d")).isEqualTo(new RawValue.Number(BigDecimal.valueOf(43844)));
    }

    @Test
    void dateCellsInThe1900SystemCountFromTheEndOf1899() throws IOException {
        Record record = onlyRecord(new XlsxPackageWriter().sheet("s", row(
                "<c r=\"B2\" s=\"1\"><v>1</v></c><c r=\"C2\" s=\"2\"><v>45306.4375</v></c>")));

        assertThat(record.value("b")).isEqualTo(new RawValue.DateTime(LocalDateTime.of(1900, 1, 1, 0, 0), null));
        assertThat(record.value("c")).isEqualTo(new RawValue.DateTime(LocalDateTime.of(2024, 1, 15, 10, 30), null));
    }

    @Test
    void isoDateCellsKeepTheirOffsetOnlyWhenTheyWriteOne() throws IOException {
        Record record = onlyRecord(new XlsxPackageWriter().sheet("s", row(
                "<c r=\"B2\" t=\"d\"><v>2024-01-15T10:30:00</v></c><c r=\"C2\" t=\"d\"><v>2024-01-15T10:30:00Z</v></c>"
                        + "<c r=\"D2\" t=\"d\"><v>2024-01-16</v></c>")));

        assertThat(record.value("b")).isEqualTo(new RawValue.DateTime(LocalDateTime.of(2024, 1, 15, 10, 30), null));
        assertThat(record.value("c")).isEqualTo(new RawValue.DateTime(LocalDateTime.of(2024, 1, 15, 10, 30), ZoneOffset.UTC));
        assertThat(record.value("d")).isEqualTo(new RawValue.DateTime(LocalDateTime.of(2024, 1, 16, 0, 0), null));
    }

    @Test
    void sharedStringsKeepLeadingZerosAndSurroundingSpaces() throws IOException {
        Record record = onlyRecord(new XlsxPackageWriter().sharedStrings("00123", "  padded  ").sheet("s", row(
                "<c r=\"B2\" t=\"s\"><v>0</v></c><c r=\"C2\" t=\"s\"><v>1</v></c>")));

        assertThat(record.values()).isEqualTo(Map.of("b", new RawValue.Text("00123"), "c", new RawValue.Text("  padded  ")));
    }

    @Test
    void richInlineTextJoinsItsRunsAndLeavesOutThePhoneticGuide() throws IOException {
        Record record = onlyRecord(new XlsxPackageWriter().sheet("s", row(
                "<c r=\"B2\" t=\"inlineStr\"><is><r><t>Zü</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">rich </t></r>"
                        + "<rPh sb=\"0\" eb=\"1\"><t>ズ</t></rPh></is></c>")));

        assertThat(record.values()).isEqualTo(Map.of("b", new RawValue.Text("Zürich ")));
    }

    @Test
    void rowsAndCellsWithoutReferencesFollowTheirNeighbours() throws IOException {
        SheetReading reading = SheetReading.of(new XlsxPackageWriter().sheet("s",
                "<row><c t=\"inlineStr\"><is><t>file_fullpath</t></is></c><c t=\"inlineStr\"><is><t>b</t></is></c></row>"
                        + "<row r=\"3\"><c t=\"inlineStr\"><is><t>img3.jpg</t></is></c><c><v>3</v></c></row>"
                        + "<row><c r=\"B4\"><v>4</v></c><c t=\"inlineStr\"><is><t>beyond the header</t></is></c>"
                        + "<c r=\"A4\" t=\"inlineStr\"><is><t>img4.jpg</t></is></c></row>")
                .write(dir.resolve("book.xlsx")));

        assertThat(reading.rowNumbers()).containsExactly(3L, 4L);
        assertThat(reading.row(3).values()).isEqualTo(Map.of("b", new RawValue.Number(BigDecimal.valueOf(3))));
        assertThat(reading.row(4).key()).isEqualTo("img4.jpg");
        assertThat(reading.row(4).values()).isEqualTo(Map.of("b", new RawValue.Number(BigDecimal.valueOf(4))));
    }

    @Test
    void anErrorInTheKeyCellIsOneProblemAndTheRowIsLeftOut() throws IOException {
        SheetReading reading = SheetReading.of(new XlsxPackageWriter().sheet("s", HEADER
                + "<row r=\"2\"><c r=\"A2\" t=\"e\"><f>VLOOKUP(1,Z1:Z2,2)</f><v>#N/A</v></c><c r=\"B2\"><v>1</v></c></row>")
                .write(dir.resolve("book.xlsx")));

        assertThat(reading.records()).isEmpty();
        assertThat(reading.renderedProblems()).containsExactly("Row 2, field 'file_fullpath': Cell A2 holds the error"
                + " #N/A instead of a value; correct or clear it in the workbook (error cells are never uploaded).");
    }

    @Test
    void aNumberInADateFormatThatNoCalendarShowsIsAProblem() throws IOException {
        SheetReading reading = SheetReading.of(new XlsxPackageWriter().sheet("s",
                row("<c r=\"B2\" s=\"1\"><v>-3</v></c><c r=\"C2\"><v>-3</v></c>")).write(dir.resolve("book.xlsx")));

        assertThat(reading.records().get(0).values()).isEqualTo(Map.of("c", new RawValue.Number(BigDecimal.valueOf(-3))));
        assertThat(reading.renderedProblems()).containsExactly("Row 2, field 'b': Cell B2 holds -3 in a date format,"
                + " which is not a date a spreadsheet can show; enter a valid date.");
    }
}

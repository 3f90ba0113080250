package io.vlmeta.sources.xlsx;

import io.vlmeta.api.RawValue;
import io.vlmeta.api.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

/** A number cell is what its number format shows: a date, a time of day, a duration or a number. */
class NumberFormatCellsTest {
    private static final String HEADER = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>file_fullpath</t></is></c>"
            + "<c r=\"B1\" t=\"inlineStr\"><is><t>b</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>c</t></is></c>"
            + "<c r=\"D1\" t=\"inlineStr\"><is><t>d</t></is></c></row>";
    private static final String JAPANESE_FONT = "<font><sz val=\"11\"/><name val=\"游ゴシック\"/><family val=\"2\"/>"
            + "<charset val=\"128\"/></font>";
    private static final String TRADITIONAL_CHINESE_FONT = "<font><sz val=\"12\"/><name val=\"新細明體\"/>"
            + "<family val=\"2\"/><charset val=\"136\"/></font>";

    @TempDir
    Path dir;

    private static String row(String cells) {
        return HEADER + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>img.jpg</t></is></c>" + cells + "</row>";
    }

    /** Style 3 onwards: the given numFmt ids; 164 is {@code h:mm}, 165 {@code [h]:mm:ss}, 166 a Japanese era date. */
    private static XlsxPackageWriter book(int... numFmtIds) {
        return new XlsxPackageWriter().numberFormats("<numFmt numFmtId=\"164\" formatCode=\"h:mm\"/>"
                + "<numFmt numFmtId=\"165\" formatCode=\"[h]:mm:ss\"/>"
                + "<numFmt numFmtId=\"166\" formatCode=\"[$-411]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
                + "<numFmt numFmtId=\"100\" formatCode=\"[mm]:ss\"/>", numFmtIds);
    }

    private SheetReading read(XlsxPackageWriter writer) throws IOException {
        return SheetReading.of(writer.write(dir.resolve("book.xlsx")));
    }

    private Record onlyRecord(XlsxPackageWriter writer) throws IOException {
        SheetReading reading = read(writer);
        assertThat(reading.problems()).isEmpty();
        assertThat(reading.records()).hasSize(1);
        return reading.records().get(0);
    }

    @Test
    void eastAsianBuiltinDateIdWithoutANumFmtEntryIsADate() throws IOException {
        Record record = onlyRecord(book(31, 57, 27).sheet("s", row(
                "<c r=\"B2\" s=\"3\"><v>45306</v></c><c r=\"C2\" s=\"4\"><v>45306</v></c><c r=\"D2\" s=\"5\"><v>45306.5</v></c>")));

        assertThat(record.value("b")).isEqualTo(new RawValue.DateTime(LocalDateTime.of(2024, 1, 15, 0, 0), null));
        assertThat(record.value("c")).isEqualTo(new RawValue.DateTime(LocalDateTime.of(2024, 1, 15, 0, 0), null));
        assertThat(record.value("d")).isEqualTo(new RawValue.DateTime(LocalDateTime.of(2024, 1, 15, 12, 0), null));
    }

    @Test
    void customDateFormatWithALocalePrefixAndQuotedTextIsADate() throws IOException {
        Record record = onlyRecord(book(166).sheet("s", row("<c r=\"B2\" s=\"3\"><v>45306</v></c>")));

        assertThat(record.value("b")).isEqualTo(new RawValue.DateTime(LocalDateTime.of(2024, 1, 15, 0, 0), null));
    }

    @Test
    void timeOfDayFormatGivesATimeOfDayNotADayIn1899() throws IOException {
        Record record = onlyRecord(book(164, 20, 18).sheet("s", row(
                "<c r=\"B2\" s=\"3\"><v>0.4375</v></c><c r=\"C2\" s=\"4\"><v>0.4375</v></c><c r=\"D2\" s=\"5\"><v>0.75</v></c>")));

        assertThat(record.value("b")).isEqualTo(new RawValue.TimeOfDay(LocalTime.of(10, 30), "10:30"));
        assertThat(record.value("c")).isEqualTo(new RawValue.TimeOfDay(LocalTime.of(10, 30), "10:30"));
        assertThat(record.value("d")).isEqualTo(new RawValue.TimeOfDay(LocalTime.of(18, 0), "6:00 PM"));
    }

    @Test
    void aTimeOrDurationCarriesTheTextItsFormatShowsForTextFields() throws IOException {
        Record record = onlyRecord(book(100, 45, 165).sheet("s", row(
                "<c r=\"B2\" s=\"3\"><v>0.01</v></c><c r=\"C2\" s=\"4\"><v>0.02</v></c>"
                        + "<c r=\"D2\" s=\"5\"><v>0.0625</v></c>")));

        // what Excel shows: [mm]:ss of 0.01 day is 14:24, mm:ss (id 45) of 0.02 day is 28:48
        assertThat(record.value("b").display()).isEqualTo("14:24");
        assertThat(record.value("c").display()).isEqualTo("28:48");
        assertThat(record.value("d").display()).isEqualTo("1:30:00");
    }

    @Test
    void timeOfDayFormatShowsOnlyTheTimeOfADateTimeSerial() throws IOException {
        Record record = onlyRecord(book(21).sheet("s", row("<c r=\"B2\" s=\"3\"><v>45306.4375</v></c>")));

        assertThat(record.value("b")).isEqualTo(new RawValue.TimeOfDay(LocalTime.of(10, 30), "10:30:00"));
    }

    @Test
    void elapsedFormatsGiveADurationNotADateIn1900() throws IOException {
        Record record = onlyRecord(book(165, 46, 100).sheet("s", row(
                "<c r=\"B2\" s=\"3\"><v>1.5</v></c><c r=\"C2\" s=\"4\"><v>1.5</v></c><c r=\"D2\" s=\"5\"><v>0.0625</v></c>")));

        assertThat(record.value("b")).isEqualTo(new RawValue.Duration(Duration.ofHours(36), "36:00:00"));
        assertThat(record.value("c").display()).isEqualTo("36:00:00");
        assertThat(record.value("d")).isEqualTo(new RawValue.Duration(Duration.ofMinutes(90), "90:00"));
    }

    @Test
    void aDateTimeFormatOnDayZeroHoldsATimeOfDayWithoutADate() throws IOException {
        Record record = onlyRecord(new XlsxPackageWriter().sheet("s", row("<c r=\"B2\" s=\"2\"><v>0.4375</v></c>")));

        assertThat(record.value("b")).isEqualTo(new RawValue.TimeOfDay(LocalTime.of(10, 30)));
    }

    @Test
    void the1900LeapYearBugsDayIsRefusedAndTheDaysAroundItAreRight() throws IOException {
        SheetReading reading = read(new XlsxPackageWriter().sheet("s", row(
                "<c r=\"B2\" s=\"1\"><v>59</v></c><c r=\"C2\" s=\"1\"><v>60</v></c><c r=\"D2\" s=\"1\"><v>61</v></c>")));

        Record record = reading.records().get(0);
        assertThat(record.value("b")).isEqualTo(new RawValue.DateTime(LocalDateTime.of(1900, 2, 28, 0, 0), null));
        assertThat(record.value("d")).isEqualTo(new RawValue.DateTime(LocalDateTime.of(1900, 3, 1, 0, 0), null));
        assertThat(record.values()).doesNotContainKey("c");
        assertThat(reading.renderedProblems()).containsExactly("Row 2, field 'c': Cell C2 holds 60 in a date format,"
                + " which Excel shows as 29 February 1900, a day that never was (a leap-year error Excel keeps from"
                + " Lotus 1-2-3); enter the real date.");
    }

    @Test
    void lastDayExcelShowsIsADateAndTheNextIsRefused() throws IOException {
        SheetReading reading = read(new XlsxPackageWriter().sheet("s", row(
                "<c r=\"B2\" s=\"1\"><v>2958465</v></c><c r=\"C2\" s=\"1\"><v>2958466</v></c>")));

        assertThat(reading.records().get(0).value("b"))
                .isEqualTo(new RawValue.DateTime(LocalDateTime.of(9999, 12, 31, 0, 0), null));
        assertThat(reading.renderedProblems()).containsExactly("Row 2, field 'c': Cell C2 holds 2958466 in a date"
                + " format, which is not a date a spreadsheet can show; enter a valid date.");
    }

    @Test
    void theIdsWhoseMeaningDependsOnTheLanguageAreRefusedWhenTheWorkbookDoesNotSayIt() throws IOException {
        SheetReading reading = read(book(34).sheet("s", row("<c r=\"B2\" s=\"3\"><v>45306</v></c>")));

        assertThat(reading.records().get(0).values()).isEmpty();
        assertThat(reading.renderedProblems()).containsExactly("Row 2, field 'b': Cell B2 uses Excel's built-in number"
                + " format 34, which Japanese and Korean Excel show as a date and Chinese Excel as a time of day, and"
                + " the workbook does not say which wrote it; give the column a date or time format of its own"
                + " (Format Cells, Custom) and save the workbook again.");
    }

    @Test
    void theDefaultFontsScriptTellsTheLanguageOfTheIdsThatDependOnIt() throws IOException {
        Record japanese = onlyRecord(book(34, 55).defaultFont(JAPANESE_FONT).sheet("s", row(
                "<c r=\"B2\" s=\"3\"><v>45306</v></c><c r=\"C2\" s=\"4\"><v>45306</v></c>")));
        Record chinese = onlyRecord(book(34, 55).defaultFont(TRADITIONAL_CHINESE_FONT).sheet("s", row(
                "<c r=\"B2\" s=\"3\"><v>0.4375</v></c><c r=\"C2\" s=\"4\"><v>0.4375</v></c>")));

        assertThat(japanese.value("b")).isEqualTo(new RawValue.DateTime(LocalDateTime.of(2024, 1, 15, 0, 0), null));
        assertThat(japanese.value("c")).isEqualTo(new RawValue.DateTime(LocalDateTime.of(2024, 1, 15, 0, 0), null));
        assertThat(chinese.value("b")).isEqualTo(new RawValue.TimeOfDay(LocalTime.of(10, 30)));
        assertThat(chinese.value("c")).isEqualTo(new RawValue.TimeOfDay(LocalTime.of(10, 30)));
    }

    @Test
    void aNegativeNumberInATimeFormatIsRefused() throws IOException {
        SheetReading reading = read(book(20).sheet("s", row("<c r=\"B2\" s=\"3\"><v>-0.25</v></c>")));

        assertThat(reading.renderedProblems()).containsExactly("Row 2, field 'b': Cell B2 holds -0.25 in a time"
                + " format, which is not a time of day a spreadsheet can show; enter a valid time.");
    }

    @Test
    void the1904SystemMovesDatesButNotTimesOrDurations() throws IOException {
        Record record = onlyRecord(book(31, 20, 46).date1904().sheet("s", row(
                "<c r=\"B2\" s=\"3\"><v>43844</v></c><c r=\"C2\" s=\"4\"><v>0.4375</v></c><c r=\"D2\" s=\"5\"><v>1.5</v></c>")));

        assertThat(record.value("b")).isEqualTo(new RawValue.DateTime(LocalDateTime.of(2024, 1, 15, 0, 0), null));
        assertThat(record.value("c")).isEqualTo(new RawValue.TimeOfDay(LocalTime.of(10, 30), "10:30"));
        assertThat(record.value("d")).isEqualTo(new RawValue.Duration(Duration.ofHours(36), "36:00:00"));
    }

    @Test
    void aFormatTheWorkbookSpellsOutIsReadByItsCodeWhateverItsId() throws IOException {
        Record record = onlyRecord(book(100, 49, 1).sheet("s", row(
                "<c r=\"B2\" s=\"3\"><v>0.0625</v></c><c r=\"C2\" s=\"4\"><v>45306</v></c><c r=\"D2\" s=\"5\"><v>45306</v></c>")));

        assertThat(record.value("b")).isEqualTo(new RawValue.Duration(Duration.ofMinutes(90), "90:00"));
        assertThat(record.value("c")).isEqualTo(new RawValue.Number(BigDecimal.valueOf(45306)));
        assertThat(record.value("d")).isEqualTo(new RawValue.Number(BigDecimal.valueOf(45306)));
    }
}

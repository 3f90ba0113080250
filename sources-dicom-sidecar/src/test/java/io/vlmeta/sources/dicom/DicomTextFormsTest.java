package io.vlmeta.sources.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The text forms the three inputs use: DICOM dates and times, Python list text, converter names, garbled text. */
class DicomTextFormsTest {

    @Test
    void datesReadDicomAndSeparatedFormsAndRefuseImpossibleOnes() {
        assertThat(DicomDates.date("20040119")).contains(LocalDate.of(2004, 1, 19));
        assertThat(DicomDates.date("2004-01-19")).contains(LocalDate.of(2004, 1, 19));
        assertThat(DicomDates.date("2004.01.19")).as("ACR-NEMA form").contains(LocalDate.of(2004, 1, 19));
        assertThat(DicomDates.date("20240230")).isEmpty();
        assertThat(DicomDates.date("19/01/2004")).isEmpty();
    }

    @Test
    void timesAcceptEveryPartialPrecisionAndKeepTheFractionAsWritten() {
        assertThat(DicomDates.time("07")).contains(new DicomDates.TimeOfDay(LocalTime.of(7, 0), "07:00:00"));
        assertThat(DicomDates.time("0730")).contains(new DicomDates.TimeOfDay(LocalTime.of(7, 30), "07:30:00"));
        assertThat(DicomDates.time("072730.1")).contains(new DicomDates.TimeOfDay(LocalTime.of(7, 27, 30, 100_000_000), "07:27:30.1"));
        assertThat(DicomDates.time("11:29:36.000000")).contains(new DicomDates.TimeOfDay(LocalTime.of(11, 29, 36), "11:29:36.000000"));
        assertThat(DicomDates.time("235960")).as("leap second").contains(new DicomDates.TimeOfDay(LocalTime.of(23, 59, 59), "23:59:60"));
        assertThat(DicomDates.time("2400")).isEmpty();
        assertThat(DicomDates.time("7")).isEmpty();
    }

    @Test
    void dateTimesReadPartialValuesOffsetsAndIsoForm() {
        assertThat(DicomDates.dateTime("200401")).contains(new DicomDates.DateTimeValue(LocalDateTime.of(2004, 1, 1, 0, 0), null));
        assertThat(DicomDates.dateTime("20040119072730.123456+0100")).contains(new DicomDates.DateTimeValue(
                LocalDateTime.of(2004, 1, 19, 7, 27, 30, 123_456_000), ZoneOffset.ofHours(1)));
        assertThat(DicomDates.dateTime("1997-04-30T11:29:36.000000")).contains(new DicomDates.DateTimeValue(
                LocalDateTime.of(1997, 4, 30, 11, 29, 36), null));
        assertThat(DicomDates.dateTime("20041319")).isEmpty();
        assertThat(DicomDates.offset("-0400")).contains(ZoneOffset.ofHours(-4));
        assertThat(DicomDates.offset("+2500")).isEmpty();
    }

    @Test
    void pythonListTextReadsQuotedAndBareItems() {
        assertThat(PythonListText.parse("['ORIGINAL', 'PRIMARY', 'WHOLE BODY']")).contains(List.of("ORIGINAL", "PRIMARY", "WHOLE BODY"));
        assertThat(PythonListText.parse("[\"it's\", 'a\\'b']")).contains(List.of("it's", "a'b"));
        assertThat(PythonListText.parse("[0.5, 2]")).contains(List.of("0.5", "2"));
        assertThat(PythonListText.parse("[]")).contains(List.of());
        assertThat(PythonListText.parse("['open")).isEmpty();
        assertThat(PythonListText.parse("['a' 'b']")).isEmpty();
        assertThat(PythonListText.parse("e+1")).isEmpty();
    }

    @Test
    void snakeCaseMatchesTheConverterColumnsOfTheFixture() throws java.io.IOException {
        assertThat(SnakeCase.of("SOPInstanceUID")).isEqualTo("sop_instance_uid");
        assertThat(SnakeCase.of("PatientID")).isEqualTo("patient_id");
        assertThat(SnakeCase.of("XRayTubeCurrent")).isEqualTo("x_ray_tube_current");
        String header = java.nio.file.Files.readAllLines(Fixtures.converterCsv()).get(0);
        List<String> ownColumns = List.of("image_filename", "original_dicom_path", "series_folder", "conversion_timestamp");
        for (String column : header.split(",")) {
            if (!ownColumns.contains(column)) {
                Optional<DictionaryEntry> entry = DicomDictionary.standard().bySnakeName(column);
                assertThat(entry).as(column).isPresent();
                assertThat(SnakeCase.of(entry.orElseThrow().keyword())).isEqualTo(column);
            }
        }
    }

    @Test
    void garbledTextIsRepairedOnlyWithEvidence() {
        assertThat(MisdecodedText.repair("Yamada^Tarou=\u001b$B;3ED\u001b(B^\u001b$BB@O:\u001b(B")).isEqualTo("Yamada^Tarou=山田^太郎");
        assertThat(MisdecodedText.repair("\u00e7\u008e\u008b")).isEqualTo("王");
        assertThat(MisdecodedText.repair("Äneas^Rüdiger")).as("Latin-1 that is not UTF-8").isEqualTo("Äneas^Rüdiger");
        assertThat(MisdecodedText.repair("山田")).isEqualTo("山田");
    }
}

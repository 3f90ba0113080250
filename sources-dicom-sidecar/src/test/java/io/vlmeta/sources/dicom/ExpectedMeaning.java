package io.vlmeta.sources.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.RawValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a raw value with the text pydicom gave for the same attribute by meaning: {@code "19970430"}
 * is the date-time 1997-04-30T00:00Z, {@code "112936"} the time text 11:29:36,
 * {@code "['ORIGINAL', 'PRIMARY']"} a list of two codes, {@code "5.000000"} the number 5.
 */
final class ExpectedMeaning {
    private static final Set<String> DATES = Set.of("StudyDate", "SeriesDate", "AcquisitionDate");
    private static final Set<String> TIMES = Set.of("StudyTime", "SeriesTime", "AcquisitionTime");
    private static final Set<String> CODE_LISTS = Set.of("ImageType");
    private static final Set<String> NUMBER_VECTORS = Set.of("PixelSpacing");
    private static final Set<String> NUMBERS = Set.of("Columns", "Rows", "InstanceNumber", "SeriesNumber", "SliceThickness",
            "WindowCenter", "WindowWidth");

    private ExpectedMeaning() {
    }

    /** Every fact pydicom read is in the record with the same meaning. */
    static void assertRecordMeans(String file, Map<String, String> facts, java.util.function.Function<String, RawValue> actual) {
        facts.forEach((keyword, expected) -> assertMeans(file, keyword, expected, actual.apply(keyword)));
    }

    static void assertMeans(String file, String keyword, String expected, RawValue actual) {
        String where = file + " " + keyword;
        if (DATES.contains(keyword)) {
            LocalDate date = LocalDate.parse(expected, DateTimeFormatter.BASIC_ISO_DATE);
            assertThat(actual).as(where).isEqualTo(new RawValue.DateTime(date.atStartOfDay(), ZoneOffset.UTC));
        } else if (TIMES.contains(keyword)) {
            // the text is HH:MM:SS with the fraction as the file wrote it, e.g. 11:29:36.000000
            assertThat(actual).as(where).isInstanceOf(RawValue.Text.class);
            LocalTime time = LocalTime.parse(expected, DateTimeFormatter.ofPattern("HHmmss"));
            assertThat(LocalTime.parse(((RawValue.Text) actual).value())).as(where).isEqualTo(time);
        } else if (CODE_LISTS.contains(keyword)) {
            List<RawValue> codes = pythonList(expected).stream().<RawValue>map(RawValue.Text::new).toList();
            assertThat(actual).as(where).isEqualTo(new RawValue.ListValue(codes));
        } else if (NUMBER_VECTORS.contains(keyword)) {
            assertThat(actual).as(where).isInstanceOf(RawValue.Text.class);
            List<String> items = Arrays.asList(((RawValue.Text) actual).value().split("\\\\"));
            List<String> wanted = pythonList(expected);
            assertThat(items).as(where).hasSameSizeAs(wanted);
            for (int i = 0; i < items.size(); i++) {
                assertThat(new BigDecimal(items.get(i))).as(where).isEqualByComparingTo(wanted.get(i));
            }
        } else if (NUMBERS.contains(keyword)) {
            assertThat(actual).as(where).isInstanceOf(RawValue.Number.class);
            assertThat(((RawValue.Number) actual).value()).as(where).isEqualByComparingTo(expected);
        } else {
            assertThat(actual).as(where).isEqualTo(new RawValue.Text(expected));
        }
    }

    /** The Python list text pydicom printed: {@code ['A', 'B']}. */
    private static List<String> pythonList(String text) {
        String inner = text.substring(1, text.length() - 1);
        return Arrays.stream(inner.split(", ")).map(item -> item.substring(1, item.length() - 1)).toList();
    }
}

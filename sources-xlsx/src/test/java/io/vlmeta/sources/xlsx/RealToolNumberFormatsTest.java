package io.vlmeta.sources.xlsx;

import io.vlmeta.api.Problem;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.Record;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workbooks written by xlsxwriter, openpyxl, pandas, LibreOffice and Gnumeric (see
 * {@code number-formats/README.md}): every data row holds one number cell in one number format and,
 * in column {@code expected}, what that cell is. Each file's rows must all read as expected.
 */
class RealToolNumberFormatsTest {

    /**
     * Where a converting program rewrote a built-in format into its own, the cell is what that program's
     * format shows: LibreOffice turns the locale-dependent id 34 into {@code h:mm:ss}; Gnumeric does not
     * know the East-Asian ids and saves those cells in the General format, as plain numbers.
     */
    private static final Map<String, Map<String, String>> REWRITTEN = Map.of(
            "libreoffice.xlsx", Map.of("id 34", "time 00:00"),
            "gnumeric.xlsx", gnumericGeneral());

    private static Map<String, String> gnumericGeneral() {
        Map<String, String> general = new java.util.HashMap<>();
        for (int id : new int[] {27, 28, 29, 30, 31, 34, 36, 50, 51, 54, 57, 58}) {
            general.put("id " + id, "number 45306");
        }
        general.put("id 32", "number 0.4375");
        general.put("id 33", "number 0.4375");
        return Map.copyOf(general);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsxwriter.xlsx", "xlsxwriter-1904.xlsx", "libreoffice.xlsx", "libreoffice-1904.xlsx",
            "gnumeric.xlsx", "openpyxl.xlsx", "openpyxl-1904.xlsx", "pandas-openpyxl.xlsx", "pandas-xlsxwriter.xlsx",
            "japanese-locale-ids.xlsx", "traditional-chinese-locale-ids.xlsx"})
    void everyCellReadsAsWhatItsNumberFormatShows(String file) throws URISyntaxException {
        SheetReading reading = SheetReading.of(resource(file));
        Map<String, String> rewritten = REWRITTEN.getOrDefault(file, Map.of());
        List<String> mismatches = new ArrayList<>();
        for (Record record : reading.records()) {
            String format = record.value("format").display();
            String expected = rewritten.getOrDefault(format, record.value("expected").display());
            String actual = rendered(record, reading.problems());
            if (!actual.equals(expected)) {
                mismatches.add("row " + record.location().row() + " (" + format + "): expected " + expected
                        + ", read " + actual);
            }
        }
        assertThat(reading.records()).isNotEmpty();
        assertThat(mismatches).isEmpty();
    }

    static Path resource(String file) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(RealToolNumberFormatsTest.class.getResource("/number-formats/" + file),
                file).toURI());
    }

    private static String rendered(Record record, List<Problem> problems) {
        RawValue value = record.value("value");
        if (value instanceof RawValue.DateTime dateTime) {
            return "date " + dateTime.display();
        }
        // the value itself, not the text the sheet shows for it (NumberFormatCellsTest checks that)
        if (value instanceof RawValue.TimeOfDay time) {
            return "time " + new RawValue.TimeOfDay(time.time()).display();
        }
        if (value instanceof RawValue.Duration duration) {
            return "duration " + new RawValue.Duration(duration.duration()).display();
        }
        if (value instanceof RawValue.Number number) {
            return "number " + number.display();
        }
        if (value instanceof RawValue.Text text) {
            return "text " + text.value();
        }
        boolean refused = problems.stream().anyMatch(problem -> problem.render().startsWith(
                "Row " + record.location().row() + ", field 'value': "));
        return refused ? "refused" : "missing";
    }
}

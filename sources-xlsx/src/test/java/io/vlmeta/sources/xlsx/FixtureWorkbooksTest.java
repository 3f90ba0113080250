package io.vlmeta.sources.xlsx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vlmeta.api.Location;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.Record;
import io.vlmeta.api.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The same book written by openpyxl and saved by LibreOffice and Gnumeric must read alike. */
class FixtureWorkbooksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    @ParameterizedTest
    @ValueSource(strings = {"openpyxl.xlsx", "libreoffice.xlsx", "gnumeric.xlsx"})
    void cellsKeepTheTypesTheExpectedFileGives(String fixture) throws IOException {
        JsonNode expected = JSON.readTree(SharedFixtures.xlsx("openpyxl.expected.json").toFile());
        SheetReading reading = SheetReading.of(SharedFixtures.xlsx(fixture), expected.get("sheet").asText());

        for (Iterator<Map.Entry<String, JsonNode>> rows = expected.get("rows").fields(); rows.hasNext(); ) {
            Map.Entry<String, JsonNode> row = rows.next();
            Record record = reading.row(Long.parseLong(row.getKey()));
            for (Iterator<Map.Entry<String, JsonNode>> cells = row.getValue().fields(); cells.hasNext(); ) {
                Map.Entry<String, JsonNode> cell = cells.next();
                String column = cell.getKey();
                String context = fixture + " row " + row.getKey() + " " + column;
                switch (column) {
                    case "file_fullpath" -> assertThat(record.key()).as(context).isEqualTo(cell.getValue().asText());
                    case "notes_length" -> assertThat(record.value("notes")).as(context)
                            .isEqualTo(new RawValue.Text("x".repeat(cell.getValue().asInt())));
                    case "score_formula", "score_cached" -> { } // the formula cell: see the tests below
                    default -> assertCell(context, cell.getValue(), record.value(column));
                }
            }
        }
    }

    private static void assertCell(String context, JsonNode expected, RawValue actual) {
        if (expected.isNull() || expected.asText().startsWith("error cell")) {
            assertThat(actual).as(context).isEqualTo(RawValue.Missing.INSTANCE);
        } else if (expected.isNumber()) {
            assertThat(actual).as(context).isInstanceOf(RawValue.Number.class);
            assertThat(((RawValue.Number) actual).value()).as(context).isEqualByComparingTo(expected.decimalValue());
        } else if (expected.isArray()) {
            List<String> items = new ArrayList<>();
            expected.forEach(item -> items.add(item.asText()));
            assertThat(listItems(actual)).as(context).isEqualTo(items);
        } else if (actual instanceof RawValue.DateTime dateTime) {
            assertThat(dateTime.offset()).as(context).isNull();
            assertThat(dateTime.dateTime().atOffset(ZoneOffset.UTC).format(UTC_SECONDS)).as(context)
                    .isEqualTo(expected.asText());
        } else if (actual instanceof RawValue.Text text && text.value().matches("\\d{4}-\\d{2}-\\d{2}")) {
            // a date typed as text stays text; the datetime field type reads it at midnight
            assertThat(text.value() + "T00:00:00Z").as(context).isEqualTo(expected.asText());
        } else {
            assertThat(actual).as(context).isEqualTo(new RawValue.Text(expected.asText()));
        }
    }

    // multi-enum cells are text in both forms the field type accepts: "a, b" and ["a", "b"]
    private static List<String> listItems(RawValue actual) {
        assertThat(actual).isInstanceOf(RawValue.Text.class);
        String text = ((RawValue.Text) actual).value();
        if (text.startsWith("[")) {
            try {
                List<String> items = new ArrayList<>();
                JSON.readTree(text).forEach(item -> items.add(item.asText()));
                return items;
            } catch (IOException e) {
                throw new AssertionError(text, e);
            }
        }
        return Arrays.stream(text.split(",")).map(String::strip).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"libreoffice.xlsx", "gnumeric.xlsx"})
    void formulaCellGivesItsSavedResultAsANumber(String fixture) throws IOException {
        JsonNode expected = JSON.readTree(SharedFixtures.xlsx("openpyxl.expected.json").toFile()).at("/rows/8");

        Record record = SheetReading.of(SharedFixtures.xlsx(fixture)).row(8);

        assertThat(record.key()).isEqualTo(expected.get("file_fullpath").asText());
        assertThat(record.value("score")).isEqualTo(new RawValue.Number(new BigDecimal(expected.get("score_cached").asText())));
    }

    @Test
    void formulaWithoutSavedResultIsAProblemNamingTheCellAndTheFormula() {
        SheetReading reading = SheetReading.of(SharedFixtures.xlsx("openpyxl.xlsx"));

        assertThat(reading.row(8).value("score")).isEqualTo(RawValue.Missing.INSTANCE);
        String file = SharedFixtures.xlsx("openpyxl.xlsx").toString();
        assertThat(reading.problems()).containsExactly(
                new Problem(Severity.ERROR, ProblemCategory.INPUT, new Location(file, "metadata", 6), "notes",
                        "Cell H6 holds the formula =not a formula but no saved result (the program that wrote the"
                                + " file did not calculate it); open the file in a spreadsheet program and save it so"
                                + " the results are stored."),
                new Problem(Severity.ERROR, ProblemCategory.INPUT, new Location(file, "metadata", 8), "score",
                        "Cell C8 holds the formula =C2*2 but no saved result (the program that wrote the file did"
                                + " not calculate it); open the file in a spreadsheet program and save it so the"
                                + " results are stored."));
    }

    @Test
    void errorCellsAreProblemsNeverText() {
        assertThat(SheetReading.of(SharedFixtures.xlsx("libreoffice.xlsx")).renderedProblems()).containsExactly(
                "Row 6, field 'notes': Cell H6 holds the error #VALUE! instead of a value; correct or clear it in"
                        + " the workbook (error cells are never uploaded).");
        assertThat(SheetReading.of(SharedFixtures.xlsx("gnumeric.xlsx")).renderedProblems()).containsExactly(
                "Row 6, field 'notes': Cell H6 holds the error #\"not a formula\" instead of a value; correct or"
                        + " clear it in the workbook (error cells are never uploaded).");
    }

    @Test
    void allThreeProgramsYieldTheSameRecordsApartFromTheUncalculatedFormula() {
        SheetReading openpyxl = SheetReading.of(SharedFixtures.xlsx("openpyxl.xlsx"));
        SheetReading libreoffice = SheetReading.of(SharedFixtures.xlsx("libreoffice.xlsx"));
        SheetReading gnumeric = SheetReading.of(SharedFixtures.xlsx("gnumeric.xlsx"));

        assertThat(openpyxl.rowNumbers()).containsExactly(2L, 3L, 4L, 5L, 6L, 8L);
        assertThat(comparable(libreoffice)).isEqualTo(comparable(gnumeric));
        List<String> withoutRow8 = comparable(libreoffice).subList(0, 5);
        assertThat(comparable(openpyxl).subList(0, 5)).isEqualTo(withoutRow8);
        assertThat(libreoffice.columns()).isEqualTo(openpyxl.columns()).isEqualTo(gnumeric.columns())
                .containsExactly("patient_id", "score", "created_at", "status", "tags", "pdf_url", "notes");
    }

    private static List<String> comparable(SheetReading reading) {
        return reading.records().stream()
                .map(record -> record.location().row() + " " + record.key() + " " + new java.util.TreeMap<>(record.values()))
                .toList();
    }
}

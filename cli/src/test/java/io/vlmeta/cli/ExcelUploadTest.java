package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Workbooks written by openpyxl, LibreOffice and Gnumeric, uploaded through the command line to the
 * emulator: typed cells arrive typed, and cells without a value stop the job only when their column is sent.
 */
class ExcelUploadTest {
    private static final List<String> FILES = List.of("images/img1.jpg", "images/img2.jpg", "images/img3.jpg",
            "images/img4.jpg", "images/img5.jpg", "images/img6.jpg");
    private static final List<String> FIELDS_BUT_SCORE = List.of("--string-fields", "patient_id",
            "--datetime-fields", "created_at", "--enum-fields", "status", "--multi-enum-fields", "tags",
            "--link-fields", "pdf_url");
    private static final JsonNode EXPECTED = SharedFixtures.json(SharedFixtures.XLSX.resolve("openpyxl.expected.json"))
            .get("rows");

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    private CliRun upload(String dataset, String workbook, List<String> fields) {
        EMULATOR.emulator().addDataset(dataset, FILES);
        List<String> args = new ArrayList<>(List.of("upload", "--input",
                SharedFixtures.XLSX.resolve(workbook).toString(), "--dataset-id", dataset, "--base-url",
                EMULATOR.emulator().baseUrl(), "--state-dir", dir.resolve("state").toString(),
                "--sink-option", "poll-interval-ms=20"));
        args.addAll(fields);
        return CliRun.of(Map.of(), dir, args.toArray(String[]::new));
    }

    private static List<String> withScore() {
        List<String> fields = new ArrayList<>(FIELDS_BUT_SCORE);
        fields.addAll(List.of("--float-fields", "score"));
        return fields;
    }

    /** Rows 2 to 6 hold images 1 to 5; row 7 is empty; row 8 holds image 6. */
    private static String fileOfRow(int row) {
        return FILES.get(row == 8 ? 5 : row - 2);
    }

    /** @return what the expected file says the column's cells become, by media id, for the rows it names */
    private static Map<String, Object> expected(String dataset, String column) {
        Map<String, Object> values = new HashMap<>();
        EXPECTED.fields().forEachRemaining(row -> {
            JsonNode value = row.getValue().get(column);
            if (value != null) {
                values.put(EMULATOR.emulator().mediaId(dataset, fileOfRow(Integer.parseInt(row.getKey()))),
                        SharedFixtures.plain(value));
            }
        });
        return values;
    }

    private static Object stored(String dataset, String field, int row) {
        return EMULATOR.emulator().values(dataset, field).get(EMULATOR.emulator().mediaId(dataset, fileOfRow(row)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"libreoffice.xlsx", "gnumeric.xlsx"})
    void uploadsEveryTypedCellAsTheWorkbookHoldsIt(String workbook) {
        String dataset = workbook.replace(".xlsx", "");

        CliRun run = upload(dataset, workbook, withScore());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("Validation passed: 6 rows, 6 fields\n")
                .endsWith("Successfully uploaded: 6/6 fields\n");
        Map<String, Object> scores = new HashMap<>(expected(dataset, "score"));
        scores.remove(EMULATOR.emulator().mediaId(dataset, fileOfRow(5))); // its cell is empty: nothing is sent
        scores.put(EMULATOR.emulator().mediaId(dataset, fileOfRow(8)),
                SharedFixtures.plain(EXPECTED.get("8").get("score_cached")));
        assertThat(EMULATOR.emulator().values(dataset, "score")).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(scores);
        assertThat(EMULATOR.emulator().values(dataset, "created_at")).isEqualTo(expected(dataset, "created_at"));
        assertThat(stored(dataset, "patient_id", 2)).isEqualTo("P001");
        assertThat(stored(dataset, "patient_id", 3)).isEqualTo("00123");
        assertThat(stored(dataset, "tags", 2)).isEqualTo(List.of("tag1", "tag2"));
        assertThat(stored(dataset, "tags", 3)).isEqualTo(List.of("tag3", "tag4"));
        assertThat(stored(dataset, "status", 2)).isEqualTo("active");
        assertThat(stored(dataset, "pdf_url", 2)).isEqualTo("https://example.com/doc.pdf");
        assertThat(stored(dataset, "pdf_url", 6)).isEqualTo("https://example.com/a?b=c&d=e");
    }

    @Test
    void uploadsOpenpyxlsWorkbookWhenItsUncalculatedFormulaColumnIsNotSelected() {
        CliRun run = upload("openpyxl", "openpyxl.xlsx", FIELDS_BUT_SCORE);

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(EMULATOR.emulator().values("openpyxl", "created_at"))
                .isEqualTo(expected("openpyxl", "created_at"));
        assertThat(stored("openpyxl", "patient_id", 3)).isEqualTo("00123");
        assertThat(stored("openpyxl", "tags", 3)).isEqualTo(List.of("tag3", "tag4"));
        assertThat(EMULATOR.emulator().schema("openpyxl")).extracting(field -> field.get("field_name"))
                .containsExactly("patient_id", "created_at", "status", "tags", "pdf_url");
    }

    @Test
    void refusesAFormulaWithoutASavedResultNamingItsCell() {
        CliRun run = upload("openpyxl-score", "openpyxl.xlsx", withScore());

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        assertThat(run.out()).contains("  - Row 8, field 'score': Cell C8 holds the formula =C2*2 but no saved "
                + "result (the program that wrote the file did not calculate it); open the file in a spreadsheet "
                + "program and save it so the results are stored.\n");
        assertThat(EMULATOR.emulator().schema("openpyxl-score")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"openpyxl.xlsx", "libreoffice.xlsx", "gnumeric.xlsx"})
    void refusesTheErrorCellNamingItWhenItsColumnIsSelected(String workbook) {
        String dataset = "notes-" + workbook.replace(".xlsx", "");

        CliRun run = upload(dataset, workbook, List.of("--string-fields", "notes", "--string-max-length", "300"));

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        assertThat(run.out()).contains("Validation failed: 1 error in 6 rows\n")
                .contains("  - Row 6, field 'notes': Cell H6 holds ");
        assertThat(EMULATOR.emulator().schema(dataset)).isEmpty();
    }

    @Test
    void namesWhatTheErrorCellHolds() {
        CliRun libreoffice = upload("error-libreoffice", "libreoffice.xlsx", List.of("--string-fields", "notes",
                "--string-max-length", "300"));
        CliRun openpyxl = upload("error-openpyxl", "openpyxl.xlsx", List.of("--string-fields", "notes",
                "--string-max-length", "300"));

        assertThat(libreoffice.out()).contains("  - Row 6, field 'notes': Cell H6 holds the error #VALUE! instead "
                + "of a value; correct or clear it in the workbook (error cells are never uploaded).\n");
        assertThat(openpyxl.out()).contains("  - Row 6, field 'notes': Cell H6 holds the formula =not a formula but "
                + "no saved result (the program that wrote the file did not calculate it); open the file in a "
                + "spreadsheet program and save it so the results are stored.\n");
    }
}

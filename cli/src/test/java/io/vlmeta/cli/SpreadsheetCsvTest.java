package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV files as spreadsheets write them, through the real command line and the emulator over HTTP.
 * The files are {@code sources-csv}'s fixtures (see the README beside them).
 */
class SpreadsheetCsvTest {
    private static final Path FIXTURES = Path.of("").toAbsolutePath().getParent()
            .resolve("sources-csv/src/test/resources/spreadsheet-csv");
    private static final List<String> FILES = List.of("images/img1.jpg", "images/img2.jpg", "images/img3.jpg");

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    private CliRun upload(String dataset, Path csv, String... extra) {
        EMULATOR.emulator().addDataset(dataset, FILES);
        List<String> args = new ArrayList<>(List.of("upload", "--csv", csv.toString(), "--dataset-id", dataset,
                "--base-url", EMULATOR.emulator().baseUrl(), "--state-dir", dir.resolve("state").toString()));
        args.addAll(List.of(extra));
        return CliRun.of(Map.of(), dir, args.toArray(String[]::new));
    }

    private Object stored(String dataset, String field, String file) {
        return EMULATOR.emulator().values(dataset, field).get(EMULATOR.emulator().mediaId(dataset, file));
    }

    @Test
    void uploadsAGermanSemicolonFileBehindItsSepLineKeepingDecimalCommasAsText() {
        CliRun run = upload("sep-de", FIXTURES.resolve("sep-semicolon-de.csv"), "--string-fields", "score", "label");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(stored("sep-de", "score", "images/img1.jpg")).isEqualTo("1,5");
        assertThat(stored("sep-de", "score", "images/img2.jpg")).isEqualTo("1234,25");
        assertThat(stored("sep-de", "score", "images/img3.jpg")).isEqualTo("-0,75");
        assertThat(stored("sep-de", "label", "images/img2.jpg")).isEqualTo("Straße");
        assertThat(EMULATOR.emulator().schema("sep-de")).hasSize(2);
    }

    @Test
    void refusesDecimalCommasForAFloatFieldWithTheFieldTypesMessageAndUploadsNothing() {
        CliRun run = upload("sep-de-float", FIXTURES.resolve("sep-semicolon-de-bom.csv"), "--float-fields",
                "score");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        assertThat(run.out()).contains("Row 2, field 'score': Invalid float value '1,5'. Must be a valid number.")
                .contains("Row 3, field 'score': Invalid float value '1234,25'. Must be a valid number.")
                .doesNotContain("--delimiter");
        assertThat(EMULATOR.emulator().schema("sep-de-float")).isEmpty();
    }

    @Test
    void warnsOnceOfColumnsWithNoNameAndNoValueThoughTheFileIsReadTwice() {
        CliRun run = upload("blanks", FIXTURES.resolve("libreoffice-formula-blanks.csv"), "--float-fields",
                "score", "--allow-unmatched");

        assertThat(run.exitCode()).as(run.both()).isZero();
        String warning = "Columns C–F (3–6) have no name in the header and no value in any row, so they are ignored.";
        assertThat(run.both().split(Pattern.quote(warning), -1)).as(run.both()).hasSize(2);
        assertThat(stored("blanks", "score", "images/img2.jpg")).isEqualTo(new java.math.BigDecimal("2"));
    }

    @Test
    void refusesAValueInAColumnWithNoNameNamingTheRowAndColumnAndUploadsNothing() {
        CliRun run = upload("unnamed", FIXTURES.resolve("libreoffice-unnamed-value.csv"), "--float-fields", "score");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        assertThat(run.out()).contains("Row 3: Column D (4) holds 'x' but no name in row 1, so the row is skipped;"
                + " name the column in row 1, or delete the value.");
        assertThat(EMULATOR.emulator().schema("unnamed")).isEmpty();
    }
}

package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.Location;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.RunSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemPrinterTest {

    private static String print(List<Problem> problems, long errors, long warnings, Path report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RunSummary summary = new RunSummary("m.csv", "csv", "none", false, List.of(), Map.of(), 100, errors, warnings,
                problems, false, List.of());
        new ProblemPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), new Style(false)).print(summary, report);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Problem invalidFloat(int row) {
        return Problem.error(ProblemCategory.VALUE, Location.of("m.csv", row), "score",
                "Invalid float value 'x" + row + "'. Must be a valid number.");
    }

    @Test
    void groupsErrorsByCategoryBeforeWarnings() {
        List<Problem> problems = List.of(
                Problem.warning(ProblemCategory.DUPLICATE, Location.of("m.csv", 9), null, "Identical duplicate of row 8."),
                invalidFloat(3),
                Problem.error(ProblemCategory.ENUM_CONSTRAINT, null, "status",
                        "Field 'status' (enum): Has 750 unique values, exceeds limit of 600"),
                invalidFloat(5));

        assertThat(print(problems, 3, 1, null)).isEqualTo("""

                Validation Errors (2 total):
                  - Row 3, field 'score': Invalid float value 'x3'. Must be a valid number.
                  - Row 5, field 'score': Invalid float value 'x5'. Must be a valid number.
                Enum Constraint Errors (1 total):
                  - Field 'status' (enum): Has 750 unique values, exceeds limit of 600
                Warnings (1 total):
                  - Row 9: Identical duplicate of row 8.
                """);
    }

    @Test
    void printsAtMostFiftyAndAlwaysTheTotal() {
        List<Problem> kept = new ArrayList<>();
        for (int row = 2; row < 1002; row++) {
            kept.add(invalidFloat(row));
        }

        String printed = print(kept, 5000, 0, Path.of("vlmeta-report.html"));

        assertThat(printed.lines().filter(line -> line.startsWith("  - "))).hasSize(ProblemPrinter.LIMIT);
        assertThat(printed).contains("Validation Errors (1000 kept):\n")
                .endsWith("... 50 of 5000 problems shown (5000 errors, 0 warnings); the report lists the first 1000: "
                        + "vlmeta-report.html\n");
    }

    @Test
    void namesTheSidecarFileInsteadOfItsOnlyRow() {
        Problem inSidecar = Problem.error(ProblemCategory.VALUE, Location.of("scans/ct/CT_small.dcm.json", 1),
                "Manufacturer", "Invalid float value 'GE'. Must be a valid number.");
        Problem headerOfTheInput = Problem.error(ProblemCategory.INPUT, Location.of("scans", 1), null,
                "Column 'x' appears twice.");

        assertThat(ProblemPrinter.line(inSidecar, "scans")).isEqualTo("ct/CT_small.dcm.json, field 'Manufacturer': "
                + "Invalid float value 'GE'. Must be a valid number.");
        assertThat(ProblemPrinter.line(inSidecar, "elsewhere")).startsWith("scans/ct/CT_small.dcm.json, field ");
        assertThat(ProblemPrinter.line(headerOfTheInput, "scans")).isEqualTo("Row 1: Column 'x' appears twice.");
    }

    @Test
    void namesTheSidecarFileAndTheRowOfAnInstanceInADicomwebResponse() {
        Problem inInstance = Problem.error(ProblemCategory.VALUE, Location.of("scans/ct/series.json", 3),
                "SliceThickness", "Invalid float value 'thin'. Must be a valid number.");
        Problem inCsv = Problem.error(ProblemCategory.VALUE, Location.of("meta.csv", 3), "score", "Invalid.");

        assertThat(ProblemPrinter.line(inInstance, "scans")).isEqualTo("ct/series.json row 3, field 'SliceThickness': "
                + "Invalid float value 'thin'. Must be a valid number.");
        assertThat(ProblemPrinter.line(inCsv, "meta.csv")).isEqualTo("Row 3, field 'score': Invalid.");
        assertThat(ProblemPrinter.line(inCsv, "elsewhere.csv")).isEqualTo("Row 3, field 'score': Invalid.");
    }

    @Test
    void printsNothingWithoutProblems() {
        assertThat(print(List.of(), 0, 0, null)).isEmpty();
    }

    @Test
    void namesThePartFileAndItsRowForAFolderOfPartFiles() {
        Problem inPart = Problem.error(ProblemCategory.VALUE, Location.of("exports/part-00001.parquet", 7), "score",
                "Invalid float value 'NaN'. Must be a finite number.");
        Problem inCsv = Problem.error(ProblemCategory.VALUE, Location.of("m.csv", 7), "score", "Invalid.");

        assertThat(ProblemPrinter.line(inPart, "exports")).isEqualTo("part-00001.parquet row 7, field 'score': "
                + "Invalid float value 'NaN'. Must be a finite number.");
        assertThat(ProblemPrinter.line(inCsv, "m.csv")).isEqualTo("Row 7, field 'score': Invalid.");
        assertThat(ProblemPrinter.line(inCsv, "elsewhere.csv")).isEqualTo("Row 7, field 'score': Invalid.");
    }
}

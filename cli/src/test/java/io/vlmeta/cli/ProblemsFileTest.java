package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --problems FILE.csv} writes every problem, not only the first 1,000 the summary keeps. */
class ProblemsFileTest {
    private static final int BAD_ROWS = 1_500;

    @TempDir
    Path dir;

    private List<CSVRecord> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)
                    .getRecords();
        }
    }

    @Test
    void writesEveryRefusedValueWithItsRowColumnAndValueBeyondTheOnesKept() throws IOException {
        StringBuilder csv = new StringBuilder("file_fullpath,score\n");
        for (int i = 0; i < BAD_ROWS; i++) {
            csv.append("images/").append(i).append(".jpg,").append(i == 0 ? "=HYPERLINK(\"x\")" : "n/a " + i)
                    .append('\n');
        }
        Path input = Files.writeString(dir.resolve("bad.csv"), csv);
        Path problems = dir.resolve("out/problems.csv");

        CliRun run = CliRun.of(Map.of(), dir, "validate", "--csv", input.toString(), "--float-fields", "score",
                "--problems", problems.toString(), "--report", dir.resolve("r.html").toString());

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        assertThat(run.out()).contains("Problems written: " + BAD_ROWS + " to " + problems);
        List<CSVRecord> rows = read(problems);
        assertThat(rows).hasSize(BAD_ROWS);
        assertThat(rows.get(0).toMap()).containsEntry("file", input.toString()).containsEntry("row", "2")
                .containsEntry("column", "score").containsEntry("value", "'=HYPERLINK(\"x\")")
                .containsEntry("severity", "error");
        assertThat(rows.get(BAD_ROWS - 1).toMap()).containsEntry("row", Integer.toString(BAD_ROWS + 1))
                .containsEntry("value", "n/a " + (BAD_ROWS - 1));
        assertThat(rows.get(BAD_ROWS - 1).get("message")).startsWith("Invalid float value 'n/a 1499'");
    }

    @Test
    void groupsRefusedValuesPerColumnWithTheMostFrequentFirstInTheJsonAndTheReport() throws IOException {
        StringBuilder csv = new StringBuilder("file_fullpath,score,taken\n");
        for (int i = 0; i < 60; i++) {
            // score: 30 x "n/a", 20 x "-", then 10 different values; taken: always valid
            String bad = i < 30 ? "n/a" : i < 50 ? "-" : "bad" + i;
            csv.append("images/").append(i).append(".jpg,").append(bad).append(",2024-01-01\n");
        }
        for (int i = 0; i < 25; i++) {
            csv.append("images/x").append(i).append(".jpg,v").append(i).append(",2024-01-01\n");
        }
        Path input = Files.writeString(dir.resolve("bad.csv"), csv);
        Path report = dir.resolve("r.html");

        CliRun run = CliRun.of(Map.of(), dir, "validate", "--csv", input.toString(), "--float-fields", "score",
                "--datetime-fields", "taken", "--report", report.toString(), "--json");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        com.fasterxml.jackson.databind.JsonNode groups = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(run.out()).get("invalid_values");
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).get("field").asText()).isEqualTo("score");
        assertThat(groups.get(0).get("invalid").asLong()).isEqualTo(85);
        assertThat(groups.get(0).get("exact").asBoolean()).isTrue();
        com.fasterxml.jackson.databind.JsonNode top = groups.get(0).get("most_frequent");
        assertThat(top).hasSize(20);
        assertThat(top.get(0).get("value").asText()).isEqualTo("n/a");
        assertThat(top.get(0).get("count").asLong()).isEqualTo(30);
        assertThat(top.get(1).get("value").asText()).isEqualTo("-");
        assertThat(top.get(1).get("count").asLong()).isEqualTo(20);
        assertThat(top.get(2).get("value").asText()).isEqualTo("bad50");
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("Refused values of score (85 values")
                .contains("<tr><td><code>n/a</code></td><td class=\"num\">30</td></tr>");
    }

    @Test
    void neutralisesEveryCellASpreadsheetWouldRunAsAFormula() {
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1")) {
            assertThat(ProblemsCsv.neutral(formula)).as(formula).isEqualTo("'" + formula);
        }
        assertThat(ProblemsCsv.neutral("1.5")).isEqualTo("1.5");
        assertThat(ProblemsCsv.neutral(null)).isEmpty();
    }

    @Test
    void writesAHeaderAndNoRowsWhenNothingIsWrong() throws IOException {
        Path problems = dir.resolve("none.csv");

        CliRun run = CliRun.of(Map.of(), dir, "validate", "--csv", Examples.METADATA.toString(), "--float-fields",
                "confidence", "--problems", problems.toString(), "--report", dir.resolve("r.html").toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(Files.readString(problems)).isEqualTo("file,row,column,value,severity,message\r\n");
    }
}

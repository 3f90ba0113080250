package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --infer} gives the same values the same type whatever the source holds them: the workbooks
 * written by openpyxl, LibreOffice and Gnumeric, the same cells as CSV, and as JSON Lines with the tags
 * as arrays. Their tags column holds lists in both text forms a multi-enum accepts (a comma-separated
 * list, a JSON array) and single tags.
 */
class InferenceAcrossSourcesTest {
    private static final String NOWHERE = "http://127.0.0.1:9";
    private static final Pattern PLANNED = Pattern.compile("(?m)^ {2}(\\S+): (\\S+) \\(");
    private static final Map<String, String> WORKBOOK_TYPES = types("patient_id", "string", "score", "float",
            "created_at", "datetime", "status", "string", "tags", "multi-enum", "pdf_url", "link", "notes", "string");
    private static final String MIXED_TAGS = "every one of 4 values is a list: 1 JSON array, 1 comma-separated list,"
            + " 2 single items";

    @TempDir
    Path dir;

    private static Map<String, String> types(String... columnsAndTypes) {
        Map<String, String> types = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndTypes.length; i += 2) {
            types.put(columnsAndTypes[i], columnsAndTypes[i + 1]);
        }
        return types;
    }

    private CliRun plan(Path input) {
        return CliRun.of(Map.of(), dir, "plan", "--input", input.toString(), "--infer", "--base-url", NOWHERE,
                "--dataset-id", "any");
    }

    /** @return each planned column's type, in the plan's order, from the summary on standard error */
    private static Map<String, String> plannedTypes(CliRun run) {
        Map<String, String> types = new LinkedHashMap<>();
        for (Matcher m = PLANNED.matcher(run.err()); m.find(); ) {
            types.put(m.group(1), m.group(2));
        }
        return types;
    }

    @ParameterizedTest
    @ValueSource(strings = {"openpyxl.xlsx", "libreoffice.xlsx", "gnumeric.xlsx"})
    void infersTheWorkbooksTagsWrittenInBothListFormsAMultiEnum(String workbook) {
        CliRun run = plan(SharedFixtures.XLSX.resolve(workbook));

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.err()).contains("  tags: multi-enum (inferred: " + MIXED_TAGS + ")\n");
        assertThat(plannedTypes(run)).as(run.both()).isEqualTo(WORKBOOK_TYPES);
    }

    @Test
    void infersTheWorkbooksCellsWrittenAsCsvAsTheWorkbookIsInferred() throws IOException {
        Path csv = Files.writeString(dir.resolve("metadata.csv"), """
                file_fullpath,patient_id,score,created_at,status,tags,pdf_url,notes
                images/img1.jpg,P001,95.5,2024-01-15 10:30:00,active,"tag1, tag2",https://example.com/doc.pdf,High quality sample
                images/img2.jpg,00123,42,2024-01-16,pending,"[""tag3"", ""tag4""]",https://example.com/doc2.pdf,Zürich – naïve café ✓
                images/img3.jpg,P003,0.1,2024-01-17,active,tag1,http://example.org/x,
                images/img4.jpg,P004,,2024-02-29 23:59:59,review,,,long text
                images/img5.jpg,P005,0.001,1999-12-31,active,tag2,https://example.com/a?b=c&d=e,
                """, StandardCharsets.UTF_8);

        CliRun run = plan(csv);

        assertThat(run.err()).as(run.both()).contains("  tags: multi-enum (inferred: " + MIXED_TAGS + ")\n");
        assertThat(plannedTypes(run)).isEqualTo(WORKBOOK_TYPES);
    }

    @Test
    void infersTheWorkbooksTagsAsJsonLinesArraysAMultiEnumToo() throws IOException {
        Path jsonl = Files.write(dir.resolve("metadata.jsonl"), List.of(
                "{\"file_fullpath\":\"images/img1.jpg\",\"tags\":[\"tag1\",\"tag2\"]}",
                "{\"file_fullpath\":\"images/img2.jpg\",\"tags\":[\"tag3\",\"tag4\"]}",
                "{\"file_fullpath\":\"images/img3.jpg\",\"tags\":[\"tag1\"]}",
                "{\"file_fullpath\":\"images/img5.jpg\",\"tags\":[\"tag2\"]}"), StandardCharsets.UTF_8);

        CliRun run = plan(jsonl);

        assertThat(run.err()).as(run.both()).contains("  tags: multi-enum (inferred: every one of 4 values is a list)\n");
    }

    @Test
    void infersJsonLinesArraysBesideCommaSeparatedTextAMultiEnumThatValidationAccepts() throws IOException {
        // a string field refuses a list cell: typing this column a string failed validation on the array's row
        Path jsonl = Files.write(dir.resolve("metadata.jsonl"), List.of(
                "{\"file_fullpath\":\"images/img1.jpg\",\"tags\":\"urban, bicycle\"}",
                "{\"file_fullpath\":\"images/img2.jpg\",\"tags\":[\"harbour\",\"vessel\"]}",
                "{\"file_fullpath\":\"images/img3.jpg\",\"tags\":\"park\"}"), StandardCharsets.UTF_8);

        CliRun run = CliRun.of(Map.of(), dir, "validate", "--input", jsonl.toString(), "--infer", "--base-url",
                NOWHERE);

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("   tags: multi-enum (inferred: every one of 3 values is a list: 1 list cell, "
                + "1 comma-separated list, 1 single item)\n");
    }

    @Test
    void leavesListsOfNumbersOutAsTheSameNumbersJoinedByCommasAreNoMultiEnum() throws IOException {
        // a multi-enum would upload [10, 20, 10, 40] as 10, 20, 40: the vector's repeat lost
        Path jsonl = Files.write(dir.resolve("boxes.jsonl"), List.of(
                "{\"file_fullpath\":\"images/img1.jpg\",\"bbox\":[10,20,10,40],\"label\":\"cat\"}",
                "{\"file_fullpath\":\"images/img2.jpg\",\"bbox\":[10,20,30,40],\"label\":\"dog\"}"),
                StandardCharsets.UTF_8);
        Path csv = Files.write(dir.resolve("boxes.csv"), List.of("file_fullpath,bbox,label",
                "images/img1.jpg,\"10,20,10,40\",cat", "images/img2.jpg,\"10,20,30,40\",dog"), StandardCharsets.UTF_8);

        CliRun fromJsonl = plan(jsonl);
        CliRun fromCsv = plan(csv);

        assertThat(fromJsonl.exitCode()).as(fromJsonl.both()).isZero();
        assertThat(fromJsonl.err()).contains("Column 'bbox' holds lists of numbers (vectors), which no field type"
                + " takes: a multi-enum would drop their repeated numbers; not uploaded");
        assertThat(fromJsonl.out()).contains("left-out:\n  - name: bbox\n");
        assertThat(plannedTypes(fromJsonl)).isEqualTo(types("label", "string"));
        assertThat(plannedTypes(fromCsv)).doesNotContainEntry("bbox", "multi-enum");
    }
}

package io.vlmeta.sinks.report;

import io.vlmeta.api.FieldCounts;
import io.vlmeta.api.FieldOutcome;
import java.util.List;
import java.util.Map;

/**
 * The report as a value: what the JSON file holds (in snake case) and what the HTML file shows.
 *
 * @param generatedAt  when it was written (UTC, ISO 8601)
 * @param runId        the run the report belongs to, the same in its JSON and HTML files (a random UUID): files
 *                     whose run IDs differ are of two runs, as when a run was stopped between putting the two
 *                     in place
 * @param dryRun       true when nothing was meant to be sent
 * @param kind         what the report describes: {@code validation}, {@code dry-run} or {@code upload}
 * @param input        the input as the user named it
 * @param source       the source plugin
 * @param mapping      where the media mapping came from
 * @param datasetId    the dataset, or {@code null}
 * @param baseUrl      the server, without credentials, or {@code null}
 * @param rows         records read
 * @param errorCount   all errors found
 * @param warningCount all warnings found
 * @param gatePassed   true when validation passed and the upload pass ran
 * @param fields       one section per field, in plan order
 * @param problems     the problems kept, in the order found
 * @param outcomes     per-field outcomes of the upload pass
 * @param coverage     how many dataset media get a value and the first that get none; {@code null} when
 *                     paths were not mapped to a dataset
 * @param invalidValues each field's refused values, grouped with counts (the most frequent first)
 */
record ReportDocument(String generatedAt, String runId, boolean dryRun, String kind, String input, String source, String mapping,
                      String datasetId, String baseUrl, long rows, long errorCount, long warningCount,
                      boolean gatePassed, List<FieldSection> fields, List<ProblemLine> problems,
                      List<FieldOutcome> outcomes, io.vlmeta.api.Coverage coverage,
                      List<io.vlmeta.api.InvalidValues> invalidValues) {

    /** @return problems kept, which may be fewer than found */
    public long problemsKept() {
        return problems.size();
    }

    /**
     * One field.
     *
     * @param name           the field name
     * @param type           the field type
     * @param reason         why it has that type
     * @param declaration    the declaration body the server would receive, or {@code null} when validation built none
     * @param counts         counts from validation, or {@code null}
     * @param opened         true when the field was declared (validation passed and it was not skipped)
     * @param entries        entries that would be uploaded
     * @param firstEntries   the first entries, exactly as the upload would carry them
     * @param firstEntryRows where each of {@code firstEntries} came from
     * @param statistics     the values' distribution, or {@code null} when the field was not opened
     */
    record FieldSection(String name, String type, String reason, Map<String, Object> declaration,
                        FieldCounts counts, boolean opened, long entries, List<Map<String, Object>> firstEntries,
                        List<String> firstEntryRows, StatisticsView statistics) {
    }

    /**
     * One problem.
     *
     * @param severity      {@code error} or {@code warning}
     * @param category      the category's name
     * @param categoryTitle the heading it is grouped under
     * @param file          the file, or {@code null}
     * @param sheet         the sheet, or {@code null}
     * @param row           the row, or {@code null}
     * @param field         the field, or {@code null}
     * @param message       the message without prefix
     * @param text          the line as printed: {@code Row 5, field 'score': ...}
     */
    record ProblemLine(String severity, String category, String categoryTitle, String file, String sheet, Long row,
                       String field, String message, String text) {
    }
}

package io.vlmeta.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * A plan file: one job written out for review, read back by {@code upload --plan} and
 * {@code validate --plan}. Keys are kebab-case, as the flags are; a key that is absent leaves the
 * flag's default. It never holds a secret: no API key or secret, no password or token in the base
 * URL or in plugin options.
 *
 * @param version      the plan format, {@link #VERSION}
 * @param input        the input and how it is read
 * @param columns      the columns to upload, each with its type and why
 * @param leftOut      the input's other columns and why they are not uploaded (for the reader; not read back)
 * @param fieldSettings the field types' settings
 * @param matching     how paths match the dataset's media
 * @param patientData  what happens to columns holding identifying patient data
 * @param dataset      the dataset and server
 * @param upload       how the upload runs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"version", "input", "columns", "left-out", "field-settings", "matching", "patient-data",
        "dataset", "upload"})
record PlanFile(Integer version, Input input, List<Column> columns, List<Column> leftOut,
                Settings fieldSettings, Matching matching, PatientData patientData, Dataset dataset, Upload upload) {

    /** The plan format this vlmeta writes and reads. */
    static final int VERSION = 1;

    /**
     * @param path       the input file or folder, absolute
     * @param source     the source plugin that reads it ({@code --source})
     * @param pathColumn the column holding each image's path ({@code --path-column})
     * @param options    the source's options ({@code --encoding}, {@code --delimiter}, {@code --source-option}, ...)
     * @param size       bytes (a folder: of all its files) when the plan was written
     * @param modified   last modified (a folder: its newest file), ISO 8601 UTC
     * @param files      a folder's file count; absent for a file
     * @param sha256     a file's SHA-256; a folder's is the SHA-256 of its listing (path, size, modified)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"path", "source", "path-column", "options", "size", "modified", "files", "sha256"})
    record Input(String path, String source, String pathColumn, Map<String, String> options, Long size,
                 String modified, Long files, String sha256) {
    }

    /**
     * @param name the column (field) name
     * @param type the field type
     * @param why  the flag that named it, or the rule that inferred it from how many values
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "type", "why"})
    record Column(String name, String type, String why) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"string-max-length", "truncate-strings", "enum-limit", "enum-option-max-length", "timezone",
            "datetime-formats", "options"})
    record Settings(Integer stringMaxLength, Boolean truncateStrings, Integer enumLimit, Integer enumOptionMaxLength,
                    String timezone, List<String> datetimeFormats, Map<String, String> options) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"match-by", "allow-unmatched", "export-file"})
    record Matching(String matchBy, Boolean allowUnmatched, String exportFile) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"allow", "drop"})
    record PatientData(Boolean allow, Boolean drop) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "base-url"})
    record Dataset(String id, String baseUrl) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"batch-size", "parallel", "task-timeout", "sink-options"})
    record Upload(Integer batchSize, Integer parallel, String taskTimeout, Map<String, String> sinkOptions) {
    }
}

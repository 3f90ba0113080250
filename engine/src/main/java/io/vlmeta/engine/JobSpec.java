package io.vlmeta.engine;

import io.vlmeta.api.Cancellation;
import io.vlmeta.api.FieldSettings;
import io.vlmeta.api.OptionRanges;
import io.vlmeta.api.Secret;
import io.vlmeta.api.VlmetaException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one job needs, built once by the command line from flags, environment and files.
 * Nothing in the engine reads global state; it reads this.
 *
 * @param mode            upload, dry run (the report sink receives what would be sent) or validate (stops at the gate)
 * @param input           the input file or folder
 * @param sourceName      the source plugin to use; {@code null} to choose by {@code SourceProvider.score}
 * @param keyColumn       the key column; {@code null} for the source's default
 * @param sourceOptions   options for the source plugin
 * @param fieldTypes      column to field type name, in the order given
 * @param infer           infer types for columns no flag names
 * @param fieldSettings   settings for field types
 * @param sinkName        where uploads go
 * @param reportSinkName  the sink that writes dry-run and validation reports
 * @param baseUrl         the server's base URL
 * @param datasetId       the dataset
 * @param apiKey          the API key; {@code null} on premises
 * @param apiSecret       the API secret; {@code null} on premises
 * @param batchSize       entries per uploaded file
 * @param parallel        fields uploaded at once
 * @param taskTimeout     how long one field's task may take
 * @param stateDir        where resume journals live
 * @param resume          continue an interrupted job
 * @param exportFile      an offline export to map keys with; {@code null} to fetch it
 * @param matchBy         how keys match media
 * @param rejectsFile     where rejected entries go; {@code null} for nowhere
 * @param reportPath      where the report goes; {@code null} for no report
 * @param sinkOptions     options for sink plugins
 * @param allowUnmatched  keys that match no media are warnings (the rows are skipped) instead of errors
 * @param allowPhi        send sensitive columns to a non-local server
 * @param dropPhi         leave sensitive columns out
 * @param maxProblemsKept how many problems are kept for printing and reports (all are counted)
 * @param inputDigest     the SHA-256 of the input's bytes when its path does not identify it (standard
 *                        input copied to a temporary file), for the resume journal; {@code null} otherwise
 * @param cancellation    whether the user asked the job to stop (Ctrl-C, SIGTERM); {@link Cancellation#NEVER}
 *                        when nobody can
 * @param columnSelection which columns {@code --infer} may pick up ({@code --columns}, {@code --exclude-columns})
 * @param fieldReasons    why a column in {@code fieldTypes} has its type, when not a type flag (e.g. a plan
 *                        file's line); a column missing here was named by {@code --<type>-fields}
 * @param inputLabel      how messages name the input; {@code null} for {@code input.toString()}
 * @param sinkOptionOrigins for a sink option not given by {@code --sink-option}, how a refusal names it (a plan
 *                        file's key: {@code Plan p.yaml, upload.sink-options.token}); a name missing here
 *                        was given by {@code --sink-option}
 * @param fieldOptionOrigins for a field option not given by {@code --field-option}, how a refusal names it (a
 *                        plan file's key: {@code Plan p.yaml, field-settings.options.scale}); a name missing here
 *                        was given by {@code --field-option}
 * @param sourceOptionOrigins for a source option not given by a flag ({@code --source-option}, {@code --delimiter},
 *                        ...), how a refusal names it (a plan file's key: {@code Plan p.yaml, line 8,
 *                        input.options.delimiter}); a name missing here was given by a flag
 */
public record JobSpec(Mode mode, Path input, String sourceName, String keyColumn, Map<String, String> sourceOptions,
                      Map<String, String> fieldTypes, boolean infer, FieldSettings fieldSettings, String sinkName,
                      String reportSinkName, String baseUrl, String datasetId, String apiKey, Secret apiSecret,
                      int batchSize, int parallel, Duration taskTimeout, Path stateDir, boolean resume,
                      Path exportFile, String matchBy, Path rejectsFile, Path reportPath,
                      Map<String, String> sinkOptions, boolean allowUnmatched, boolean allowPhi, boolean dropPhi,
                      int maxProblemsKept, String inputDigest, Cancellation cancellation,
                      ColumnSelection columnSelection, Map<String, String> fieldReasons, String inputLabel,
                      Map<String, String> sinkOptionOrigins, Map<String, String> fieldOptionOrigins,
                      Map<String, String> sourceOptionOrigins) {

    /** What the job does once validation passes. */
    public enum Mode {
        /** Validate, then upload to the sink. */
        UPLOAD,
        /** Validate, then send everything to the report sink instead of the server. */
        DRY_RUN,
        /** Validate and stop at the gate. */
        VALIDATE
    }

    public JobSpec {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(fieldSettings, "fieldSettings");
        Objects.requireNonNull(sinkName, "sinkName");
        Objects.requireNonNull(reportSinkName, "reportSinkName");
        Objects.requireNonNull(taskTimeout, "taskTimeout");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(matchBy, "matchBy");
        Objects.requireNonNull(cancellation, "cancellation");
        sourceOptions = Map.copyOf(sourceOptions);
        fieldTypes = Collections.unmodifiableMap(new LinkedHashMap<>(fieldTypes));
        sinkOptions = Map.copyOf(sinkOptions);
        columnSelection = columnSelection == null ? ColumnSelection.ALL : columnSelection;
        fieldReasons = fieldReasons == null ? Map.of() : Map.copyOf(fieldReasons);
        inputLabel = inputLabel == null ? input.toString() : inputLabel;
        sinkOptionOrigins = sinkOptionOrigins == null ? Map.of() : Map.copyOf(sinkOptionOrigins);
        fieldOptionOrigins = fieldOptionOrigins == null ? Map.of() : Map.copyOf(fieldOptionOrigins);
        sourceOptionOrigins = sourceOptionOrigins == null ? Map.of() : Map.copyOf(sourceOptionOrigins);
        if (dropPhi && allowPhi) {
            throw VlmetaException.usage("--drop-phi and --allow-phi contradict each other; choose one.");
        }
    }

    /**
     * Whether a type's name may be shown back by a message made before the plugins are loaded. Only the types
     * vlmeta ships can: any other word, typed as {@code --field-type caption=S3CRET} or written in a plan, cannot
     * be told from a slip (a secret pasted in the wrong place), and is named as "a type not built in".
     *
     * @param type a field type's name as given; may be null
     * @return true for string, float, datetime, enum, multi-enum and link; false for any other name and for null
     */
    public static boolean isBuiltInType(String type) {
        return type != null && ColumnTypeConflict.BUILT_IN_TYPES.contains(type);
    }

    /** @return a builder with the documented defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "JobSpec[mode=" + mode + ", input=" + inputLabel + ", source=" + sourceName + ", fields=" + fieldTypes
                + ", infer=" + infer + ", baseUrl=" + baseUrl + ", datasetId=" + datasetId + "]";
    }

    /** Builds a {@link JobSpec}; defaults: upload, batch size 50,000, 4 fields at once, 30-minute tasks. */
    public static final class Builder {
        private Mode mode = Mode.UPLOAD;
        private Path input;
        private String sourceName;
        private String keyColumn;
        private final Map<String, String> sourceOptions = new LinkedHashMap<>();
        private final Map<String, String> fieldTypes = new LinkedHashMap<>();
        /** Where each column's type was given, for the refusal of a second one; not part of the job. */
        private final Map<String, String> fieldOrigins = new HashMap<>();
        private boolean infer;
        private FieldSettings fieldSettings = FieldSettings.defaults();
        private String sinkName = "visual-layer";
        private String reportSinkName = "report";
        private String baseUrl = "http://localhost:8080";
        private String datasetId;
        private String apiKey;
        private Secret apiSecret;
        private int batchSize = 50_000;
        private int parallel = 4;
        private Duration taskTimeout = Duration.ofMinutes(30);
        private Path stateDir = Path.of(".vlmeta");
        private boolean resume;
        private Path exportFile;
        private String matchBy = "path";
        private Path rejectsFile;
        private Path reportPath;
        private final Map<String, String> sinkOptions = new LinkedHashMap<>();
        private boolean allowUnmatched;
        private boolean allowPhi;
        private boolean dropPhi;
        private int maxProblemsKept = 1000;
        private String inputDigest;
        private String inputLabel;
        private Cancellation cancellation = Cancellation.NEVER;
        private ColumnSelection columnSelection = ColumnSelection.ALL;
        private final Map<String, String> fieldReasons = new LinkedHashMap<>();
        private final Map<String, String> sinkOptionOrigins = new LinkedHashMap<>();
        private final Map<String, String> fieldOptionOrigins = new LinkedHashMap<>();
        private final Map<String, String> sourceOptionOrigins = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder mode(Mode value) { this.mode = value; return this; }
        public Builder input(Path value) { this.input = value; return this; }
        public Builder sourceName(String value) { this.sourceName = value; return this; }
        public Builder keyColumn(String value) { this.keyColumn = value; return this; }
        public Builder sourceOption(String name, String value) { this.sourceOptions.put(name, value); return this; }
        public Builder sourceOptions(Map<String, String> values) { this.sourceOptions.putAll(values); return this; }

        /**
         * Names the type of some columns, from no named place: a conflict names the types only.
         *
         * @throws VlmetaException (usage) when a column is already named under another type
         * @see #fields(String, List, String)
         */
        public Builder fields(String type, List<String> columns) {
            return fields(type, columns, null);
        }

        /**
         * Names the type of some columns.
         *
         * @param type    the field type's name, built in or a plugin's
         * @param columns the columns' names, none null
         * @param origin  where the type was given, named by a refusal ({@code --float-fields}, {@code --field-type},
         *                a plan's key); {@code null} when not known
         * @throws VlmetaException (usage) when a column is already named under another type: the refusal names
         *     where each was given, and a type only when it is built in (it may be a slip, a secret even)
         */
        public Builder fields(String type, List<String> columns, String origin) {
            for (String column : columns) {
                String before = fieldTypes.putIfAbsent(column, type);
                if (before != null && !before.equals(type)) {
                    throw VlmetaException.usage(ColumnTypeConflict.message(column, before, fieldOrigins.get(column),
                            type, origin));
                }
                if (before == null && origin != null) {
                    fieldOrigins.put(column, origin);
                }
            }
            return this;
        }

        public Builder infer(boolean value) { this.infer = value; return this; }
        public Builder fieldSettings(FieldSettings value) { this.fieldSettings = value; return this; }
        public Builder sinkName(String value) { this.sinkName = value; return this; }
        public Builder reportSinkName(String value) { this.reportSinkName = value; return this; }
        public Builder baseUrl(String value) { this.baseUrl = value; return this; }
        public Builder datasetId(String value) { this.datasetId = value; return this; }
        public Builder apiKey(String value) { this.apiKey = value; return this; }
        public Builder apiSecret(Secret value) { this.apiSecret = value; return this; }
        public Builder batchSize(int value) { this.batchSize = value; return this; }
        public Builder parallel(int value) { this.parallel = value; return this; }
        public Builder taskTimeout(Duration value) { this.taskTimeout = value; return this; }
        public Builder stateDir(Path value) { this.stateDir = value; return this; }
        public Builder resume(boolean value) { this.resume = value; return this; }
        public Builder exportFile(Path value) { this.exportFile = value; return this; }
        public Builder matchBy(String value) { this.matchBy = value; return this; }
        public Builder rejectsFile(Path value) { this.rejectsFile = value; return this; }
        public Builder reportPath(Path value) { this.reportPath = value; return this; }
        public Builder sinkOption(String name, String value) { this.sinkOptions.put(name, value); return this; }
        public Builder sinkOptions(Map<String, String> values) { this.sinkOptions.putAll(values); return this; }
        public Builder allowUnmatched(boolean value) { this.allowUnmatched = value; return this; }
        public Builder allowPhi(boolean value) { this.allowPhi = value; return this; }
        public Builder dropPhi(boolean value) { this.dropPhi = value; return this; }
        public Builder maxProblemsKept(int value) { this.maxProblemsKept = value; return this; }
        public Builder inputDigest(String value) { this.inputDigest = value; return this; }
        public Builder inputLabel(String value) { this.inputLabel = value; return this; }
        public Builder cancellation(Cancellation value) { this.cancellation = value; return this; }
        public Builder columnSelection(ColumnSelection value) { this.columnSelection = value; return this; }
        public Builder fieldReasons(Map<String, String> values) { this.fieldReasons.putAll(values); return this; }
        public Builder sinkOptionOrigins(Map<String, String> values) {
            this.sinkOptionOrigins.putAll(values);
            return this;
        }

        public Builder fieldOptionOrigins(Map<String, String> values) {
            this.fieldOptionOrigins.putAll(values);
            return this;
        }

        public Builder sourceOptionOrigins(Map<String, String> values) {
            this.sourceOptionOrigins.putAll(values);
            return this;
        }

        /** @throws VlmetaException (usage) when the input is missing or a number is out of range */
        public JobSpec build() {
            if (input == null) {
                throw VlmetaException.usage("No input given: pass --input FILE (or --csv FILE).");
            }
            OptionRanges.atLeast("--batch-size", batchSize, 1);
            OptionRanges.atLeast("--parallel", parallel, 1);
            if (maxProblemsKept < 0) {
                throw new IllegalArgumentException("maxProblemsKept must not be negative");
            }
            return new JobSpec(mode, input, sourceName, keyColumn, sourceOptions, fieldTypes, infer, fieldSettings,
                    sinkName, reportSinkName, baseUrl, datasetId, apiKey, apiSecret, batchSize, parallel,
                    taskTimeout, stateDir, resume, exportFile, matchBy, rejectsFile, reportPath, sinkOptions,
                    allowUnmatched, allowPhi, dropPhi, maxProblemsKept, inputDigest, cancellation, columnSelection,
                    fieldReasons, inputLabel, sinkOptionOrigins, fieldOptionOrigins, sourceOptionOrigins);
        }
    }
}

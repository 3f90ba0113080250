package io.vlmeta.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options shared by {@code upload} and {@code validate}: the reference upload script's flags
 * unchanged, plus the options of every source, field type and sink.
 */
final class JobOptions {

    // --- input (the reference script's --csv, or any source through --input)
    @Option(names = "--csv", paramLabel = "FILE", description = "The metadata CSV file (as in the reference script); - reads standard input.")
    Path csv;

    @Option(names = "--input", paramLabel = "PATH",
            description = "The metadata: a CSV or Excel file, a folder of DICOM/JSON sidecars, a converter CSV, or "
                    + "anything a plugin source reads; - reads standard input (a CSV, JSON Lines, gzipped JSON Lines, Parquet or an "
                    + "Excel workbook, told apart by their first bytes).")
    Path input;

    @Option(names = "--source", paramLabel = "NAME",
            description = "The source plugin (csv, xlsx, dicom-sidecar, ...); default: chosen from the input.")
    String source;

    @Option(names = "--path-column", paramLabel = "COLUMN",
            description = "The column holding each image's path in the dataset (default: file_fullpath).")
    String pathColumn;

    @Option(names = "--encoding", paramLabel = "CHARSET", description = "Text encoding of the input (default UTF-8).")
    String encoding;

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "CSV delimiter (default: ',').")
    String delimiter;

    @Option(names = "--sheet", paramLabel = "NAME", description = "The Excel sheet to read (default: the first).")
    String sheet;

    @Option(names = "--sidecar-format", paramLabel = "FORMAT",
            description = "Sidecar flavour: json-model (DICOM JSON), flat (BIDS keyword JSON) or converter-csv (default: detected from content).")
    String sidecarFormat;

    @Option(names = "--sidecar-glob", paramLabel = "GLOB", description = "Which files of the folder are sidecars.")
    String sidecarGlob;

    @Option(names = "--field-names", paramLabel = "STYLE", description = "How sidecar attributes are named as fields: keyword (StudyDate) or snake (study_date).")
    String fieldNames;

    @Option(names = "--combine-date-time", description = "Join DICOM date and time attributes into one datetime.")
    boolean combineDateTime;

    @Option(names = "--source-option", paramLabel = "KEY=VALUE", description = "Any other source option.")
    Map<String, String> sourceOptions = new LinkedHashMap<>();

    /** For a source option a plan file set, how a refusal names it: its place in the plan (see PlanPlace). */
    final Map<String, String> sourceOptionOrigins = new LinkedHashMap<>();

    // --- field types (the reference script's flags: space-separated column names)
    @Option(names = "--string-fields", arity = "1..*", paramLabel = "COLUMN", description = "Columns of text.")
    List<String> stringFields = new ArrayList<>();

    @Option(names = "--float-fields", arity = "1..*", paramLabel = "COLUMN", description = "Columns of numbers.")
    List<String> floatFields = new ArrayList<>();

    @Option(names = "--datetime-fields", arity = "1..*", paramLabel = "COLUMN",
            description = "Columns of dates and date-times (ISO 8601).")
    List<String> datetimeFields = new ArrayList<>();

    @Option(names = "--enum-fields", arity = "1..*", paramLabel = "COLUMN",
            description = "Columns with a few distinct values (at most 600).")
    List<String> enumFields = new ArrayList<>();

    @Option(names = "--multi-enum-fields", arity = "1..*", paramLabel = "COLUMN",
            description = "Columns of tag lists: 'a, b' or [\"a\", \"b\"].")
    List<String> multiEnumFields = new ArrayList<>();

    @Option(names = "--link-fields", arity = "1..*", paramLabel = "COLUMN", description = "Columns of http(s) URLs.")
    List<String> linkFields = new ArrayList<>();

    @Option(names = "--field-type", paramLabel = "COLUMN=TYPE",
            description = "Give a column any field type, including a plugin's (e.g. score=float).")
    Map<String, String> fieldTypes = new LinkedHashMap<>();

    @Option(names = "--infer", description = "Infer the type of every column no flag names (the plan is printed first).")
    boolean infer;

    @Option(names = "--columns", split = ",", paramLabel = "GLOB",
            description = "With --infer, consider only these columns: comma-separated names or globs "
                    + "(Study*,Modality; case-sensitive; * any run, ? one character, [abc] one of).")
    List<String> columns = new ArrayList<>();

    @Option(names = "--exclude-columns", split = ",", paramLabel = "GLOB",
            description = "With --infer, leave these columns out: comma-separated names or globs (Patient*,Other*).")
    List<String> excludeColumns = new ArrayList<>();

    /** Why a column in {@link #fieldTypes} has its type when no flag named it (a plan's line); not an option. */
    final Map<String, String> fieldReasons = new LinkedHashMap<>();

    @Option(names = "--string-max-length", paramLabel = "N", defaultValue = "255",
            description = "Longest string accepted (default: ${DEFAULT-VALUE}).")
    int stringMaxLength;

    @Option(names = "--truncate-strings", description = "Cut longer strings (each cut is a warning) instead of refusing them.")
    boolean truncateStrings;

    @Option(names = "--enum-limit", paramLabel = "N", defaultValue = "600",
            description = "Most distinct values per enum field (default: ${DEFAULT-VALUE}).")
    int enumLimit;

    @Option(names = "--enum-option-max-length", paramLabel = "N", defaultValue = "20",
            description = "Longest enum option (default: ${DEFAULT-VALUE}).")
    int enumOptionMaxLength;

    @Option(names = "--timezone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Zone of date-times written without one (default: ${DEFAULT-VALUE}).")
    String timezone;

    @Option(names = "--datetime-format", paramLabel = "PATTERN",
            description = "An extra date-time pattern, e.g. dd/MM/yyyy (repeatable).")
    List<String> datetimeFormats = new ArrayList<>();

    @Option(names = "--field-option", paramLabel = "KEY=VALUE", description = "An option for plugin field types.")
    Map<String, String> fieldOptions = new LinkedHashMap<>();

    /** For a field option a plan file set, how a refusal names it: its place in the plan (see PlanPlace). */
    final Map<String, String> fieldOptionOrigins = new LinkedHashMap<>();

    // --- the server
    @Option(names = "--dataset-id", paramLabel = "ID", description = "The dataset (or VL_DATASET_ID).")
    String datasetId;

    @Mixin
    ServerOptions server = new ServerOptions();

    @Option(names = "--export-file", paramLabel = "FILE",
            description = "A dataset export (export_media_id CSV or the UI's metadata.json) to map paths offline.")
    Path exportFile;

    @Option(names = "--match-by", paramLabel = "HOW", defaultValue = "path",
            description = "How paths match the dataset: path, suffix, basename or stem (default: ${DEFAULT-VALUE}).")
    String matchBy;

    @Option(names = "--allow-unmatched", description = "Skip rows whose path is not in the dataset (a warning each).")
    boolean allowUnmatched;

    @Option(names = "--allow-phi", description = "Send columns holding patient data to a non-local server.")
    boolean allowPhi;

    @Option(names = "--drop-phi", description = "Leave columns holding patient data out.")
    boolean dropPhi;

    // --- the upload
    /** --batch-size's default, also what a validation, which ignores the option, builds its job with. */
    static final String DEFAULT_BATCH_SIZE = "50000";
    /** --parallel's default, as {@link #DEFAULT_BATCH_SIZE}. */
    static final String DEFAULT_PARALLEL = "4";

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = DEFAULT_BATCH_SIZE,
            description = "Entries per uploaded file (default: ${DEFAULT-VALUE}). A server whose task takes one "
                    + "file refuses a field's second file: for such a server pass a size above the row count or "
                    + "--sink-option one-file-per-field=true.")
    int batchSize;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = DEFAULT_PARALLEL,
            description = "Fields uploaded at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--task-timeout", paramLabel = "DURATION", defaultValue = "30m", converter = DurationConverter.class,
            description = "How long one field's task may take: 90s, 30m, 2h (default: ${DEFAULT-VALUE}).")
    Duration taskTimeout;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = ".vlmeta",
            description = "Where resume journals live (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--resume", description = "Continue an interrupted upload from its journal.")
    boolean resume;

    @Option(names = "--rejects", paramLabel = "FILE", description = "Write every entry the server refused to this CSV.")
    Path rejects;

    @Option(names = "--sink-option", paramLabel = "KEY=VALUE", description = "An option for sink plugins.")
    Map<String, String> sinkOptions = new LinkedHashMap<>();

    /** For a sink option a plan file set, how a refusal names it: its place in the plan (see PlanPlace). */
    final Map<String, String> sinkOptionOrigins = new LinkedHashMap<>();

    // --- output and plugins
    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Write the HTML report (and the .json beside it); dry runs and validate default to "
                    + "vlmeta-report.html.")
    Path report;

    @Option(names = "--problems", paramLabel = "FILE.csv",
            description = "Write every problem found (file, row, column, value, severity, message) to this CSV, "
                    + "not only the first ones kept for the report.")
    Path problems;

    @Option(names = "--json", description = "Print one JSON summary on stdout and nothing else there.")
    boolean json;

    @Mixin
    PluginDirs pluginDirs = new PluginDirs();

    /**
     * Options only an upload reads: the server's address and credentials, batching, resume and the
     * server's refusals. {@code validate} never talks to the server, so its help leaves them out; it
     * still accepts them, so an upload's command line validates with only the command name changed.
     */
    static final List<String> UPLOAD_ONLY = List.of("--base-url", "--api-key", "--api-secret", "--api-secret-file",
            "--batch-size", "--parallel", "--task-timeout", "--state-dir", "--resume", "--rejects");

    /** Hides the {@link #UPLOAD_ONLY} options from the help of a command that never uploads. */
    static void hideUploadOnly(CommandSpec command) {
        hide(command, UPLOAD_ONLY);
    }

    /** Hides the named options from the command's help; the command still reads them. */
    static void hide(CommandSpec command, List<String> names) {
        for (String name : names) {
            OptionSpec option = command.findOption(name);
            if (option != null) {
                command.remove(option);
                command.addOption(option.toBuilder().hidden(true).build());
            }
        }
    }

    /** Gives the named option of the command another help text: what it does there differs from a job's. */
    static void describe(CommandSpec command, String name, String description) {
        OptionSpec option = command.findOption(name);
        command.remove(option);
        command.addOption(option.toBuilder().description(description).build());
    }

    /** @return the type flags in the order the reference script lists them, as type name to columns */
    Map<String, List<String>> typeFlags() {
        Map<String, List<String>> flags = new LinkedHashMap<>();
        flags.put("string", stringFields);
        flags.put("float", floatFields);
        flags.put("datetime", datetimeFields);
        flags.put("enum", enumFields);
        flags.put("multi-enum", multiEnumFields);
        flags.put("link", linkFields);
        return flags;
    }
}

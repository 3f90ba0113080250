package io.vlmeta.cli;

import io.vlmeta.api.Cancellation;
import io.vlmeta.api.FieldSettings;
import io.vlmeta.api.OptionRanges;
import io.vlmeta.api.Secret;
import io.vlmeta.api.SecretFile;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.engine.ColumnSelection;
import io.vlmeta.engine.JobSpec;
import io.vlmeta.fieldtypes.DatetimePatterns;
import io.vlmeta.sinks.visuallayer.VisualLayerSinkProvider;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns flags and the environment into the one immutable {@link JobSpec} the engine runs. */
final class JobSpecs {
    /** The report's path when a dry run or a validation names none. */
    static final Path DEFAULT_REPORT = Path.of("vlmeta-report.html");
    /** The server when neither flag nor environment names one: an on-premises install. */
    static final String DEFAULT_BASE_URL = "http://localhost:8080";
    /** What a time zone may be, for each refusal of one ({@code --timezone}, a plan's field-settings.timezone). */
    static final String TIME_ZONES_ACCEPTED = "use a region such as Europe/Berlin or America/New_York, or an offset "
            + "such as +02:00";

    private JobSpecs() {
    }

    static JobSpec from(JobOptions options, JobSpec.Mode mode, CliContext context) {
        return from(options, mode, context, null, Cancellation.NEVER);
    }

    /**
     * @return the job a plan describes: a validation's, with the upload's numbers as given ({@code --batch-size},
     *     {@code --parallel}), which the plan keeps for the upload it is made for
     */
    static JobSpec forPlan(JobOptions options, CliContext context) {
        return build(options, JobSpec.Mode.VALIDATE, context, null, Cancellation.NEVER, false);
    }

    /**
     * @param stdin        standard input's copy when the input is {@code -} or a pipe ({@link #readsOnce}), else {@code null}
     * @param cancellation whether the user asked the job to stop
     */
    static JobSpec from(JobOptions options, JobSpec.Mode mode, CliContext context, StdinSpool stdin,
                        Cancellation cancellation) {
        return build(options, mode, context, stdin, cancellation, mode == JobSpec.Mode.VALIDATE);
    }

    /**
     * @param uploadNumbersIgnored whether the run ignores {@code --batch-size} and {@code --parallel} (a
     *                             validation says so), which then take their defaults and never refuse
     */
    private static JobSpec build(JobOptions options, JobSpec.Mode mode, CliContext context, StdinSpool stdin,
                                 Cancellation cancellation, boolean uploadNumbersIgnored) {
        Path input = input(options);
        if (options.exportFile != null && options.exportFile.toString().isEmpty()) {
            // Path.of("") is the working folder: it would be read as an export and fail as a folder
            throw VlmetaException.usage("--export-file names no file: give the path of the dataset's export "
                    + "(the CSV with 'filename' and 'media_id', or the UI's metadata.json).");
        }
        if (StdinSpool.readsOnce(input) && stdin == null) {
            throw new IllegalStateException("standard input or a pipe must be copied before the job is built");
        }
        JobSpec.Builder builder = JobSpec.builder().mode(mode).input(stdin != null ? stdin.file() : input)
                .inputDigest(stdin != null ? stdin.sha256() : null)
                .inputLabel(stdin != null ? stdin.origin() : null).cancellation(cancellation)
                .sourceName(options.source).keyColumn(options.pathColumn)
                .sourceOptions(sourceOptions(options)).infer(options.infer)
                .fieldSettings(fieldSettings(options))
                .baseUrl(options.server.url(context))
                .datasetId(firstOf(options.datasetId, context.env("VL_DATASET_ID").orElse(null), null))
                // a validation says these are ignored: so they are, and their defaults never refuse
                .batchSize(uploadNumbersIgnored ? Integer.parseInt(JobOptions.DEFAULT_BATCH_SIZE) : options.batchSize)
                .parallel(uploadNumbersIgnored ? Integer.parseInt(JobOptions.DEFAULT_PARALLEL) : options.parallel)
                .taskTimeout(options.taskTimeout)
                .stateDir(options.stateDir).resume(options.resume).exportFile(options.exportFile)
                .matchBy(checkedMatchBy(options.matchBy)).rejectsFile(options.rejects).sinkOptions(options.sinkOptions)
                .sinkOptionOrigins(options.sinkOptionOrigins).fieldOptionOrigins(options.fieldOptionOrigins)
                .sourceOptionOrigins(options.sourceOptionOrigins)
                .allowUnmatched(options.allowUnmatched).allowPhi(options.allowPhi).dropPhi(options.dropPhi)
                .reportPath(options.report != null ? options.report
                        : mode == JobSpec.Mode.UPLOAD ? null : DEFAULT_REPORT);
        if ((!options.columns.isEmpty() || !options.excludeColumns.isEmpty()) && !options.infer) {
            throw VlmetaException.usage("--columns and --exclude-columns limit what --infer picks up; pass --infer "
                    + "too (columns named by a type flag are always uploaded).");
        }
        // a column --field-type names has that option as its reason: the engine would otherwise name it
        // --<type>-fields, showing the type word, which may be a slip or a secret, as an option nobody typed
        Map<String, String> reasons = new LinkedHashMap<>(options.fieldReasons);
        options.fieldTypes.keySet().forEach(column -> reasons.putIfAbsent(column, "--field-type"));
        builder.columnSelection(ColumnSelection.of(options.columns, options.excludeColumns)).fieldReasons(reasons);
        // a conflict is named by the options that gave the types: a --field-type word may be a slip, or a secret
        options.typeFlags().forEach((type, columns) -> builder.fields(type, columns, "--" + type + "-fields"));
        options.fieldTypes.forEach((column, type) -> builder.fields(type, List.of(column),
                options.fieldReasons.containsKey(column) ? "the plan's 'columns'" : "--field-type"));
        if (mode != JobSpec.Mode.VALIDATE) {
            // a validation never talks to the server and says it ignores the credentials: it does not check them
            credentials(options, context, builder);
        }
        return builder.build();
    }

    /** @return true when the input is standard input ({@code -}) or a pipe, which can be read only once */
    static boolean readsOnce(JobOptions options) {
        return StdinSpool.readsOnce(input(options));
    }

    /**
     * @return standard input's copy for {@code -}, a pipe's copy for a pipe named as the input, or
     *     {@code null} when the input is a file that can be read twice
     */
    static StdinSpool spoolIfReadOnce(JobOptions options, CliContext context) {
        Path input = input(options);
        if (!StdinSpool.readsOnce(input)) {
            return null;
        }
        return StdinSpool.isStdin(input) ? StdinSpool.copy(context.in()) : StdinSpool.copy(input);
    }

    private static Path input(JobOptions options) {
        if (options.csv != null && options.input != null && !options.csv.equals(options.input)) {
            throw VlmetaException.usage("--csv and --input name different files (" + options.csv + ", "
                    + options.input + "); give one of them.");
        }
        Path input = options.input != null ? options.input : options.csv;
        if (input == null) {
            throw VlmetaException.usage("No input given: pass --csv FILE (or --input PATH for Excel files and "
                    + "sidecar folders).");
        }
        return input;
    }

    /** @return the source options the flags give: {@code --source-option}, then the named ones over them */
    static Map<String, String> sourceOptions(JobOptions options) {
        Map<String, String> named = new LinkedHashMap<>();
        putIfSet(named, "encoding", options.encoding);
        putIfSet(named, "delimiter", options.delimiter);
        putIfSet(named, "sheet", options.sheet);
        putIfSet(named, "sidecar-format", options.sidecarFormat);
        putIfSet(named, "sidecar-glob", options.sidecarGlob);
        putIfSet(named, "field-names", options.fieldNames);
        if (options.combineDateTime) {
            named.put("combine-date-time", "true");
        }
        Map<String, String> all = new LinkedHashMap<>(options.sourceOptions);
        all.putAll(named);
        return all;
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static FieldSettings fieldSettings(JobOptions options) {
        ZoneId zone;
        try {
            zone = ZoneId.of(options.timezone);
        } catch (DateTimeException e) {
            throw VlmetaException.usage(JobOptionValues.NOT_A_TIME_ZONE); // the word may be a secret: not shown
        }
        OptionRanges.atLeast("--string-max-length", options.stringMaxLength, 1);
        OptionRanges.atLeast("--enum-limit", options.enumLimit, 1);
        OptionRanges.atLeast("--enum-option-max-length", options.enumOptionMaxLength, 1);
        // whatever the fields: a pattern no datetime field reads is a typo all the same
        DatetimePatterns.check(options.datetimeFormats);
        return new FieldSettings(options.stringMaxLength, options.truncateStrings, options.enumLimit,
                options.enumOptionMaxLength, zone, new ArrayList<>(options.datetimeFormats), options.fieldOptions);
    }

    private static void credentials(JobOptions options, CliContext context, JobSpec.Builder builder) {
        Credentials credentials = options.server.credentials(context);
        builder.apiKey(credentials.apiKey()).apiSecret(credentials.apiSecret());
    }

    /** The API key and secret (both {@code null} on premises); never printed. */
    record Credentials(String apiKey, Secret apiSecret) {
        @Override
        public String toString() {
            return "Credentials[apiKey=" + apiKey + "]";
        }
    }

    /**
     * Flags win over the environment; {@code --api-secret-file} over {@code VL_API_SECRET}.
     *
     * @throws VlmetaException (usage) when only one of key and secret is given
     */
    static Credentials credentials(String apiKey, String apiSecret, Path apiSecretFile, CliContext context) {
        String key = firstOf(apiKey, context.env("VL_API_KEY").orElse(null), null);
        String secret = apiSecret;
        if (secret == null && apiSecretFile != null) {
            secret = SecretFile.read(apiSecretFile);
        }
        if (secret == null) {
            secret = context.env("VL_API_SECRET").orElse(null);
        }
        if ((key == null) != (secret == null)) {
            throw VlmetaException.usage(key == null
                    ? "An API secret is given without an API key: pass --api-key (or set VL_API_KEY)."
                    : "An API key is given without an API secret: pass --api-secret-file (or set VL_API_SECRET).");
        }
        return new Credentials(key, secret == null ? null : Secret.of(secret));
    }

    static String firstOf(String flag, String environment, String fallback) {
        if (flag != null && !flag.isBlank()) {
            return flag;
        }
        return environment != null ? environment : fallback;
    }

    /**
     * @return the {@code --match-by} value, checked as the sink reads it: a validation without a dataset never
     *     opens the sink, and would take any word
     */
    private static String checkedMatchBy(String matchBy) {
        if (matchBy != null) {
            VisualLayerSinkProvider.checkMatchBy(matchBy);
        }
        return matchBy;
    }
}

package io.vlmeta.cli;

import io.vlmeta.api.VlmetaException;
import io.vlmeta.engine.JobSpec;
import io.vlmeta.fieldtypes.DatetimePatterns;
import io.vlmeta.sinks.visuallayer.VisualLayerSinkProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import picocli.CommandLine;

/**
 * Puts a plan's settings into the command's options, so the job built from them is the job the plan
 * describes. Precedence: a flag given on the command line beside {@code --plan} wins (one line on
 * standard error says so for each setting it changes), then the plan, then the environment
 * ({@code VL_DATASET_ID}, {@code VL_BASE_URL}) and the flags' defaults: the plan is what was reviewed,
 * and an environment variable left over from another job must not change it unnoticed.
 */
final class PlanApplier {
    private final PlanFile plan;
    private final Path planPath;
    private final JobOptions options;
    private final Predicate<String> given;
    private final Consumer<String> notes;
    /** The plan's text, for the lines of its keys; read on first need ({@link #planText()}). */
    private String planText;
    private JobSpec.Mode mode;

    /**
     * @param given whether an option (by its longest name, e.g. {@code --batch-size}) was on the command line
     * @param notes takes the override lines and warnings, each one line; the caller prints them once nothing
     *              more is refused, so a line saying a flag overrides the plan never comes before its refusal
     */
    PlanApplier(PlanFile plan, Path planPath, JobOptions options, Predicate<String> given, Consumer<String> notes) {
        this.plan = plan;
        this.planPath = planPath;
        this.options = options;
        this.given = given;
        this.notes = notes;
    }

    /**
     * Applies the plan; then, when the input is the plan's own, checks that it did not change.
     *
     * @throws VlmetaException (usage) for an upload whose input changed since the plan was written
     */
    void apply(JobSpec.Mode mode) {
        this.mode = mode;
        InputChoice input = applyInput();
        applyColumns();
        applySettings();
        applyServer();
        if (input != InputChoice.OTHER_BY_FLAG) {
            checkInputUnchanged(mode == JobSpec.Mode.UPLOAD && input == InputChoice.PLANS);
        }
    }

    /** Where the job's input comes from. */
    private enum InputChoice {
        /** the plan's, as written */
        PLANS,
        /** the plan's path, named again by a flag: the user vouches for its content */
        SAME_BY_FLAG,
        /** another input, named by a flag */
        OTHER_BY_FLAG
    }

    private InputChoice applyInput() {
        PlanFile.Input input = plan.input();
        Path planned = resolve(input.path());
        String flag = given.test("--input") ? "--input" : given.test("--csv") ? "--csv" : null;
        boolean samePath = true;
        if (flag == null) {
            options.input = planned;
        } else {
            Path flagInput = options.input != null ? options.input : options.csv;
            samePath = flagInput.toAbsolutePath().normalize().equals(planned.toAbsolutePath().normalize());
            if (!samePath) {
                override(flag, flagInput, planned, "input.path");
            }
        }
        options.source = pick("--source", options.source, input.source(), "input.source");
        options.pathColumn = pick("--path-column", options.pathColumn, input.pathColumn(), "input.path-column");
        // a source option can also come from its own flag (--sheet, --delimiter, ...)
        merge("Source option", JobSpecs.sourceOptions(options), options.sourceOptions, input.options(),
                "input.options")
                // a name or value the source refuses is the plan's key, not a --source-option nobody typed
                .forEach(key -> options.sourceOptionOrigins.put(key, at("input.options." + key).toString()));
        return flag == null ? InputChoice.PLANS : samePath ? InputChoice.SAME_BY_FLAG : InputChoice.OTHER_BY_FLAG;
    }

    private void applyColumns() {
        if (plan.columns() == null) {
            return;
        }
        Map<String, FlagType> flagTypes = new HashMap<>();
        options.typeFlags().forEach((type, columns) -> columns.forEach(column ->
                flagTypes.put(column, new FlagType(type, "--" + type + "-fields"))));
        options.fieldTypes.forEach((column, type) -> flagTypes.put(column, new FlagType(type, "--field-type")));
        String planName = planPath.getFileName().toString();
        for (PlanFile.Column column : plan.columns()) {
            FlagType flagType = flagTypes.get(column.name());
            if (flagType != null) {
                if (!flagType.type().equals(column.type())) {
                    notes.accept("Column '" + column.name() + "' is " + typeShown(flagType.type()) + " by "
                            + flagType.option() + ", overriding the plan's "
                            + (JobSpec.isBuiltInType(column.type()) ? column.type() : "type, which is not built in")
                            + ".");
                }
                continue;
            }
            options.fieldTypes.put(column.name(), column.type());
            options.fieldReasons.put(column.name(), planName + (column.why() == null ? "" : ": " + column.why()));
        }
    }

    private void applySettings() {
        PlanFile.Settings s = plan.fieldSettings();
        if (s == null) {
            return;
        }
        options.stringMaxLength = pickLimit("--string-max-length", options.stringMaxLength, s.stringMaxLength(),
                "field-settings.string-max-length");
        options.truncateStrings = pick("--truncate-strings", options.truncateStrings, s.truncateStrings(),
                "field-settings.truncate-strings");
        options.enumLimit = pickLimit("--enum-limit", options.enumLimit, s.enumLimit(), "field-settings.enum-limit");
        options.enumOptionMaxLength = pickLimit("--enum-option-max-length", options.enumOptionMaxLength,
                s.enumOptionMaxLength(), "field-settings.enum-option-max-length");
        // checked even where a flag replaces it: a plan is refused for what it holds, and the line saying the
        // flag overrides it shows the plan's value, which must not be a word the key refuses (a secret perhaps)
        if (s.timezone() != null) {
            requireTimeZone(s.timezone());
        }
        options.timezone = pick("--timezone", options.timezone, s.timezone(), "field-settings.timezone");
        if (s.datetimeFormats() != null) { // checked even where a flag replaces them, as the time zone is
            requireDatePatterns(s.datetimeFormats());
        }
        options.datetimeFormats = pick("--datetime-format", options.datetimeFormats, s.datetimeFormats(),
                "field-settings.datetime-formats");
        merge("Field option", options.fieldOptions, options.fieldOptions, s.options(), "field-settings.options")
                // a key no field type reads is the plan's, refused once the plugins are known, not a --field-option
                .forEach(key -> options.fieldOptionOrigins.put(key, at("field-settings.options." + key).toString()));
    }

    private void applyServer() {
        PlanFile.Matching m = plan.matching();
        if (m != null) {
            if (m.matchBy() != null) { // checked even where a flag replaces it, as the time zone is
                requireMatchMode(m.matchBy());
            }
            options.matchBy = pick("--match-by", options.matchBy, m.matchBy(), "matching.match-by");
            options.allowUnmatched = pick("--allow-unmatched", options.allowUnmatched, m.allowUnmatched(),
                    "matching.allow-unmatched");
            options.exportFile = pick("--export-file", options.exportFile,
                    m.exportFile() == null ? null : resolve(m.exportFile()), "matching.export-file");
        }
        PlanFile.PatientData phi = plan.patientData();
        if (phi != null) {
            boolean allowGiven = given.test("--allow-phi");
            boolean dropGiven = given.test("--drop-phi");
            boolean allow = Boolean.TRUE.equals(phi.allow());
            boolean drop = Boolean.TRUE.equals(phi.drop());
            if (!allowGiven && !dropGiven) {
                options.allowPhi = allow;
                options.dropPhi = drop;
            } else if (allowGiven != allow || dropGiven != drop) {
                // --allow-phi and --drop-phi are one choice: a flag for either replaces the plan's choice
                notes.accept((allowGiven ? "--allow-phi" : "--drop-phi") + " overrides the plan's patient-data "
                        + "(allow: " + allow + ", drop: " + drop + ").");
            }
        }
        PlanFile.Dataset d = plan.dataset();
        if (d != null) {
            options.datasetId = pick("--dataset-id", options.datasetId, d.id(), "dataset.id");
            options.server.baseUrl = pick("--base-url", options.server.baseUrl, d.baseUrl(), "dataset.base-url");
        }
        PlanFile.Upload u = plan.upload();
        if (u != null) {
            options.batchSize = pickLimit("--batch-size", options.batchSize, u.batchSize(), "upload.batch-size");
            options.parallel = pickLimit("--parallel", options.parallel, u.parallel(), "upload.parallel");
            Duration timeout;
            try {
                timeout = u.taskTimeout() == null ? null : new DurationConverter().convert(u.taskTimeout());
            } catch (CommandLine.TypeConversionException e) {
                // the converter shows the value it refuses, as a flag's own refusal may: a plan's is not shown
                throw at("upload.task-timeout").refuse("not a duration; " + DurationConverter.FORMS);
            } catch (ArithmeticException | NumberFormatException e) { // more digits than a duration holds
                throw at("upload.task-timeout").refuse("too long a duration; " + DurationConverter.FORMS);
            }
            if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
                // a field would be declared (for good) and sent, then given up at once
                throw at("upload.task-timeout").refuse("not a positive duration; " + DurationConverter.FORMS);
            }
            options.taskTimeout = pick("--task-timeout", options.taskTimeout, timeout, "upload.task-timeout");
            Map<String, String> taken = new LinkedHashMap<>();
            merge("Sink option", options.sinkOptions, options.sinkOptions, u.sinkOptions(), "upload.sink-options")
                    // a key the sinks do not read is the plan's, not a --sink-option nobody typed
                    .forEach(key -> {
                        options.sinkOptionOrigins.put(key, at("upload.sink-options." + key).toString());
                        taken.put(key, options.sinkOptions.get(key));
                    });
            // checked here, not when the upload opens its sink, so that validate refuses what upload would
            new VisualLayerSinkProvider().checkOptionValues(taken, options.sinkOptionOrigins);
        }
    }

    /** A column's type as a flag gives it, and the flag: {@code --float-fields} or {@code --field-type}. */
    private record FlagType(String type, String option) {
    }

    /**
     * @return a type's name when vlmeta ships it, else {@code a type not built in}: the plugins are not loaded yet,
     *     so any other word cannot be told from a slip (a secret typed as {@code --field-type caption=S3CRET})
     */
    private static String typeShown(String type) {
        return JobSpec.isBuiltInType(type) ? type : "a type not built in";
    }

    /** The plan's zone is not named back: any text may stand there, as in the flag it stands for. */
    private void requireTimeZone(String zone) {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw at("field-settings.timezone").refuse("not a time zone; " + JobSpecs.TIME_ZONES_ACCEPTED);
        }
    }

    /** Each pattern is refused as its entry, by its line, never shown: any text may stand there. */
    private void requireDatePatterns(List<String> patterns) {
        for (int i = 0; i < patterns.size(); i++) {
            String pattern = patterns.get(i);
            String key = "field-settings.datetime-formats[" + (i + 1) + "]";
            if (pattern == null || pattern.isBlank()) {
                throw at(key).refuse("no value; give a pattern such as dd/MM/uuuu, or remove the entry");
            }
            DatetimePatterns.fault(pattern).ifPresent(why -> {
                throw at(key).refuse(why);
            });
        }
    }

    /** Read as the sink reads {@code --match-by}; checked here, as validate never opens the sink. */
    private void requireMatchMode(String matchBy) {
        List<String> modes = VisualLayerSinkProvider.matchModes();
        if (!modes.contains(matchBy.strip().toLowerCase(Locale.ROOT))) {
            throw at("matching.match-by").refuse("not a way to match; use one of " + String.join(", ", modes));
        }
    }

    /** @return where in the plan a refusal of {@code key} points: its line too, when the file still shows it */
    private PlanPlace at(String key) {
        return PlanPlace.of(planPath).line(PlanColumns.keyLine(planText(), key)).key(key);
    }

    /**
     * @return the plan's text, read once for every key a refusal or an option's origin names; empty when it
     *     cannot be read again (it was read moments ago), and then a refusal names the key alone
     */
    private String planText() {
        if (planText == null) {
            try {
                planText = Files.readString(planPath);
            } catch (IOException | RuntimeException e) {
                planText = "";
            }
        }
        return planText;
    }

    /** @param refuse refuse a changed input (an upload of the plan's own input), else warn */
    private void checkInputUnchanged(boolean refuse) {
        PlanFile.Input input = plan.input();
        if (input.sha256() == null || input.size() == null || input.modified() == null) {
            return; // a hand-written plan without a fingerprint: nothing to compare
        }
        InputFingerprint before = new InputFingerprint(input.size(), java.time.Instant.parse(input.modified()),
                input.files(), input.sha256());
        Path current = options.input != null ? options.input : options.csv;
        InputFingerprint now = InputFingerprint.of(current);
        if (now.sameContentAs(before)) {
            return;
        }
        String what = "Input " + current + " changed since plan " + planPath + " was written ("
                + now.differenceFrom(before) + ")";
        if (refuse) {
            throw VlmetaException.usage(what + ". Its types were decided on the old content: write and review a "
                    + "new plan with 'vlmeta plan', or name the input beside the plan (--input) to run this plan "
                    + "on it anyway.");
        }
        notes.accept("Warning: " + what + "; checking the new content against the plan.");
    }

    /**
     * A path in a plan: absolute as {@code plan} writes it, or relative to the plan's own folder, so a
     * plan kept beside its data can be moved with it.
     */
    private Path resolve(String path) {
        Path folder = planPath.toAbsolutePath().getParent();
        return folder == null ? Path.of(path) : folder.resolve(path).normalize();
    }

    /** @return the flag's value when given (saying so when it differs from the plan's), else the plan's when set */
    private <T> T pick(String flag, T flagValue, T planValue, String planKey) {
        if (planValue == null) {
            return flagValue;
        }
        if (given.test(flag)) {
            override(flag, flagValue, planValue, planKey);
            return flagValue;
        }
        return planValue;
    }

    /**
     * {@link #pick} for a limit of at least 1: a plan's value below it, taken because no flag replaced it, is
     * refused as the plan's key, not as a flag nobody typed
     */
    private int pickLimit(String flag, int flagValue, Integer planValue, String planKey) {
        if (planValue != null && !given.test(flag) && planValue < 1) {
            throw at(planKey).refuse("the value given is " + planValue + "; it takes a whole number of at least 1");
        }
        return pick(flag, flagValue, planValue, planKey);
    }

    private void override(String flag, Object flagValue, Object planValue, String planKey) {
        // validate says once that it ignores the flags only an upload reads: it would not say they override too
        boolean ignored = mode == JobSpec.Mode.VALIDATE && JobOptions.UPLOAD_ONLY.contains(flag);
        if (!ignored && !Objects.equals(flagValue, planValue)) {
            notes.accept(flag + " " + display(flag, flagValue) + " overrides the plan's " + planKey + " ("
                    + display(flag, planValue) + ").");
        }
    }

    /** @return a value as the console may show it: a base URL without its password, as the banner shows it */
    private static String display(String flag, Object value) {
        return flag.equals("--base-url") && value instanceof String url ? UrlText.withoutPassword(url) : display(value);
    }

    private static String display(Object value) {
        if (value instanceof Duration duration) {
            return PlanFiles.duration(duration);
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "none" : String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    /**
     * Puts each planned option the flags did not set into {@code into}, saying so for each flag that
     * overrides a different planned value.
     *
     * @param flags the options the flags set
     * @return the keys whose planned value was put into {@code into}
     */
    private List<String> merge(String what, Map<String, String> flags, Map<String, String> into,
                               Map<String, String> planned, String planKey) {
        if (planned == null) {
            return List.of();
        }
        List<String> taken = new ArrayList<>();
        planned.forEach((key, value) -> {
            if (value == null || value.isBlank()) {
                // YAML's ~, null or nothing after the colon: no option of any plugin takes an empty value
                throw at(planKey + "." + key).refuse("no value; give one, or remove the key to leave the option "
                        + "unset");
            }
            String flagValue = flags.get(key);
            if (flagValue == null) {
                into.put(key, value);
                taken.add(key);
            } else if (!flagValue.equals(value)) {
                notes.accept(what + " " + key + "=" + flagValue + " (flag) overrides the plan's " + planKey + " " + key
                        + "=" + value + ".");
            }
        });
        return taken;
    }
}

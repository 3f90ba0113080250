package io.vlmeta.cli;

import io.vlmeta.api.OptionRanges;
import io.vlmeta.api.VlmetaException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Refuses, as the command line is parsed, a job option's value that is of the right kind but not one the option
 * takes: a limit below 1 ({@code --batch-size 0}), a duration that is not longer than zero
 * ({@code --task-timeout PT-5M}), a zone no clock knows ({@code --timezone}), an empty column name
 * ({@code --string-fields ""}, {@code --field-type =string}). Refused here, each ends as the parser's own refusals
 * of a value do, with where help is, and before anything is read or sent: a timeout of zero would otherwise be
 * declared on the server, which keeps it, and fail only once its batches were sent.
 *
 * <p>A number or duration that parsed is named back ({@link OptionRanges}: a setting, no secret); a zone or a
 * column name is never shown, as it may be a secret typed in the wrong place.
 */
final class JobOptionValues {
    /** The whole-number options that take 1 or more. */
    static final List<String> AT_LEAST_ONE = List.of("--string-max-length", "--enum-limit",
            "--enum-option-max-length", "--batch-size", "--parallel");
    /** The duration options that take only a duration longer than zero: each is how long something may take. */
    static final List<String> POSITIVE_DURATIONS = List.of("--task-timeout");
    /** The options whose values are column names, or globs of them, one a word. */
    static final List<String> COLUMN_LISTS = List.of("--string-fields", "--float-fields", "--datetime-fields",
            "--enum-fields", "--multi-enum-fields", "--link-fields", "--columns", "--exclude-columns");
    /** The refusal of a {@code --timezone} that names no zone; the word is not shown. */
    static final String NOT_A_TIME_ZONE = "--timezone takes a time zone: " + JobSpecs.TIME_ZONES_ACCEPTED
            + "; the value given is not one.";

    private JobOptionValues() {
    }

    /**
     * @param parsed the parse result of the whole command line
     * @throws CommandLine.ParameterException for the first value of a job option (upload, validate, plan) that the
     *     option does not take; a validation's options that only an upload reads are not checked, as it ignores them
     */
    static void refuse(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.commandSpec().mixins().values().stream()
                    .anyMatch(mixin -> mixin.userObject() instanceof JobOptions)) {
                try {
                    refuseIn(level);
                } catch (VlmetaException e) {
                    throw new CommandLine.ParameterException(level.commandSpec().commandLine(), e.getMessage());
                }
            }
        }
    }

    private static void refuseIn(CommandLine.ParseResult level) {
        boolean ignoresUploadOnly = level.commandSpec().userObject() instanceof ValidateCommand;
        for (String name : AT_LEAST_ONE) {
            if (checked(level, name, ignoresUploadOnly)) {
                OptionRanges.atLeast(name, level.matchedOptionValue(name, 1), 1);
            }
        }
        for (String name : POSITIVE_DURATIONS) {
            if (checked(level, name, ignoresUploadOnly)) {
                OptionRanges.positive(name, level.matchedOptionValue(name, Duration.ZERO));
            }
        }
        for (String name : COLUMN_LISTS) {
            List<String> columns = level.matchedOptionValue(name, List.of());
            if (columns.stream().anyMatch(String::isEmpty)) {
                throw VlmetaException.usage(name + " takes column names, and one given is empty: give each column's "
                        + "name.");
            }
        }
        Map<String, String> fieldTypes = level.matchedOptionValue("--field-type", Map.of());
        if (fieldTypes.containsKey("")) {
            throw VlmetaException.usage("--field-type takes COLUMN=TYPE, a column's name before the '='; one was "
                    + "given with none: e.g. --field-type score=float.");
        }
        if (level.hasMatchedOption("--timezone")) {
            try {
                ZoneId.of(level.matchedOptionValue("--timezone", "UTC"));
            } catch (DateTimeException e) {
                throw VlmetaException.usage(NOT_A_TIME_ZONE);
            }
        }
    }

    private static boolean checked(CommandLine.ParseResult level, String name, boolean ignoresUploadOnly) {
        return level.hasMatchedOption(name) && !(ignoresUploadOnly && JobOptions.UPLOAD_ONLY.contains(name));
    }
}

package io.vlmeta.api;

import java.util.Objects;

/**
 * One thing wrong (or worth a warning) with the input, found before anything is sent.
 *
 * <p>{@link #render()} gives the line users read, e.g.
 * {@code Row 5, field 'score': Invalid float value 'abc'. Must be a valid number.}
 *
 * @param severity whether it stops the job
 * @param category the group it is printed under
 * @param location where it is; {@code null} for whole-column or whole-file problems
 * @param field    the field (column) concerned; {@code null} when the problem is not about one field
 * @param message  the sentence without the row and field prefix; never blank
 * @since 0.1
 */
public record Problem(Severity severity, ProblemCategory category, Location location, String field, String message) {

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(message, "message");
    }

    /** An error at a row, for a field. */
    public static Problem error(ProblemCategory category, Location location, String field, String message) {
        return new Problem(Severity.ERROR, category, location, field, message);
    }

    /** A warning at a row, for a field. */
    public static Problem warning(ProblemCategory category, Location location, String field, String message) {
        return new Problem(Severity.WARNING, category, location, field, message);
    }

    /** @return true for {@link Severity#ERROR} */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * @return {@code "Row 5, field 'score': <message>"}, {@code "Row 5: <message>"} without a
     *     field, or the message alone for whole-column and whole-file problems (whose messages
     *     name the field themselves, e.g. {@code "Field 'status' (enum): Has 750 unique values..."})
     */
    public String render() {
        if (location == null) {
            return message;
        }
        return field == null
                ? location.rowLabel() + ": " + message
                : location.rowLabel() + ", field '" + field + "': " + message;
    }
}

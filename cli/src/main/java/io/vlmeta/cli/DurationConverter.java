package io.vlmeta.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads {@code 90s}, {@code 30m}, {@code 2h}, {@code 500ms} or ISO 8601 ({@code PT30M}). A word of neither form is
 * refused with a {@link CommandLine.TypeConversionException}; one of more than a duration holds, in either form,
 * with an {@link ArithmeticException} or a {@link NumberFormatException}, which the command line's refusal and a
 * plan's each word as too long, without the value.
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    /** Durations in the forms this reads, for a refusal to show. */
    static final String EXAMPLES = "e.g. 90s, 30m, 2h or PT30M";
    /** The forms a duration takes, as a refusal ends with them. */
    static final String FORMS = "write " + EXAMPLES;

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Matcher shortForm = SHORT.matcher(text);
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return switch (shortForm.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            if (e.getCause() instanceof ArithmeticException || e.getCause() instanceof NumberFormatException) {
                // an ISO duration of more than a duration holds is too long, as 999999999999999999999h is
                throw new ArithmeticException("too long a duration");
            }
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration: " + FORMS);
        }
    }
}

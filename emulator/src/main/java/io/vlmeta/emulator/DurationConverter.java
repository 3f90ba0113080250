package io.vlmeta.emulator;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads durations written as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, or ISO 8601 ({@code PT30S}). */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Override
    public Duration convert(String text) {
        Matcher matcher = SHORT.matcher(text.trim());
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            // the command line's other durations' shape, which vlmeta's command line words as it words every value
            // of the wrong kind: the option and what it takes, not the value
            throw new CommandLine.TypeConversionException("'" + text
                    + "' is not a duration: write e.g. 500ms, 30s, 5m, 1h or PT30S");
        }
    }
}

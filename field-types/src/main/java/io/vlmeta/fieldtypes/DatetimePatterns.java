package io.vlmeta.fieldtypes;

import io.vlmeta.api.VlmetaException;
import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The explicit {@link DateTimeFormatter} patterns a user adds with {@code --datetime-format}, compiled
 * once per field. Resolving is STRICT, so {@code 30/02/2024} is refused rather than moved to March;
 * {@code yyyy} works as users expect (the era defaults to the current one); month and day names are
 * English and read in any case. Public for its checks only ({@link #check}, {@link #fault}), which the command
 * line runs before any field is known.
 */
public final class DatetimePatterns {

    /** A date-time that every complete pattern can write and read back, to check patterns up front. */
    private static final ZonedDateTime SAMPLE = ZonedDateTime.of(2024, 1, 15, 10, 30, 0, 0, ZoneId.of("Europe/Paris"));

    private final List<String> patterns;
    private final List<DateTimeFormatter> formatters;

    private DatetimePatterns(List<String> patterns, List<DateTimeFormatter> formatters) {
        this.patterns = List.copyOf(patterns);
        this.formatters = List.copyOf(formatters);
    }

    /**
     * @throws VlmetaException a usage error when a pattern is malformed or does not give a whole date
     */
    static DatetimePatterns compile(List<String> patterns) {
        check(patterns);
        List<DateTimeFormatter> formatters = new ArrayList<>(patterns.size());
        for (String pattern : patterns) {
            formatters.add(formatter(pattern));
        }
        return new DatetimePatterns(patterns, formatters);
    }

    /**
     * Checks the {@code --datetime-format} patterns given, whatever the fields: a pattern no field reads yet is a
     * typo all the same.
     *
     * @param patterns the patterns as given, in order; none null
     * @throws VlmetaException a usage error naming the first pattern that is malformed or does not give a whole
     *     date by its place among those given, never by its text
     */
    public static void check(List<String> patterns) {
        for (int i = 0; i < patterns.size(); i++) {
            String named = patterns.size() == 1 ? "The --datetime-format given"
                    : "The " + ordinal(i + 1) + " --datetime-format given";
            fault(patterns.get(i)).ifPresent(why -> {
                throw VlmetaException.usage(named + " is " + why + ".");
            });
        }
    }

    /**
     * @param pattern a pattern, never null
     * @return what is wrong with it, without its text (a value typed in the wrong place may be a secret) and
     *     without a final full stop, e.g. {@code "not a date pattern Java reads ('b' is not a pattern letter); write
     *     one such as ..."} or {@code "not a whole date pattern; it must include the year, month and day (e.g.
     *     dd/MM/uuuu)"}; empty when it reads a whole date
     */
    public static Optional<String> fault(String pattern) {
        DateTimeFormatter formatter;
        try {
            formatter = formatter(pattern);
        } catch (IllegalArgumentException malformed) {
            return Optional.of("not a date pattern Java reads (" + PatternFaults.why(malformed) + "); write one such "
                    + "as dd/MM/uuuu or uuuu-MM-dd HH:mm, with the letters of Java's DateTimeFormatter");
        }
        TemporalAccessor sample;
        try {
            sample = formatter.parse(formatter.format(SAMPLE));
        } catch (DateTimeException incomplete) {
            sample = null;
        }
        if (sample == null || sample.query(TemporalQueries.localDate()) == null) {
            return Optional.of("not a whole date pattern; it must include the year, month and day (e.g. dd/MM/uuuu)");
        }
        return Optional.empty();
    }

    /** @return {@code 1st}, {@code 2nd}, {@code 3rd}, {@code 4th} ... */
    private static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th"
                : switch (n % 10) { case 1 -> "st"; case 2 -> "nd"; case 3 -> "rd"; default -> "th"; };
        return n + suffix;
    }

    /** @throws IllegalArgumentException when the pattern is malformed */
    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(Locale.ENGLISH)
                .withChronology(IsoChronology.INSTANCE)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** @return true when no pattern was given */
    boolean isEmpty() {
        return formatters.isEmpty();
    }

    /** @return the patterns as the user gave them, for messages */
    List<String> patterns() {
        return patterns;
    }

    /**
     * @return the fields of the first pattern whose shape {@code text} has, resolved; {@code null}
     *     when it has the shape of none
     * @throws DateTimeException when it has a pattern's shape but names no real date or time
     */
    TemporalAccessor parse(String text) {
        for (DateTimeFormatter formatter : formatters) {
            // The unresolved parse reports a wrong shape without an exception; only a value of the
            // right shape pays for the full parse.
            ParsePosition position = new ParsePosition(0);
            if (formatter.parseUnresolved(text, position) != null && position.getIndex() == text.length()) {
                return formatter.parse(text);
            }
        }
        return null;
    }
}

package io.vlmeta.api;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Reads the one form datetime values are sent in, {@code YYYY-MM-DDTHH:MM:SSZ} (ISO 8601 in UTC, as
 * {@link java.time.format.DateTimeFormatter#ISO_INSTANT} writes whole seconds; the form Visual
 * Layer's datetime fields take), digit by digit instead of through {@link java.time.Instant#parse},
 * which builds a parsed-fields map per value: one rule for the report and the emulator. Only texts
 * that {@code Instant.parse} reads as the same instant are accepted: a real calendar date, hours to
 * 23, minutes and seconds to 59 (a leap second {@code :60} is not).
 *
 * @since 0.2
 */
public final class UtcDateTimes {
    /** Returned for any text that is not exactly that form of a real date-time. */
    public static final long NOT_CANONICAL = Long.MIN_VALUE;

    private static final String PATTERN = "dddd-dd-ddTdd:dd:ddZ";

    private UtcDateTimes() {
    }

    /**
     * @return the seconds since 1970-01-01T00:00:00Z, or {@link #NOT_CANONICAL} when the text is not a
     *         real date-time in the form {@code YYYY-MM-DDTHH:MM:SSZ} (years 0000 to 9999)
     */
    public static long epochSecond(String text) {
        if (text.length() != PATTERN.length()) {
            return NOT_CANONICAL;
        }
        for (int i = 0; i < PATTERN.length(); i++) {
            char expected = PATTERN.charAt(i);
            char c = text.charAt(i);
            if (expected == 'd' ? c < '0' || c > '9' : c != expected) {
                return NOT_CANONICAL;
            }
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        if (month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour > 23 || minute > 59 || second > 59) {
            return NOT_CANONICAL;
        }
        return LocalDate.of(year, month, day).toEpochDay() * 86_400 + hour * 3_600 + minute * 60 + second;
    }

    /**
     * @param text a text that {@link #epochSecond} read (anything else gives a meaningless number)
     * @return its date as the number {@code yyyymmdd}, e.g. {@code 20240229}
     */
    public static int dateKey(String text) {
        return number(text, 0, 4) * 10_000 + number(text, 5, 7) * 100 + number(text, 8, 10);
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}

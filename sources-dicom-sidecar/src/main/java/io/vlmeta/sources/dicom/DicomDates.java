package io.vlmeta.sources.dicom;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DICOM DA, TM and DT values (PS3.5 section 6.2), plus the separated forms that flat sidecar writers
 * use ({@code 2004-01-19}, {@code 11:29:36.000000}, {@code 1997-04-30T11:29:36}). Partial times are
 * valid DICOM ({@code 07}, {@code 0730}); missing parts are zero. A time alone never gets a date.
 */
final class DicomDates {
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-.]?(\\d{2})[-.]?(\\d{2})");
    private static final Pattern TIME = Pattern.compile("(\\d{2})(?::?(\\d{2})(?::?(\\d{2})(?:\\.(\\d{1,6}))?)?)?");
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})(?:-?(\\d{2})(?:-?(\\d{2})(?:[T ]?(\\d{2})(?::?(\\d{2})(?::?(\\d{2})(?:\\.(\\d{1,6}))?)?)?)?)?)?"
                    + "(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{2}):?(\\d{2})");

    /** A time of day as DICOM wrote it, with its normalized text {@code HH:MM:SS[.ffffff]}. */
    record TimeOfDay(LocalTime time, String text) {
    }

    private DicomDates() {
    }

    static Optional<LocalDate> date(String value) {
        Matcher m = DATE.matcher(value.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(num(m.group(1)), num(m.group(2)), num(m.group(3))));
        } catch (DateTimeException impossible) {
            return Optional.empty();
        }
    }

    static Optional<TimeOfDay> time(String value) {
        Matcher m = TIME.matcher(value.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int hour = num(m.group(1));
        int minute = m.group(2) == null ? 0 : num(m.group(2));
        int second = m.group(3) == null ? 0 : num(m.group(3));
        String fraction = m.group(4);
        // DICOM allows a leap second (60); a LocalTime cannot hold it, so the instant keeps 59.
        if (hour > 23 || minute > 59 || second > 60) {
            return Optional.empty();
        }
        int nanos = fraction == null ? 0 : num((fraction + "000000000").substring(0, 9));
        String text = String.format("%02d:%02d:%02d", hour, minute, second) + (fraction == null ? "" : "." + fraction);
        return Optional.of(new TimeOfDay(LocalTime.of(hour, minute, Math.min(second, 59), nanos), text));
    }

    /** A DT value; the offset is empty when the value carried none. */
    static Optional<DateTimeValue> dateTime(String value) {
        Matcher m = DATE_TIME.matcher(value.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(num(m.group(1)), orDefault(m.group(2), 1), orDefault(m.group(3), 1));
            int second = orDefault(m.group(6), 0);
            if (second > 60) {
                return Optional.empty();
            }
            int nanos = m.group(7) == null ? 0 : num((m.group(7) + "000000000").substring(0, 9));
            LocalTime time = LocalTime.of(orDefault(m.group(4), 0), orDefault(m.group(5), 0), Math.min(second, 59), nanos);
            ZoneOffset offset = null;
            if (m.group(8) != null) {
                Optional<ZoneOffset> parsed = m.group(8).equals("Z") ? Optional.of(ZoneOffset.UTC) : offset(m.group(8));
                if (parsed.isEmpty()) {
                    return Optional.empty();
                }
                offset = parsed.get();
            }
            return Optional.of(new DateTimeValue(LocalDateTime.of(date, time), offset));
        } catch (DateTimeException impossible) {
            return Optional.empty();
        }
    }

    /** An offset as DICOM writes it ({@code -0400}, TimezoneOffsetFromUTC and the DT suffix), or {@code -04:00}. */
    static Optional<ZoneOffset> offset(String value) {
        Matcher m = OFFSET.matcher(value.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int sign = m.group(1).equals("-") ? -1 : 1;
        try {
            return Optional.of(ZoneOffset.ofHoursMinutes(sign * num(m.group(2)), sign * num(m.group(3))));
        } catch (DateTimeException outOfRange) {
            return Optional.empty();
        }
    }

    /** A wall-clock date-time and the offset it carried, or {@code null}. */
    record DateTimeValue(LocalDateTime dateTime, ZoneOffset offset) {
    }

    private static int orDefault(String digits, int fallback) {
        return digits == null ? fallback : num(digits);
    }

    private static int num(String digits) {
        return Integer.parseInt(digits);
    }
}

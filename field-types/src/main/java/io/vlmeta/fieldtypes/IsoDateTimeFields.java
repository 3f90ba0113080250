package io.vlmeta.fieldtypes;

/**
 * The fields of a date-time written in one of the ISO 8601 forms vlmeta accepts, read by hand
 * rather than by {@link java.time.format.DateTimeFormatter}: it is the hot path of datetime columns,
 * and refusing a value this way costs no exception. Only the shape is checked here; whether the
 * date, time and offset exist is the caller's question.
 *
 * <p>Accepted shapes: {@code YYYY-MM-DD}, optionally followed by {@code T} (or a space) and
 * {@code HH:MM}, {@code HH:MM:SS} or {@code HH:MM:SS.fraction}, optionally followed by {@code Z} or
 * an offset {@code +HH:MM}, {@code +HHMM} or {@code +HH}.
 *
 * @param offsetMinutes the minutes part of the offset as written, checked by the caller (at most 59)
 * @param offsetSeconds the offset in seconds east of UTC; meaningful only when {@code hasOffset}
 */
record IsoDateTimeFields(int year, int month, int day, int hour, int minute, int second,
                         boolean hasOffset, int offsetMinutes, int offsetSeconds) {

    /** @return the fields of {@code text}, or {@code null} when it has none of the accepted shapes */
    static IsoDateTimeFields read(String text) {
        int length = text.length();
        if (length < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        if (length == 10) {
            return new IsoDateTimeFields(year, month, day, 0, 0, 0, false, 0, 0);
        }
        char separator = text.charAt(10);
        if ((separator != 'T' && separator != 't' && separator != ' ') || length < 16 || text.charAt(13) != ':') {
            return null;
        }
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        if (hour < 0 || minute < 0) {
            return null;
        }
        int i = 16;
        int second = 0;
        if (i < length && text.charAt(i) == ':') {
            second = digits(text, i + 1, 2);
            if (second < 0) {
                return null;
            }
            i += 3;
            if (i < length && (text.charAt(i) == '.' || text.charAt(i) == ',')) {
                int fractionStart = ++i;
                while (i < length && isDigit(text.charAt(i))) {
                    i++;
                }
                if (i == fractionStart) {
                    return null;
                }
            }
        }
        if (i == length) {
            return new IsoDateTimeFields(year, month, day, hour, minute, second, false, 0, 0);
        }
        return readOffset(text, i, year, month, day, hour, minute, second);
    }

    private static IsoDateTimeFields readOffset(String text, int i, int year, int month, int day, int hour,
                                                int minute, int second) {
        int length = text.length();
        char sign = text.charAt(i);
        if ((sign == 'Z' || sign == 'z') && i + 1 == length) {
            return new IsoDateTimeFields(year, month, day, hour, minute, second, true, 0, 0);
        }
        if (sign != '+' && sign != '-') {
            return null;
        }
        int offsetHours = digits(text, i + 1, 2);
        int offsetMinutes;
        int rest = length - (i + 3);
        if (rest == 0) {
            offsetMinutes = 0;
        } else if (rest == 3 && text.charAt(i + 3) == ':') {
            offsetMinutes = digits(text, i + 4, 2);
        } else if (rest == 2) {
            offsetMinutes = digits(text, i + 3, 2);
        } else {
            return null;
        }
        if (offsetHours < 0 || offsetMinutes < 0) {
            return null;
        }
        int offsetSeconds = (sign == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
        return new IsoDateTimeFields(year, month, day, hour, minute, second, true, offsetMinutes, offsetSeconds);
    }

    /**
     * @param offsetSeconds the offset of the wall-clock time from UTC, in seconds east
     * @return the instant, in seconds since 1970-01-01T00:00:00Z, of these fields (a date and time
     *     that exist, in the proleptic Gregorian calendar of ISO 8601) at that offset
     */
    long epochSecondAtOffset(int offsetSeconds) {
        return CivilDays.epochDay(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    }

    /** @return the value of {@code count} ASCII digits at {@code start}, or -1 if any is missing or not a digit */
    private static int digits(String text, int start, int count) {
        if (start + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

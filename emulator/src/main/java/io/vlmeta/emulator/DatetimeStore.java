package io.vlmeta.emulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/** Datetime values, strictly {@code YYYY-MM-DDTHH:MM:SSZ}, kept as epoch seconds. */
final class DatetimeStore implements FieldStore {
    private static final long NONE = Long.MIN_VALUE;
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");
    private static final String PATTERN = "dddd-dd-ddTdd:dd:ddZ";

    private final long[] seconds;

    DatetimeStore(int size) {
        seconds = new long[size];
        Arrays.fill(seconds, NONE);
    }

    @Override
    public String accept(int ordinal, UploadedValue value) {
        if (value.kind() != UploadedValue.Kind.STRING) {
            return "Expected String, got " + value.typeName();
        }
        String text = value.text();
        LocalDateTime parsed = parse(text);
        if (parsed == null) {
            return "Invalid datetime '" + Reasons.shorten(text) + "': expected YYYY-MM-DDTHH:MM:SSZ";
        }
        seconds[ordinal] = parsed.toEpochSecond(ZoneOffset.UTC);
        return null;
    }

    /** @return the date-time, or null when the text is not exactly the format or names no real instant */
    static LocalDateTime parse(String text) {
        if (text.length() != PATTERN.length()) {
            return null;
        }
        for (int i = 0; i < PATTERN.length(); i++) {
            char expected = PATTERN.charAt(i);
            char c = text.charAt(i);
            if (expected == 'd' ? c < '0' || c > '9' : c != expected) {
                return null;
            }
        }
        try {
            return LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10),
                    number(text, 11, 13), number(text, 14, 16), number(text, 17, 19));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    @Override
    public boolean has(int ordinal) {
        return seconds[ordinal] != NONE;
    }

    @Override
    public Object value(int ordinal) {
        return FORMAT.format(LocalDateTime.ofEpochSecond(seconds[ordinal], 0, ZoneOffset.UTC));
    }

    @Override
    public void write(JsonGenerator generator, int ordinal) throws IOException {
        generator.writeString((String) value(ordinal));
    }
}

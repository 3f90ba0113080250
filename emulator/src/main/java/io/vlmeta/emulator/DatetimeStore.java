package io.vlmeta.emulator;

import com.fasterxml.jackson.core.JsonGenerator;
import io.vlmeta.api.UtcDateTimes;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * Datetime values, strictly {@code YYYY-MM-DDTHH:MM:SSZ} of a real instant (the rule of
 * {@link UtcDateTimes}), kept as epoch seconds.
 */
final class DatetimeStore implements FieldStore {
    private static final long NONE = Long.MIN_VALUE;
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

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
        long second = UtcDateTimes.epochSecond(text);
        if (second == UtcDateTimes.NOT_CANONICAL) {
            return "Invalid datetime '" + Reasons.shorten(text) + "': expected YYYY-MM-DDTHH:MM:SSZ";
        }
        seconds[ordinal] = second;
        return null;
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

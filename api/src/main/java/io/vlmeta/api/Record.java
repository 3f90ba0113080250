package io.vlmeta.api;

import java.util.Map;
import java.util.Objects;

/**
 * One row of input: the media key, where it came from, and the raw values by column name.
 *
 * <p>For speed the map is not copied: a source hands over a map it will not change afterwards.
 * Columns that a row does not hold are simply absent; {@link #value(String)} returns
 * {@link RawValue.Missing} for them.
 *
 * @param key      the media key as written (the {@code file_fullpath} value, a sidecar's path);
 *                 never {@code null} or blank
 * @param location where the row is
 * @param values   raw values by column name; the key column may be included or not
 * @since 0.1
 */
public record Record(String key, Location location, Map<String, RawValue> values) {

    public Record {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(values, "values");
    }

    /** @return the value in that column, or {@link RawValue.Missing} when the row has none */
    public RawValue value(String column) {
        RawValue value = values.get(column);
        return value == null ? RawValue.Missing.INSTANCE : value;
    }
}

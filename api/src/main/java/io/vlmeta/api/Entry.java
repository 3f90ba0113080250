package io.vlmeta.api;

import java.util.Objects;

/**
 * One value to upload for one media item.
 *
 * @param mediaId  the media id; {@code null} only when the mapping is {@link Resolution.Unchecked} (dry runs)
 * @param value    the JSON value from the field type ({@link String}, {@link java.math.BigDecimal}, {@code List<String>})
 * @param key      the record's key, for reports
 * @param location where the value came from, for mapping server rejections back to rows
 * @since 0.1
 */
public record Entry(String mediaId, Object value, String key, Location location) {

    public Entry {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(location, "location");
    }
}

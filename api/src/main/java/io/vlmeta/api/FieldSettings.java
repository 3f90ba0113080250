package io.vlmeta.api;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The job's settings that field types read, built from flags.
 *
 * @param stringMaxLength     longest string value accepted ({@code --string-max-length}, default 255)
 * @param truncateStrings     cut longer strings (with a warning each) instead of refusing them
 * @param enumLimit           most distinct values per enum or multi-enum field ({@code --enum-limit}, default 600)
 * @param enumOptionMaxLength longest enum option ({@code --enum-option-max-length}, default 20)
 * @param timezone            the zone for date-times written without one ({@code --timezone}, default UTC)
 * @param datetimeFormats     extra {@link java.time.format.DateTimeFormatter} patterns ({@code --datetime-format})
 * @param options             settings for plugin field types, from {@code --field-option k=v}
 * @since 0.1
 */
public record FieldSettings(int stringMaxLength, boolean truncateStrings, int enumLimit, int enumOptionMaxLength,
                            ZoneId timezone, List<String> datetimeFormats, Map<String, String> options) {

    /** Default string limit, as stated by Visual Layer's upload guide. */
    public static final int DEFAULT_STRING_MAX_LENGTH = 255;
    /** Default distinct-value limit for enum fields. */
    public static final int DEFAULT_ENUM_LIMIT = 600;
    /** Default enum option length limit. */
    public static final int DEFAULT_ENUM_OPTION_MAX_LENGTH = 20;

    public FieldSettings {
        Objects.requireNonNull(timezone, "timezone");
        datetimeFormats = List.copyOf(datetimeFormats);
        options = Map.copyOf(options);
        if (stringMaxLength < 1 || enumLimit < 1 || enumOptionMaxLength < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** @return the documented defaults */
    public static FieldSettings defaults() {
        return new FieldSettings(DEFAULT_STRING_MAX_LENGTH, false, DEFAULT_ENUM_LIMIT, DEFAULT_ENUM_OPTION_MAX_LENGTH,
                ZoneId.of("UTC"), List.of(), Map.of());
    }

    /** @return a plugin option, if given */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }
}

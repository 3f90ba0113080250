package io.vlmeta.fieldtypes;

import io.vlmeta.api.ColumnAccumulator;
import io.vlmeta.api.FieldSettings;
import io.vlmeta.api.FieldTypeHandler;
import io.vlmeta.api.ValueParser;
import java.util.Optional;
import java.util.Set;

/**
 * {@code datetime}: ISO 8601 text ({@code 2024-01-15T10:30:00Z}, any offset, {@code 2024-01-15},
 * {@code 2024-01-15 10:30:00}, fractional seconds), the user's explicit
 * {@link FieldSettings#datetimeFormats()} patterns, or a date cell; sent as UTC text
 * {@code YYYY-MM-DDTHH:MM:SSZ}. Values without a zone are read in {@link FieldSettings#timezone()}.
 * Ambiguous forms such as {@code 03/04/2024} are never guessed, and impossible dates are refused.
 */
public final class DatetimeFieldType implements FieldTypeHandler {

    /** The name used in flags and plans. */
    public static final String NAME = "datetime";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "A date or date-time, ISO 8601 (2024-01-15T10:30:00Z, 2024-01-15) or --datetime-format; sent in UTC";
    }

    /**
     * @throws io.vlmeta.api.VlmetaException a usage error when a {@code --datetime-format} pattern is
     *     malformed or does not give a whole date
     */
    /** @return no names: its settings are the job's own flags, none of them a field option */
    @Override
    public Optional<Set<String>> optionNames() {
        return Optional.of(Set.of());
    }

    @Override
    public ValueParser parser(FieldSettings settings) {
        return new DatetimeParser(settings.timezone(), DatetimePatterns.compile(settings.datetimeFormats()));
    }

    @Override
    public ColumnAccumulator newAccumulator(String fieldName, FieldSettings settings) {
        return new SimpleColumnAccumulator(fieldName, NAME, "datetime");
    }
}

package io.vlmeta.fieldtypes;

import io.vlmeta.api.ColumnAccumulator;
import io.vlmeta.api.FieldSettings;
import io.vlmeta.api.FieldTypeHandler;
import io.vlmeta.api.ValueParser;
import java.util.Optional;
import java.util.Set;

/**
 * {@code string}: any text up to {@link FieldSettings#stringMaxLength()} characters (counted as code
 * points), sent as a JSON string. Longer text is refused, or cut with a warning when
 * {@link FieldSettings#truncateStrings()} is set. Number cells send their plain digits, date cells
 * their ISO text.
 */
public final class StringFieldType implements FieldTypeHandler {

    /** The name used in flags and plans. */
    public static final String NAME = "string";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Text, at most 255 characters by default (--string-max-length, --truncate-strings)";
    }

    /** @return no names: its settings are the job's own flags, none of them a field option */
    @Override
    public Optional<Set<String>> optionNames() {
        return Optional.of(Set.of());
    }

    @Override
    public ValueParser parser(FieldSettings settings) {
        return new StringParser(settings.stringMaxLength(), settings.truncateStrings());
    }

    @Override
    public ColumnAccumulator newAccumulator(String fieldName, FieldSettings settings) {
        return new SimpleColumnAccumulator(fieldName, NAME, "string");
    }
}

package io.vlmeta.fieldtypes;

import io.vlmeta.api.ColumnAccumulator;
import io.vlmeta.api.FieldSettings;
import io.vlmeta.api.FieldTypeHandler;
import io.vlmeta.api.ValueParser;
import java.util.Optional;
import java.util.Set;

/**
 * {@code multi-enum}: a list of options per cell, written {@code tag1, tag2} or as a JSON array of
 * strings {@code ["tag1", "tag2"]}, or a list cell; sent as a JSON array of strings in the order
 * written, items trimmed, empty items and duplicates dropped. Declared as an {@code enum} with
 * {@code is_multi}; the option length and distinct-value limits are those of enum, the distinct
 * values counted across all lists.
 */
public final class MultiEnumFieldType implements FieldTypeHandler {

    /** The name used in flags and plans. */
    public static final String NAME = "multi-enum";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "A list of options: tag1, tag2 or [\"tag1\", \"tag2\"] (limits as for enum, across all lists)";
    }

    /** @return no names: its settings are the job's own flags, none of them a field option */
    @Override
    public Optional<Set<String>> optionNames() {
        return Optional.of(Set.of());
    }

    @Override
    public ValueParser parser(FieldSettings settings) {
        return new MultiEnumParser(settings.enumOptionMaxLength());
    }

    @Override
    public ColumnAccumulator newAccumulator(String fieldName, FieldSettings settings) {
        return new DistinctValueAccumulator(fieldName, NAME, true, settings.enumLimit());
    }
}

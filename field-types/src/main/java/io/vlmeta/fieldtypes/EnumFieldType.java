package io.vlmeta.fieldtypes;

import io.vlmeta.api.ColumnAccumulator;
import io.vlmeta.api.FieldSettings;
import io.vlmeta.api.FieldTypeHandler;
import io.vlmeta.api.ValueParser;
import java.util.Optional;
import java.util.Set;

/**
 * {@code enum}: one option per cell, sent as a JSON string. The options are declared from the
 * column's distinct values, sorted. An option may have at most
 * {@link FieldSettings#enumOptionMaxLength()} characters and the column at most
 * {@link FieldSettings#enumLimit()} distinct values; both refusals are enum-constraint problems.
 */
public final class EnumFieldType implements FieldTypeHandler {

    /** The name used in flags and plans. */
    public static final String NAME = "enum";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "One of a set of options, declared from the column (at most 600 values of 20 characters by default)";
    }

    /** @return no names: its settings are the job's own flags, none of them a field option */
    @Override
    public Optional<Set<String>> optionNames() {
        return Optional.of(Set.of());
    }

    @Override
    public ValueParser parser(FieldSettings settings) {
        return new EnumParser(settings.enumOptionMaxLength());
    }

    @Override
    public ColumnAccumulator newAccumulator(String fieldName, FieldSettings settings) {
        return new DistinctValueAccumulator(fieldName, NAME, false, settings.enumLimit());
    }
}

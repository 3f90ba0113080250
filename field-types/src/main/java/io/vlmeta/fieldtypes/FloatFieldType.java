package io.vlmeta.fieldtypes;

import io.vlmeta.api.ColumnAccumulator;
import io.vlmeta.api.FieldSettings;
import io.vlmeta.api.FieldTypeHandler;
import io.vlmeta.api.ValueParser;
import java.util.Optional;
import java.util.Set;

/**
 * {@code float}: decimal or scientific notation ({@code 95.5}, {@code -0.5}, {@code 1e-3},
 * {@code 42}) or a number cell, sent as a JSON number ({@link java.math.BigDecimal}) with the digits
 * the user wrote. NaN, the infinities and values beyond the range of a double are refused, since the
 * server cannot store them.
 */
public final class FloatFieldType implements FieldTypeHandler {

    /** The name used in flags and plans. */
    public static final String NAME = "float";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "A finite number, decimal or scientific notation (95.5, -0.5, 1e-3, 42)";
    }

    /** @return no names: its settings are the job's own flags, none of them a field option */
    @Override
    public Optional<Set<String>> optionNames() {
        return Optional.of(Set.of());
    }

    @Override
    public ValueParser parser(FieldSettings settings) {
        return FloatParser.INSTANCE;
    }

    @Override
    public ColumnAccumulator newAccumulator(String fieldName, FieldSettings settings) {
        return new SimpleColumnAccumulator(fieldName, NAME, "float");
    }
}

package io.vlmeta.emulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Float values. Most numbers are kept as a {@code double} that gives back exactly the digits sent;
 * the rare one that would not (trailing zeros, very long mantissas) is kept as a {@link BigDecimal}
 * aside, so tests can assert the digits that arrived.
 */
final class FloatStore implements FieldStore {
    private static final byte NONE = 0;
    /** The digits sent are those of {@code Double.toString} of the stored double. */
    private static final byte DECIMAL = 1;
    /** An integer sent without a fraction, exactly representable as a double. */
    private static final byte INTEGER = 2;
    /** Kept as a BigDecimal in {@link #exact}. */
    private static final byte EXACT = 3;

    private final double[] numbers;
    private final byte[] kinds;
    private final Map<Integer, BigDecimal> exact = new HashMap<>();

    FloatStore(int size) {
        numbers = new double[size];
        kinds = new byte[size];
    }

    @Override
    public String accept(int ordinal, UploadedValue value) {
        UploadedValue.Kind kind = value.kind();
        if (kind != UploadedValue.Kind.INTEGER && kind != UploadedValue.Kind.DECIMAL) {
            return "Expected Number, got " + value.typeName();
        }
        String text = value.text();
        double number = Double.parseDouble(text);
        if (Double.isInfinite(number)) {
            return "Number '" + Reasons.shorten(text) + "' is out of range for a float";
        }
        numbers[ordinal] = number;
        if (kind == UploadedValue.Kind.INTEGER && text.length() <= 15) {
            kinds[ordinal] = INTEGER;
        } else if (kind == UploadedValue.Kind.DECIMAL && sameDigits(text, number)) {
            kinds[ordinal] = DECIMAL;
        } else {
            kinds[ordinal] = EXACT;
            exact.put(ordinal, new BigDecimal(text));
        }
        return null;
    }

    private static boolean sameDigits(String text, double number) {
        String shortest = Double.toString(number);
        return shortest.equals(text) || new BigDecimal(shortest).equals(new BigDecimal(text));
    }

    @Override
    public boolean has(int ordinal) {
        return kinds[ordinal] != NONE;
    }

    @Override
    public Object value(int ordinal) {
        return switch (kinds[ordinal]) {
            case DECIMAL -> new BigDecimal(Double.toString(numbers[ordinal]));
            case INTEGER -> BigDecimal.valueOf((long) numbers[ordinal]);
            case EXACT -> exact.get(ordinal);
            default -> throw new IllegalStateException("no value at " + ordinal);
        };
    }

    @Override
    public void write(JsonGenerator generator, int ordinal) throws IOException {
        generator.writeNumber((BigDecimal) value(ordinal));
    }
}

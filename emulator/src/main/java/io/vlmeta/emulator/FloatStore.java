package io.vlmeta.emulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Float values, kept so that each gives back exactly the digits sent (tests assert the digits that
 * arrived). A number written without exponent in at most 18 digits is kept as those digits (a
 * {@code long}) and its scale, read in one pass; any other as a {@code double} that gives back its
 * digits, or, when none would (very long mantissas), as a {@link BigDecimal} aside.
 */
final class FloatStore implements FieldStore {
    private static final byte NONE = 0;
    /** The digits sent are those of {@code Double.toString} of the stored double. */
    private static final byte DECIMAL = 1;
    /** An integer sent without a fraction, exactly representable as a double. */
    private static final byte INTEGER = 2;
    /** Kept as a BigDecimal in {@link #exact}. */
    private static final byte EXACT = 3;
    /** The digits without the point, scale {@code kind - SCALED}: up to 18 digits, so scales 0 to 18. */
    private static final byte SCALED = 4;
    private static final int MAX_SCALED_DIGITS = 18;

    /** By kind: the digits of a SCALED number, or the bits of a double. */
    private final long[] numbers;
    private final byte[] kinds;
    private final Map<Integer, BigDecimal> exact = new HashMap<>();

    FloatStore(int size) {
        numbers = new long[size];
        kinds = new byte[size];
    }

    @Override
    public String accept(int ordinal, UploadedValue value) {
        UploadedValue.Kind kind = value.kind();
        if (kind != UploadedValue.Kind.INTEGER && kind != UploadedValue.Kind.DECIMAL) {
            return "Expected Number, got " + value.typeName();
        }
        String text = value.text();
        if (scaled(text, ordinal)) {
            return null;
        }
        double number = Double.parseDouble(text);
        if (Double.isInfinite(number) || number == 0 && hasNonZeroMantissa(text)) {
            // a double holds neither; PostgreSQL's float8 refuses both the same way
            return "Number '" + Reasons.shorten(text) + "' is out of range for a float";
        }
        numbers[ordinal] = Double.doubleToLongBits(number);
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

    /**
     * Keeps a JSON number without exponent, of at most 18 digits, as its digits and scale: exactly
     * what {@code new BigDecimal(text)} holds, and never out of a double's range.
     *
     * @return false, storing nothing, for any other number
     */
    private boolean scaled(String text, int ordinal) {
        int at = text.startsWith("-") ? 1 : 0;
        long digits = 0;
        int count = 0;
        int point = -1;
        for (; at < text.length(); at++) {
            char c = text.charAt(at);
            if (c >= '0' && c <= '9') {
                if (++count > MAX_SCALED_DIGITS) {
                    return false;
                }
                digits = digits * 10 + (c - '0');
            } else if (c == '.' && point < 0) {
                point = count;
            } else {
                return false;
            }
        }
        if (count == 0) {
            return false;
        }
        numbers[ordinal] = text.startsWith("-") ? -digits : digits;
        kinds[ordinal] = (byte) (SCALED + (point < 0 ? 0 : count - point));
        return true;
    }

    /** @return true when a digit before the exponent is not 0: the JSON number is not zero */
    private static boolean hasNonZeroMantissa(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
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
        byte kind = kinds[ordinal];
        if (kind >= SCALED) {
            return BigDecimal.valueOf(numbers[ordinal], kind - SCALED);
        }
        double number = Double.longBitsToDouble(numbers[ordinal]);
        return switch (kind) {
            case DECIMAL -> new BigDecimal(Double.toString(number));
            case INTEGER -> BigDecimal.valueOf((long) number);
            case EXACT -> exact.get(ordinal);
            default -> throw new IllegalStateException("no value at " + ordinal);
        };
    }

    @Override
    public void write(JsonGenerator generator, int ordinal) throws IOException {
        generator.writeNumber((BigDecimal) value(ordinal));
    }
}

package io.vlmeta.fieldtypes;

import java.math.BigDecimal;

/**
 * Reading decimal text without exceptions or regular expressions on the common path, and keeping
 * the digits the user wrote.
 */
final class Decimals {

    /** The largest magnitude the server's float (a binary double) can hold. */
    private static final BigDecimal LARGEST_DOUBLE = new BigDecimal(Double.MAX_VALUE);

    /**
     * The most digits a number may be sent with: the default of Jackson's {@code StreamReadConstraints}
     * ({@code maxNumberLength}, counting the digits of the integer part, the fraction and the exponent),
     * the JSON reader of the emulator, and a common limit of JSON readers.
     */
    static final int MAX_JSON_DIGITS = 1000;

    /** Below this decimal exponent a number may round to 0 as a double (4.9E-324 is the smallest above it). */
    private static final int SMALLEST_DOUBLE_EXPONENT = -324;

    /** Up to this many significant digits a number's JSON text never has more than {@link #MAX_JSON_DIGITS} digits. */
    private static final int SHORT_PRECISION = MAX_JSON_DIGITS - 10;

    /** The most digits an integral number cell is written out in before scientific notation. */
    private static final int PLAIN_INTEGER_DIGITS = 21;

    /** Digits that always fit a long (its largest value has 19). */
    private static final int LONG_DIGITS = 18;

    /** Exponent digits whose value, less at most 18 fraction digits, always fits an int scale. */
    private static final int INT_EXPONENT_DIGITS = 9;

    private Decimals() {
    }

    /**
     * Checks the grammar {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?}, the
     * notation {@link BigDecimal#BigDecimal(String)} and spreadsheets share. Checking first avoids
     * building an exception for each refused value, which matters when type inference tries every
     * value of a text column as a number.
     */
    static boolean isDecimal(String text) {
        int length = text.length();
        int i = 0;
        if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int integerDigits = 0;
        while (i < length && isDigit(text.charAt(i))) {
            i++;
            integerDigits++;
        }
        int fractionDigits = 0;
        if (i < length && text.charAt(i) == '.') {
            i++;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
                fractionDigits++;
            }
        }
        if (integerDigits + fractionDigits == 0) {
            return false;
        }
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == length;
    }

    /**
     * Reads the common number without building a second copy of its text: {@code text} in the
     * grammar of {@link #isDecimal} with at most {@value #LONG_DIGITS} digits before the exponent and
     * at most {@value #INT_EXPONENT_DIGITS} in it.
     *
     * @return the same value as {@code new BigDecimal(text)} (same unscaled value and scale), or
     *     {@code null} when {@code text} is not such a number; the caller then uses {@link #isDecimal}
     *     and {@link BigDecimal#BigDecimal(String)}
     */
    static BigDecimal parseSmall(String text) {
        int length = text.length();
        int i = 0;
        boolean negative = false;
        if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int fractionDigits = 0;
        for (char c; i < length && isDigit(c = text.charAt(i)); i++) {
            unscaled = unscaled * 10 + (c - '0');
            digits++;
        }
        if (i < length && text.charAt(i) == '.') {
            for (char c; ++i < length && isDigit(c = text.charAt(i)); ) {
                unscaled = unscaled * 10 + (c - '0');
                fractionDigits++;
            }
            digits += fractionDigits;
        }
        if (digits == 0 || digits > LONG_DIGITS) {
            return null;
        }
        int exponent = 0;
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            boolean negativeExponent = ++i < length && text.charAt(i) == '-';
            if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            for (char c; i < length && isDigit(c = text.charAt(i)); i++) {
                exponent = exponent * 10 + (c - '0');
                exponentDigits++;
            }
            if (exponentDigits == 0 || exponentDigits > INT_EXPONENT_DIGITS) {
                return null;
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (i != length) {
            return null;
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, fractionDigits - exponent);
    }

    /** @return true for the spellings of NaN and the infinities that Python and spreadsheets accept */
    static boolean isNonFiniteWord(String text) {
        String unsigned = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? text.substring(1) : text;
        return unsigned.equalsIgnoreCase("nan") || unsigned.equalsIgnoreCase("inf")
                || unsigned.equalsIgnoreCase("infinity");
    }

    /** @return true when the server, which stores a binary double, could hold {@code value} as a finite number */
    static boolean fitsDouble(BigDecimal value) {
        // precision - scale - 1 is the decimal exponent; only values near the top need the exact check.
        long exponent = (long) value.precision() - value.scale() - 1;
        return exponent < 308 || value.abs().compareTo(LARGEST_DOUBLE) <= 0;
    }

    /**
     * @return true when {@code value} is not 0 but a binary double holds it as 0 (beyond the smallest
     *     subnormal, 4.9E-324): the server could not keep it
     */
    static boolean roundsToZero(BigDecimal value) {
        long exponent = (long) value.precision() - value.scale() - 1;
        return exponent <= SMALLEST_DOUBLE_EXPONENT && value.signum() != 0
                && Double.parseDouble(value.toString()) == 0.0;
    }

    /**
     * @return true when {@code value}'s JSON text, as it is sent, has more than {@link #MAX_JSON_DIGITS} digits
     */
    static boolean hasTooManyJsonDigits(BigDecimal value) {
        // up to SHORT_PRECISION significant digits, at most 7 more (0.000000) or 10 exponent digits are written
        return value.precision() > SHORT_PRECISION && jsonDigits(value) > MAX_JSON_DIGITS;
    }

    /**
     * @return the number of digits in {@code value}'s JSON text as it is sent ({@link BigDecimal#toString()}):
     *     integer part, fraction and exponent
     */
    static int jsonDigits(BigDecimal value) {
        String text = value.toString();
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isDigit(text.charAt(i))) {
                digits++;
            }
        }
        return digits;
    }

    /**
     * A number cell holds a binary value, not digits somebody typed: an integral value is sent as an
     * integer, {@code 42} rather than {@code 42.0}, and in plain digits up to 21 of them (where
     * JavaScript also stops writing plain digits), {@code 1E+21} beyond. Not
     * {@code stripTrailingZeros()} alone, which would turn {@code 100} into {@code 1E+2}.
     */
    static BigDecimal withoutSpuriousFraction(BigDecimal value) {
        if (value.scale() == 0) {
            return value;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 0) {
            return value;
        }
        return stripped.precision() - stripped.scale() <= PLAIN_INTEGER_DIGITS ? stripped.setScale(0) : stripped;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

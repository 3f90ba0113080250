package io.vlmeta.emulator;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;

/**
 * The emulator command's checks of an option's value against what the option takes, each refusal naming the
 * option as the user typed it. {@link FaultPlan} and {@link EmulatorConfig} check the same values again, in the
 * words of their Java fields, for a program that builds them. A number the user typed for a setting is no secret
 * and is named back; a word that is none of an option's few accepted ones is not (it may be a secret typed in the
 * wrong place).
 */
final class OptionRanges {
    private OptionRanges() {
    }

    /** @throws IllegalArgumentException when {@code value} is not a share from 0 to 1 */
    static void fraction(String option, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(option + " must be a number from 0 to 1; the value given is "
                    + typed(value));
        }
    }

    /** @throws IllegalArgumentException when {@code value} is below {@code least} */
    static void atLeast(String option, long value, long least) {
        if (value < least) {
            throw new IllegalArgumentException(option + " must be a whole number of at least " + least
                    + "; the value given is " + value);
        }
    }

    /** @throws IllegalArgumentException when {@code value} is outside {@code [least, most]} */
    static void between(String option, long value, long least, long most) {
        if (value < least || value > most) {
            throw new IllegalArgumentException(option + " must be a whole number from " + least + " to " + most
                    + "; the value given is " + value);
        }
    }

    /** @throws IllegalArgumentException when {@code value} is negative */
    static void notNegative(String option, Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException(option + " must be a duration of zero or more, e.g. 500ms or 30s; "
                    + "the value given is " + typed(value));
        }
    }

    /** @throws IllegalArgumentException when {@code value} is zero or negative */
    static void positive(String option, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(option + " must be a duration longer than zero, e.g. 30s; the value "
                    + "given is " + typed(value));
        }
    }

    /**
     * @param what     the part of the option's value that names one of {@code accepted}, e.g. {@code ENDPOINT}
     * @param accepted the names the part takes, in the order to list them
     * @throws IllegalArgumentException when {@code name} is not one of {@code accepted}; the name is not repeated
     */
    static void oneOf(String option, String what, String name, Collection<String> accepted) {
        if (!accepted.contains(name)) {
            throw new IllegalArgumentException(option + "'s " + what + " must be one of "
                    + String.join(", ", accepted) + "; the " + what + " given is not one");
        }
    }

    /** @return the duration in milliseconds, e.g. {@code -1000 ms}, not its ISO form ({@code PT-1S}), rarely typed */
    private static String typed(Duration value) {
        return value.toMillis() + " ms";
    }

    /** @return the number as typed: {@code 2}, not {@code 2.0}; {@code 1.5}; {@code Infinity} for one too large */
    private static String typed(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
    }
}

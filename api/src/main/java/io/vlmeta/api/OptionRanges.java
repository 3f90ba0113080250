package io.vlmeta.api;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The one refusal of a number or a duration given for an option outside what the option takes, for the command
 * line, the emulator and any plugin alike, so each reads
 * {@code --enum-limit must be a whole number of at least 1; the value given is 0.}. Such a value already parsed
 * as a number, so it is a setting the user typed and no secret: it is named back, with the option and what it
 * takes. A value that does not parse is refused by whoever parses it, and never echoed.
 *
 * @since 0.3
 */
public final class OptionRanges {
    private OptionRanges() {
    }

    /**
     * @param option how the value is named, never null: an option as typed ({@code --retry-after}), a part of one
     *               ({@code --fail-nth's N}), or where a file set it ({@code Plan p.yaml: upload.batch-size})
     * @param value  the number given
     * @param least  the smallest number the option takes
     * @throws VlmetaException (usage) when {@code value} is below {@code least}:
     *     {@code --retry-after must be a whole number of at least 0; the value given is -1.}
     */
    public static void atLeast(String option, long value, long least) {
        if (value < least) {
            throw refused(option, "a whole number of at least " + least, String.valueOf(value));
        }
    }

    /**
     * @param option as for {@link #atLeast}
     * @param value  the number given
     * @param least  the smallest number the option takes
     * @param most   the largest number the option takes, not below {@code least}
     * @throws VlmetaException (usage) when {@code value} is outside {@code [least, most]}:
     *     {@code --port must be a whole number from 0 to 65535; the value given is 70000.}
     */
    public static void between(String option, long value, long least, long most) {
        if (value < least || value > most) {
            throw refused(option, "a whole number from " + least + " to " + most, String.valueOf(value));
        }
    }

    /**
     * @param option as for {@link #atLeast}
     * @param value  the share given; NaN and the infinities are refused
     * @throws VlmetaException (usage) when {@code value} is not a share from 0 to 1, the number as typed:
     *     {@code --drop-fraction must be a number from 0 to 1; the value given is 1.5.}
     */
    public static void fraction(String option, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw refused(option, "a number from 0 to 1", typed(value));
        }
    }

    /**
     * @param option as for {@link #atLeast}
     * @param value  the duration given, never null
     * @throws VlmetaException (usage) when {@code value} is negative, in milliseconds:
     *     {@code --delay must be a duration of zero or more, e.g. 500ms or 30s; the value given is -1000 ms.}
     */
    public static void notNegative(String option, Duration value) {
        if (value.isNegative()) {
            throw refused(option, "a duration of zero or more, e.g. 500ms or 30s", typed(value));
        }
    }

    /**
     * @param option as for {@link #atLeast}
     * @param value  the duration given, never null
     * @throws VlmetaException (usage) when {@code value} is zero or negative, in milliseconds:
     *     {@code --max-token-age must be a duration longer than zero, e.g. 30s; the value given is 0 ms.}
     */
    public static void positive(String option, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw refused(option, "a duration longer than zero, e.g. 30s", typed(value));
        }
    }

    private static VlmetaException refused(String option, String takes, String given) {
        return VlmetaException.usage(option + " must be " + takes + "; the value given is " + given + ".");
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

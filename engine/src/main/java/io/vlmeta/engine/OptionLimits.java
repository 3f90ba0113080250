package io.vlmeta.engine;

import io.vlmeta.api.VlmetaException;

/**
 * The one refusal of a number typed for a limit or a count that is below what it accepts ({@code --batch-size 0},
 * {@code --enum-limit 0}). Such a value parsed as a whole number, so it is a small integer the user typed and no
 * secret: it is named back, with the option and what it accepts. A value that does not parse as a number is
 * refused by the parser and never echoed.
 */
public final class OptionLimits {
    private OptionLimits() {
    }

    /**
     * @param option how the value is named: an option as typed on the command line ({@code --enum-limit}), or
     *               where a file set it ({@code Plan p.yaml: upload.batch-size})
     * @param value  the number given
     * @throws VlmetaException (usage) when {@code value} is below 1:
     *     {@code --enum-limit must be a whole number of at least 1; the value given is 0.}
     */
    public static void requireAtLeastOne(String option, long value) {
        if (value < 1) {
            throw VlmetaException.usage(option + " must be a whole number of at least 1; the value given is " + value
                    + ".");
        }
    }
}

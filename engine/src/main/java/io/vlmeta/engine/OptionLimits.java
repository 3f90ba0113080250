package io.vlmeta.engine;

import io.vlmeta.api.OptionRanges;
import io.vlmeta.api.VlmetaException;

/**
 * The job's limits and counts that take 1 or more ({@code --batch-size}, {@code --parallel}, {@code --enum-limit}):
 * the least each takes, refused in {@link OptionRanges}' words, which the emulator's options and plugins share.
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
        OptionRanges.atLeast(option, value, 1);
    }
}

package io.vlmeta.api;

import java.util.List;
import java.util.Objects;

/**
 * One field's refused values, grouped: how many were refused and the most frequent ones with their
 * counts, so a column with a thousand {@code n/a} cells reads as one line, not a thousand.
 *
 * @param field        the field (column)
 * @param invalid      values refused in this field
 * @param mostFrequent the most frequent refused values, most frequent first (ties in the order found);
 *                     at most 20
 * @param exact        false when the field had so many different refused values that the counts of the
 *                     ones seen after the engine's bound (10,000 different values) are not included
 * @since 0.2
 */
public record InvalidValues(String field, long invalid, List<Count> mostFrequent, boolean exact) {

    public InvalidValues {
        Objects.requireNonNull(field, "field");
        mostFrequent = List.copyOf(mostFrequent);
    }

    /**
     * @param value the refused value as the input shows it
     * @param count how often it was refused
     */
    public record Count(String value, long count) {
    }
}

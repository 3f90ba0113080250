package io.vlmeta.api;

import java.util.List;

/**
 * Whole-column state for one field during the validation pass: collects what a per-value check
 * cannot see (distinct enum values, their count) and builds the server declaration. Memory must not
 * grow with the number of rows beyond what the rule needs (distinct enum values are bounded by the
 * limit: stop collecting past it and keep only the count).
 *
 * <p>Used by one thread.
 *
 * @since 0.1
 */
public interface ColumnAccumulator {

    /**
     * Records one accepted value.
     *
     * @param json the value from {@link ParseResult.Value#json()}
     */
    void add(Object json);

    /**
     * Ends the column.
     *
     * @return whole-column problems with a {@code null} location, e.g.
     *     {@code Field 'status' (enum): Has 750 unique values, exceeds limit of 600}; empty when none
     */
    List<Problem> finish();

    /** @return the declaration to send; valid after {@link #finish()} */
    FieldDeclaration declaration();
}

package io.vlmeta.fieldtypes;

import io.vlmeta.api.ColumnAccumulator;
import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the distinct values of an enum or multi-enum column (multi-enum: across all lists), checks
 * them against the distinct-value limit and declares them, sorted, as the field's options.
 *
 * <p>Memory stays bounded whatever the column holds: distinct values are kept exactly up to
 * {@link #KEPT_AT_MOST} (or one past the limit, when the limit is set higher). A column that goes
 * past that, say a million ids typed as enum by mistake, is reported as having "more than 100000"
 * unique values rather than its exact count.
 */
final class DistinctValueAccumulator implements ColumnAccumulator {

    /** Distinct values kept exactly before only "more than" can be said. */
    static final int KEPT_AT_MOST = 100_000;

    private final String fieldName;
    private final String handler;
    private final boolean multi;
    private final int limit;
    private final int keptAtMost;
    private final Set<String> distinct = new HashSet<>();
    private boolean overflowed;

    /**
     * @param fieldName the column name, for the message and the declaration
     * @param handler   {@code enum} or {@code multi-enum}, as the message names the type
     * @param multi     true for multi-enum, whose values are lists
     * @param limit     the most distinct values the field may have
     */
    DistinctValueAccumulator(String fieldName, String handler, boolean multi, int limit) {
        this.fieldName = fieldName;
        this.handler = handler;
        this.multi = multi;
        this.limit = limit;
        this.keptAtMost = Math.max(KEPT_AT_MOST, limit + 1);
    }

    @Override
    public void add(Object json) {
        if (json instanceof String option) {
            addOption(option);
        } else if (json instanceof List<?> options) {
            for (Object option : options) {
                addOption((String) option);
            }
        } else {
            throw new IllegalArgumentException("an enum value is a String or a List<String>, not " + json);
        }
    }

    private void addOption(String option) {
        if (distinct.size() < keptAtMost) {
            distinct.add(option);
        } else if (!overflowed && !distinct.contains(option)) {
            overflowed = true;
        }
    }

    @Override
    public List<Problem> finish() {
        if (!overflowed && distinct.size() <= limit) {
            return List.of();
        }
        String count = overflowed ? "more than " + keptAtMost : Integer.toString(distinct.size());
        String message = "Field '" + fieldName + "' (" + handler + "): Has " + count
                + " unique values, exceeds limit of " + limit;
        return List.of(new Problem(Severity.ERROR, ProblemCategory.ENUM_CONSTRAINT, null, fieldName, message));
    }

    @Override
    public FieldDeclaration declaration() {
        List<String> options = new ArrayList<>(distinct);
        options.sort(CodePointOrder.INSTANCE);
        return new FieldDeclaration(fieldName, handler, "enum", multi, options);
    }
}

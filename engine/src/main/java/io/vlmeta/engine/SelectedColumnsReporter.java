package io.vlmeta.engine;

import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemReporter;

import java.util.Set;

/**
 * Passes on a source's problems unless they concern a column the job does not upload: an error
 * cell in a column nobody selected must not stop the job. Problems about no column, or about the
 * key column, always pass. Until the plan is known, everything passes.
 */
final class SelectedColumnsReporter implements ProblemReporter {
    private final ProblemReporter target;
    private volatile Set<String> selected;
    private volatile String keyColumn;

    SelectedColumnsReporter(ProblemReporter target) {
        this.target = target;
    }

    void select(String key, Set<String> columns) {
        this.keyColumn = key;
        this.selected = Set.copyOf(columns);
    }

    @Override
    public void report(Problem problem) {
        Set<String> columns = selected;
        String field = problem.field();
        if (columns == null || field == null || field.equals(keyColumn) || columns.contains(field)) {
            target.report(problem);
        }
    }
}

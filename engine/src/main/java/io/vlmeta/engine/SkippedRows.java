package io.vlmeta.engine;

import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemReporter;

import java.util.Optional;

/**
 * The errors a source reports while inference reads it: rows it skipped (bytes not valid in the
 * encoding, no media path, a line that is no JSON object). When they leave no column with a value,
 * "nothing to upload" alone would hide why; this says it.
 */
final class SkippedRows implements ProblemReporter {
    private long count;
    private Problem first;

    @Override
    public synchronized void report(Problem problem) {
        if (!problem.isError()) {
            return;
        }
        if (first == null) {
            first = problem;
        }
        count++;
    }

    /**
     * @return e.g. {@code " 2 rows were skipped; the first: data.csv row 2: Contains bytes ..."}, with a
     *     leading space to follow a sentence; empty when the source skipped no row
     */
    synchronized Optional<String> explanation() {
        if (first == null) {
            return Optional.empty();
        }
        String where = first.location() == null ? "" : first.location().describe()
                + (first.field() == null ? "" : ", field '" + first.field() + "'") + ": ";
        return Optional.of(" " + (count == 1 ? "1 row was skipped: " : count + " rows were skipped; the first: ")
                + where + first.message());
    }
}

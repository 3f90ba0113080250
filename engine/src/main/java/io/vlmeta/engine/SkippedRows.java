package io.vlmeta.engine;

import io.vlmeta.api.Location;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemReporter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The errors a source reports while inference reads it: rows it skipped (bytes not valid in the
 * encoding, no media path, a line that is no JSON object). When they leave no column with a value,
 * "nothing to upload" alone would hide why; this says it.
 */
final class SkippedRows implements ProblemReporter {
    /** How many skipped rows are named after the first: enough to find a pattern, short enough for one line. */
    static final int NAMED_AFTER_THE_FIRST = 4;

    private long count;
    private Problem first;
    private final List<Problem> next = new ArrayList<>();

    @Override
    public synchronized void report(Problem problem) {
        if (!problem.isError()) {
            return;
        }
        if (first == null) {
            first = problem;
        } else if (next.size() < NAMED_AFTER_THE_FIRST) {
            next.add(problem);
        }
        count++;
    }

    /**
     * @return e.g. {@code " 9 rows were skipped; the first: data.csv row 2: Contains bytes ...; then row 5,
     *     row 7, row 8, row 12 and 4 more."}: the first in full, the next {@value #NAMED_AFTER_THE_FIRST} by
     *     their row (and file, when another); with a leading space to follow a sentence;
     *     empty when the source skipped no row
     */
    synchronized Optional<String> explanation() {
        if (first == null) {
            return Optional.empty();
        }
        String where = first.location() == null ? "" : first.location().describe()
                + (first.field() == null ? "" : ", field '" + first.field() + "'") + ": ";
        StringBuilder text = new StringBuilder(" ").append(count == 1 ? "1 row was skipped: "
                : count + " rows were skipped; the first: ").append(where).append(first.message());
        List<String> others = next.stream().filter(problem -> problem.location() != null)
                .map(problem -> sameSheet(problem.location()) ? "row " + problem.location().row()
                        : problem.location().describe()).toList();
        if (!others.isEmpty()) {
            long unnamed = count - 1 - others.size();
            text.append(text.charAt(text.length() - 1) == '.' ? " Then " : "; then ").append(String.join(", ", others))
                    .append(unnamed > 0 ? String.format(Locale.ROOT, " and %,d more.", unnamed) : ".");
        }
        return Optional.of(text.toString());
    }

    /** @return whether {@code location} is in the first skipped row's file and sheet, so its row number says it */
    private boolean sameSheet(Location location) {
        return first.location() != null && first.location().file().equals(location.file())
                && Objects.equals(first.location().sheet(), location.sheet());
    }
}

package io.vlmeta.engine;

import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemReporter;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts every problem and keeps the first ones of each severity, so a file with a million bad
 * rows costs no more memory than one with a thousand, and warnings never crowd out errors.
 */
final class ProblemCollector implements ProblemReporter {
    private final int keepPerSeverity;
    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();
    private long errorCount;
    private long warningCount;
    private final JobListener listener;

    ProblemCollector(int keepPerSeverity) {
        this(keepPerSeverity, JobListener.NONE);
    }

    /** @param listener told of every problem as it is found, kept or not */
    ProblemCollector(int keepPerSeverity, JobListener listener) {
        this.keepPerSeverity = keepPerSeverity;
        this.listener = listener;
    }

    @Override
    public void report(Problem problem) {
        report(problem, null);
    }

    /** @param value the refused value as the input shows it, or {@code null} when the problem is not about one */
    void report(Problem problem, String value) {
        listener.problemFound(problem, value);
        if (problem.isError()) {
            errorCount++;
            if (errors.size() < keepPerSeverity) {
                errors.add(problem);
            }
        } else {
            warningCount++;
            if (warnings.size() < keepPerSeverity) {
                warnings.add(problem);
            }
        }
    }

    void reportAll(List<Problem> problems) {
        problems.forEach(this::report);
    }

    long errorCount() {
        return errorCount;
    }

    long warningCount() {
        return warningCount;
    }

    /** @return the kept errors, then the kept warnings, each in the order found */
    List<Problem> kept() {
        List<Problem> all = new ArrayList<>(errors.size() + warnings.size());
        all.addAll(errors);
        all.addAll(warnings);
        return all;
    }
}

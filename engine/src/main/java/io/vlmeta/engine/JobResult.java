package io.vlmeta.engine;

import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.RunSummary;

/**
 * How a job ended.
 *
 * @param summary  the plan, counts, problems and outcomes
 * @param exitCode 0 done, 3 validation failed (nothing uploaded), 4 uploaded with rejected rows or
 *                 a count that differs, 1 a field's task failed, 130 the user stopped it
 *                 ({@link Stops#EXIT_CODE}) before every field was finished
 * @param coverage which dataset media get a value; {@code null} when paths were not mapped to a dataset
 * @param invalidValues each field's refused values grouped with counts, in plan order; empty when none
 */
public record JobResult(RunSummary summary, int exitCode, MediaCoverage coverage,
                        java.util.List<io.vlmeta.api.InvalidValues> invalidValues) {

    public JobResult {
        invalidValues = invalidValues == null ? java.util.List.of() : java.util.List.copyOf(invalidValues);
    }

    /** A result without coverage (paths not mapped) or refused values. */
    public JobResult(RunSummary summary, int exitCode) {
        this(summary, exitCode, null, java.util.List.of());
    }

    static int exitCodeFor(RunSummary summary) {
        if (!summary.gatePassed()) {
            return 3;
        }
        if (summary.outcomes().stream().anyMatch(o -> o.status() == FieldOutcome.Status.INTERRUPTED)) {
            return Stops.EXIT_CODE;
        }
        boolean failed = summary.outcomes().stream().anyMatch(o -> o.status() == FieldOutcome.Status.FAILED);
        if (failed) {
            return 1;
        }
        boolean rejected = summary.outcomes().stream()
                .anyMatch(o -> o.rejected() > 0 || o.insertedDiffers());
        return rejected ? 4 : 0;
    }
}

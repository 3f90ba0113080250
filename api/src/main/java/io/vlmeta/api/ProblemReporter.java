package io.vlmeta.api;

/**
 * Where plugins report problems they find while reading. The engine counts every problem and keeps
 * the first ones (see the engine's bound); reporting never throws.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ProblemReporter {

    /** A reporter that drops everything: used when a source is read again for the upload pass. */
    ProblemReporter DISCARD = problem -> { };

    /** @param problem the problem; never {@code null} */
    void report(Problem problem);
}

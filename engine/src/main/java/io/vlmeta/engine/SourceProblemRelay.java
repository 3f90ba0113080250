package io.vlmeta.engine;

import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemReporter;

import java.util.List;

/**
 * The reporter a source is opened with when a {@link ReadAhead} will read it. Problems the source
 * finds on the reading thread are put among the rows read so far, so they reach the target in row
 * order and on the thread that reports every other problem (the target is not thread-safe).
 * Problems reported on any other thread go straight to the target.
 */
final class SourceProblemRelay implements ProblemReporter {
    private final ProblemReporter target;
    private volatile Thread reader;
    /** Touched only by {@link #reader}. */
    private List<Object> items;

    SourceProblemRelay(ProblemReporter target) {
        this.target = target;
    }

    @Override
    public void report(Problem problem) {
        if (Thread.currentThread() == reader) {
            items.add(new Relayed(problem));
        } else {
            target.report(problem);
        }
    }

    /** Called by the reading thread: its problems go into {@code batch} from now on. */
    void collectInto(List<Object> batch) {
        items = batch;
        reader = Thread.currentThread();
    }

    /** Called by the reading thread when it stops reading. */
    void stopCollecting() {
        reader = null;
        items = null;
    }

    /** Called by the consuming thread when it reaches a relayed problem. */
    void deliver(Relayed relayed) {
        target.report(relayed.problem());
    }

    /** A problem travelling among the rows; a type of its own so it cannot be mistaken for a row. */
    record Relayed(Problem problem) {
    }
}

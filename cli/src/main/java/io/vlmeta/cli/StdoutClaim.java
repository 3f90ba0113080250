package io.vlmeta.cli;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Who writes the one {@code --json} document a run leaves on standard output. Standard output starts
 * {@link Owner#FREE}; the run's own document (its summary, or its refusal) claims it for the {@link Owner#JOB}
 * as it starts to be written, and a stop that halts the process (a signal before the job started, a second
 * signal, the stop watchdog) claims it for a {@link Owner#FORCED_STOP} only while it is still free. The first
 * claim holds for the rest of the process: the other side then writes nothing there, so a script never
 * reads two documents, nor none.
 *
 * <pre>
 *          the job's document             a forced stop
 *   JOB ◀──────────────────────── FREE ─────────────────────▶ FORCED_STOP
 * </pre>
 *
 * A forced stop that finds the job's document started does not add its own: it halts, cutting that
 * document short, as a second Ctrl-C is meant to.
 */
final class StdoutClaim {
    /** Who owns standard output. */
    enum Owner {
        /** Nothing is written there yet. */
        FREE,
        /** The run writes its own document: its summary or its refusal. */
        JOB,
        /** A stop that halts the process writes the {@code stopped} document. */
        FORCED_STOP
    }

    /** The process's own standard output, where {@code --json} goes. */
    static final StdoutClaim PROCESS = new StdoutClaim();

    /** How long the run waits for a forced stop that owns standard output: it halts the process long before. */
    private static final long FORCED_STOP_WAIT_MILLIS = 10_000;

    private final AtomicReference<Owner> owner = new AtomicReference<>(Owner.FREE);

    /**
     * Claims standard output for the run's own document, once and for all; called again, says it still has it.
     *
     * @return false when a forced stop has claimed it first: the run must write nothing there
     */
    boolean claimForTheJob() {
        return owner.compareAndSet(Owner.FREE, Owner.JOB) || owner.get() == Owner.JOB;
    }

    /**
     * Claims standard output for a forced stop's {@code stopped} document.
     *
     * @return true only for the call that took it free: false when the job's document or another forced stop
     *         has it, and the caller must write nothing there
     */
    boolean claimForAForcedStop() {
        return owner.compareAndSet(Owner.FREE, Owner.FORCED_STOP);
    }

    /** @return who owns standard output now */
    Owner owner() {
        return owner.get();
    }

    /**
     * Waits, when a forced stop owns standard output, for it to write its document and halt the process: a run
     * that exits first would cut the document off. Returns at once otherwise.
     */
    void yieldToAForcedStop() {
        if (owner.get() != Owner.FORCED_STOP) {
            return;
        }
        try {
            Thread.sleep(FORCED_STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

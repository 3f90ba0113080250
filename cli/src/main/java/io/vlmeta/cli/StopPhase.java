package io.vlmeta.cli;

/**
 * Where a job stands for the INT and TERM signals that reach it, and what the next one does. A job starts
 * {@link Running}; a signal and the job's end each move it on:
 *
 * <pre>
 *               signal                    signal
 *   Running ─────────────▶ Stopping ─────────────▶ (halt: the resume command)
 *      │ job ends             │ job ends
 *      ▼        signal        ▼           signal
 *    Ended ─────────────▶ Closing  ─────────────▶ (halt: output cut short)
 * </pre>
 *
 * A job that has ended is not stopped by one signal: what it did is done (an upload's journal already says
 * so), and its summary and {@code --json} document are what a script reads to know it, so they are
 * finished and the exit code stays the job's. Only a second signal cuts them short, as a second Ctrl-C
 * does everywhere else.
 */
sealed interface StopPhase {
    /** No signal yet; the job is running. */
    record Running() implements StopPhase {
    }

    /** One signal: the job ends at its next check, or the watchdog ends it. */
    record Stopping() implements StopPhase {
    }

    /** The job has ended with no signal; only its output is being written. */
    record Ended() implements StopPhase {
    }

    /** The job has ended and a signal came (before or after its end): the next one halts at once. */
    record Closing() implements StopPhase {
    }

    /** What a signal does, by the phase it arrives in. */
    enum Reaction {
        /** Ask the job to stop and start the watchdog. */
        ASK_TO_STOP,
        /** Halt a job still running, printing how to continue it. */
        ABORT_JOB,
        /** Say the output is being finished; the exit code stays the job's. */
        FINISH_OUTPUT,
        /** Halt while the output is written. */
        CUT_OUTPUT
    }

    /** @return the phase after a signal */
    default StopPhase afterSignal() {
        if (this instanceof Running) {
            return new Stopping();
        }
        return this instanceof Ended ? new Closing() : this;
    }

    /** @return the phase once the job has ended */
    default StopPhase afterEnd() {
        if (this instanceof Running) {
            return new Ended();
        }
        return this instanceof Stopping ? new Closing() : this;
    }

    /** @return what a signal arriving in this phase does */
    default Reaction onSignal() {
        if (this instanceof Running) {
            return Reaction.ASK_TO_STOP;
        }
        if (this instanceof Stopping) {
            return Reaction.ABORT_JOB;
        }
        return this instanceof Ended ? Reaction.FINISH_OUTPUT : Reaction.CUT_OUTPUT;
    }
}

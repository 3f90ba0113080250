package io.vlmeta.cli;

import io.vlmeta.api.Cancellation;

/**
 * A running job's side of a stop request: whether the user asked it to stop, and the command's word that
 * the job itself has ended, after which only its output (the summary, the {@code --json} document) is
 * still being written.
 */
@FunctionalInterface
interface JobStop extends Cancellation {
    /** Never asked to stop. */
    JobStop NEVER = () -> false;

    /**
     * Says the job has ended: a stop asked for before no longer needs enforcing, so nothing cuts the
     * output short that the job's end is writing. Called once; by default does nothing.
     */
    default void ended() {
    }
}

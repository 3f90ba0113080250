package io.vlmeta.cli;

import java.io.PrintStream;

/**
 * How a job learns that the user asked it to stop. The program installs signal handlers
 * ({@link StopSignals}); commands run in-process (tests, embedding) get {@link #NONE} or their own.
 */
@FunctionalInterface
interface StopControl {

    /** Nobody can stop the job. */
    StopControl NONE = (err, resume, document) -> JobStop.NEVER;

    /**
     * Called once when a job starts.
     *
     * @param err      where to say that the job is stopping
     * @param resume   the command that continues the job and what to set before running it, printed when the
     *                 job must end at once; {@code null} for a job that sends nothing (a validation, a dry run),
     *                 which has nothing to continue
     * @param document what a stop that ends the process at once leaves on standard output: the {@code stopped}
     *                 document under {@code --json}, else {@link StopDocument#NONE}; never {@code null}
     * @return the job's cancellation, told when the job has ended
     */
    JobStop start(PrintStream err, ResumeCommand resume, StopDocument document);
}

package io.vlmeta.api;

/**
 * Whether the user asked the job to stop (Ctrl-C, SIGTERM). The command line sets it; the engine and
 * sinks read it between steps: a sink starts no new request once it is requested, lets the requests in
 * flight finish, records their outcome, and reports the fields it did not finish as
 * {@link FieldOutcome.Status#INTERRUPTED}. Reading it is cheap and may happen on any thread.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface Cancellation {

    /** A job nobody can stop: what tests and embedded callers get by default. */
    Cancellation NEVER = () -> false;

    /** @return true once a stop was requested; stays true after that */
    boolean requested();
}

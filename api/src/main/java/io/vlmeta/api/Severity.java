package io.vlmeta.api;

/**
 * How serious a {@link Problem} is.
 *
 * @since 0.1
 */
public enum Severity {
    /** Stops the job at the gate: nothing is uploaded while any error exists. */
    ERROR,
    /** Reported and counted; the job goes on. */
    WARNING
}

package io.vlmeta.engine;

import io.vlmeta.api.Cancellation;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.ErrorKind;
import io.vlmeta.api.VlmetaException;

/**
 * What a stop request (Ctrl-C, SIGTERM) means to the engine: the exit code a stopped job ends with,
 * and the error for a job stopped before its upload began, when nothing was sent.
 */
public final class Stops {
    /** The exit code of a job the user stopped: 128 + SIGINT, as shells report an interrupted command. */
    public static final int EXIT_CODE = 130;

    /** A job stopped before anything was sent. */
    public static final ErrorCode STOPPED = new ErrorCode("STOPPED", ErrorKind.USER, EXIT_CODE);

    /**
     * Where a job that sends nothing stands after its validation passed: its entries are handed to the
     * report and the report is written ({@code Preparing: N of M values}).
     */
    static final String PREPARING_REPORT = "while the report was being prepared";

    private Stops() {
    }

    /** @throws VlmetaException ({@link #STOPPED}) when a stop was requested; {@code step} names where */
    static void checkBefore(Cancellation cancellation, String step) {
        if (cancellation.requested()) {
            throw new VlmetaException(STOPPED, "Stopped " + step + ": nothing was sent; run the same command "
                    + "again to start over.");
        }
    }
}

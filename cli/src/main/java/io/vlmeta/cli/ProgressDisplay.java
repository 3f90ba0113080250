package io.vlmeta.cli;

import java.io.PrintStream;

/** Where {@link ProgressBars} draws: redrawn bars on a terminal, plain lines elsewhere, or nothing. */
interface ProgressDisplay extends AutoCloseable {

    /** Shows nothing. */
    ProgressDisplay NONE = new ProgressDisplay() { };

    /**
     * @param rows       rows read so far
     * @param bytesRead  bytes of the input read so far, or -1
     * @param totalBytes the input's size, or -1
     */
    default void validating(long rows, long bytesRead, long totalBytes) { }

    default void validated() { }

    /** One field's count of {@code total} values. */
    default void field(String label, long done, long total) { }

    default void fieldEnded(String label) { }

    /** All fields together. */
    default void overall(String label, long done, long total, int fields) { }

    default void overallEnded(String label) { }

    /** @return {@code out}, whose lines never break what is drawn */
    default PrintStream guard(PrintStream out) {
        return out;
    }

    @Override
    default void close() { }
}

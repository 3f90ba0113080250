package io.vlmeta.api;

import java.util.List;

/**
 * A streaming, closeable sequence of {@link Record}s from one input. It must not hold more than a
 * bounded number of rows in memory: inputs have millions of rows. It is read by one thread.
 *
 * <p>Problems with single rows (an empty key, bad bytes in one row) are reported to the
 * {@link ProblemReporter} given at open time and the row is skipped; problems that make the rest of
 * the file unreadable (an unterminated quote) are thrown as {@link VlmetaException} with
 * {@link ErrorCode#INPUT_MALFORMED}.
 *
 * @since 0.1
 */
public interface RecordSource extends AutoCloseable {

    /** @return the input as the user named it, for messages */
    String description();

    /** @return the key column's name, e.g. {@code file_fullpath} */
    String keyColumn();

    /** @return the value columns in file order, without the key column; immutable */
    List<ColumnInfo> columns();

    /**
     * Reads the next record.
     *
     * @return the next record, or {@code null} at the end of the input
     * @throws VlmetaException when the input cannot be read further
     */
    Record next();

    /** Releases the file; never throws for an already closed source. */
    @Override
    void close();
}

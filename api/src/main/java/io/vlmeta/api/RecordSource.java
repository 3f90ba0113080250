package io.vlmeta.api;

import java.util.List;
import java.util.Set;

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
     * Says which value columns the job reads, before the first {@link #next()}, so that the records
     * returned from then on may leave the others out: a file of thousands of columns of which a few
     * are selected then costs the memory of those few, however wide its rows. The key is always kept.
     * A source that ignores this (the default) returns every column, which is correct but holds more.
     *
     * @param columns names from {@link #columns()}; never {@code null}; names it does not have are ignored
     * @since 0.2
     */
    default void select(Set<String> columns) {
    }

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

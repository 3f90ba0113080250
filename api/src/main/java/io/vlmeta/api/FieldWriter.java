package io.vlmeta.api;

/**
 * Receives one declared field's entries, in source order, from one thread. May block in
 * {@link #write(Entry)} to hold back a reader that is faster than the upload.
 *
 * @since 0.1
 */
public interface FieldWriter {

    /** @param entry the next entry */
    void write(Entry entry);

    /**
     * How many of this field's entries the target has acknowledged (accepted batches), for progress;
     * it lags behind the entries written while batches are in flight. Called from another thread
     * than the one writing.
     *
     * @return entries acknowledged so far, or {@code -1} when the writer does not say (the default)
     * @since 0.2
     */
    default long accepted() {
        return -1;
    }

    /**
     * Every entry of the field has been written: the writer may start sending what it still holds (its
     * last batch) at once, without waiting for {@link #finish()}, which the engine calls later and for
     * only a few fields at a time. Called at most once, from the thread that wrote, after the last
     * {@link #write(Entry)}, and never when the pass was stopped early. May block as {@code write} does
     * when the target holds back; does nothing by default.
     *
     * @since 0.2
     */
    default void endOfEntries() {
    }

    /**
     * Sends what is left and waits for the field's final state.
     *
     * @return the outcome; never {@code null}
     * @throws VlmetaException when the server cannot be reached after the retries
     */
    FieldOutcome finish();
}

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
     * Sends what is left and waits for the field's final state.
     *
     * @return the outcome; never {@code null}
     * @throws VlmetaException when the server cannot be reached after the retries
     */
    FieldOutcome finish();
}

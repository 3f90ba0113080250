package io.vlmeta.engine;

import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.FieldPlan;

import java.util.List;

/**
 * What a job tells its caller while it runs, for step lines and progress bars. Every method is a
 * no-op by default. Called from the job's thread, except {@link #fieldFinished} and {@link #note},
 * which may come from upload threads.
 */
public interface JobListener {

    /** A listener that ignores everything. */
    JobListener NONE = new JobListener() { };

    /** The plan, before validation (with {@code --infer}, after the inference pass). */
    default void planned(List<FieldPlan> plan) { }

    /** The media mapping is loaded. */
    default void mappingLoaded(String description) { }

    /** Rows read so far in the validation pass, every few thousand rows. */
    default void validationProgress(long rowsRead) { }

    /**
     * Rows read so far in the validation pass, with how far into the input that is, every few
     * thousand rows. Calls {@link #validationProgress(long)} unless overridden.
     *
     * @param rowsRead   rows read so far
     * @param bytesRead  bytes of the input read so far, or {@code -1} when the source does not count them
     * @param totalBytes the input file's size, or {@code -1} when unknown (a folder, a stream)
     */
    default void validationProgress(long rowsRead, long bytesRead, long totalBytes) {
        validationProgress(rowsRead);
    }

    /**
     * The validation pass checked every key against the media mapping (not called without one).
     *
     * @param matched rows whose key matched exactly one media item
     * @param rows    rows read
     */
    default void mappingChecked(long matched, long rows) { }

    /**
     * The validation pass ended; called before the sink's checks against the server (an existing field
     * of another type, a field an earlier run finished), whose problems are not counted here.
     *
     * @param rows     rows read
     * @param errors   errors the validation found (the gate stays closed when more than 0)
     * @param warnings warnings the validation found
     */
    default void validated(long rows, long errors, long warnings) { }

    /** Validation found errors: nothing will be sent. */
    default void gateClosed() { }

    /** A field was declared and its upload begins. */
    default void fieldStarted(FieldDeclaration declaration, long values) { }

    /**
     * Entries of a field the target already held when this pass began sending (an earlier run's, when
     * resuming), so progress can tell them from what this run sends. Called once per field whose writer
     * counts them and holds more than 0, after every field of the pass is open and before its first
     * {@link #fieldAccepted}; called from the job's thread.
     *
     * @param field    the field's column name, as in {@link #fieldAccepted}
     * @param accepted entries already on the target, more than 0
     */
    default void fieldAcceptedBefore(String field, long accepted) { }

    /** Entries handed to a field's writer so far. */
    default void fieldProgress(String field, long sent) { }

    /**
     * Entries of a field the target has acknowledged so far (accepted batches), a few times a second
     * while it changes; never called for writers that do not count them ({@code FieldWriter.accepted()}
     * is {@code -1}). Called from a progress thread.
     */
    default void fieldAccepted(String field, long accepted) { }

    /** A field's upload ended. */
    default void fieldFinished(FieldOutcome outcome) { }

    /**
     * Every problem as it is found, also those beyond the ones kept for the summary, so all of them
     * can be written out without holding them in memory. Called from the job's thread.
     *
     * @param problem the problem
     * @param value   the refused value as the input shows it, or {@code null} when the problem is not
     *                about one value
     */
    default void problemFound(io.vlmeta.api.Problem problem, String value) { }

    /** A step line for the user. */
    default void note(String line) { }
}

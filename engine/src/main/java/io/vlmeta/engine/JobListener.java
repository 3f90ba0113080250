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
     * The validation pass checked every key against the media mapping (not called without one).
     *
     * @param matched rows whose key matched exactly one media item
     * @param rows    rows read
     */
    default void mappingChecked(long matched, long rows) { }

    /** The validation pass ended. */
    default void validated(long rows, long errors, long warnings) { }

    /** Validation found errors: nothing will be sent. */
    default void gateClosed() { }

    /** A field was declared and its upload begins. */
    default void fieldStarted(FieldDeclaration declaration, long values) { }

    /** Entries handed to a field's writer so far. */
    default void fieldProgress(String field, long sent) { }

    /** A field's upload ended. */
    default void fieldFinished(FieldOutcome outcome) { }

    /** A step line for the user. */
    default void note(String line) { }
}

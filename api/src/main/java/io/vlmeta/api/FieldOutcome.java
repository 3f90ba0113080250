package io.vlmeta.api;

import java.util.List;
import java.util.Objects;

/**
 * How one field's upload ended.
 *
 * @param fieldName  the field
 * @param status     the final state
 * @param sent       entries sent (in this run and, when resumed, the runs before)
 * @param inserted   entries the server says it inserted; {@code -1} when it did not say
 * @param rejected   entries the server refused (all of them, even when only some are listed)
 * @param rejections the refused entries the server named, mapped back to rows
 * @param message    a sentence for the user, e.g. why a field was skipped; may be {@code null}
 * @since 0.1
 */
public record FieldOutcome(String fieldName, Status status, long sent, long inserted, long rejected,
                           List<Rejection> rejections, String message) {

    /** Final states of a field. */
    public enum Status {
        /** Every entry inserted. */
        COMPLETED,
        /** Some entries refused, the rest inserted. */
        COMPLETED_WITH_ERRORS,
        /** The task failed or timed out. */
        FAILED,
        /** Not uploaded: it exists already, or it was finished by an earlier run. */
        SKIPPED,
        /**
         * Stopped on the user's request before its last entry was sent; the journal records exactly
         * which entries reached the server, so {@code --resume} sends the rest.
         *
         * @since 0.2
         */
        INTERRUPTED
    }

    public FieldOutcome {
        Objects.requireNonNull(fieldName, "fieldName");
        Objects.requireNonNull(status, "status");
        rejections = List.copyOf(rejections);
    }

    /** @return true when the server inserted fewer entries than were sent */
    public boolean insertedDiffers() {
        return inserted >= 0 && status != Status.SKIPPED && inserted != sent;
    }
}

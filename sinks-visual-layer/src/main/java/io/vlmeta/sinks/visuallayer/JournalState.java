package io.vlmeta.sinks.visuallayer;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * What the journal records of one field, as explicit states. Every request that touches the server
 * is preceded by a state naming it ({@link Declaring}, {@link Sending}: the intent) and followed by the
 * state its answer leads to (the outcome). A journal read back in an intent state means the run
 * stopped while that request was in flight: the request is <em>in doubt</em> and is settled by
 * asking the server, never by guessing.
 */
final class JournalState {
    private JournalState() {
    }

    /** One field's state. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "state")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Declaring.class, name = "declaring"),
            @JsonSubTypes.Type(value = Uploading.class, name = "uploading"),
            @JsonSubTypes.Type(value = Sending.class, name = "sending"),
            @JsonSubTypes.Type(value = Finished.class, name = "finished"),
            @JsonSubTypes.Type(value = Stopped.class, name = "stopped")})
    sealed interface FieldState permits Declaring, WithTask {
    }

    /** A field with a task: what its files put on the server so far. */
    sealed interface WithTask extends FieldState permits Uploading, Sending, Finished, Stopped {
        String taskId();

        List<Segment> segments();

        /** @return the index of the first entry not yet on the server: where a resumed run goes on */
        default long nextEntry() {
            long next = 0;
            for (Segment segment : segments()) {
                if (segment.kind() != Segment.Kind.PRESUMED_LOST) {
                    next = Math.max(next, segment.firstEntry() + segment.count());
                }
            }
            return next;
        }

        /** @return files the server took, a file applied in part counting as one */
        default int files() {
            return (int) segments().stream().filter(s -> s.kind() != Segment.Kind.PRESUMED_LOST).count();
        }
    }

    /** Intent: the declaration is being sent; the server may or may not have declared the field. */
    record Declaring() implements FieldState {
    }

    /** Declared, no request in flight. */
    record Uploading(String taskId, List<Segment> segments) implements WithTask {
        Uploading {
            segments = List.copyOf(segments);
        }
    }

    /** Intent: {@code batch} is being sent to the task; the server may have applied all, some or none of it. */
    record Sending(String taskId, List<Segment> segments, Batch batch) implements WithTask {
        Sending {
            segments = List.copyOf(segments);
        }
    }

    /** The task reached a final state after the field's last file ({@code COMPLETED}, ...). */
    record Finished(String taskId, List<Segment> segments, String status) implements WithTask {
        Finished {
            segments = List.copyOf(segments);
        }
    }

    /**
     * The server will take no more of this field (its task refuses uploads, or failed): a resumed run
     * cannot help, and says so instead of trying again.
     */
    record Stopped(String taskId, List<Segment> segments, String reason) implements WithTask {
        Stopped {
            segments = List.copyOf(segments);
        }
    }

    /**
     * One file of a field as sent.
     *
     * @param number     its number in the task, from 1 (a file re-sent after a doubt gets a new number)
     * @param firstEntry the index of its first entry among the field's entries, from 0
     * @param count      its entries
     * @param firstMedia the media id of its first entry, read back to settle a doubt
     * @param lastMedia  the media id of its last entry
     * @param rows       the source rows it holds, as messages name them (e.g. {@code metadata.csv rows 102-201})
     */
    record Batch(int number, long firstEntry, int count, String firstMedia, String lastMedia, String rows) {
        long endEntry() {
            return firstEntry + count;
        }
    }

    /**
     * Entries a file put on the server, in the task's row order ({@code row_index} counts them across the
     * task's files in upload order).
     *
     * @param kind {@link Kind#APPLIED} as sent once; {@link Kind#RESENT} sent again after a copy was
     *             presumed lost (the server's refusals of a second copy are not rejected rows);
     *             {@link Kind#PRESUMED_LOST} a copy whose read-back never showed it, which may still have
     *             been applied late by a server that applies files asynchronously
     * @param lastMedia the media id of its last entry, when the whole file was applied; else {@code null}. A
     *                  resume checks that its own entry at that place is the same media: rows numbered otherwise
     *                  (another mapping, media added to the dataset) would send the rest to other rows
     */
    record Segment(long firstEntry, long count, Kind kind, String lastMedia) {
        enum Kind { APPLIED, RESENT, PRESUMED_LOST }

        /** A segment whose last entry's media is not known (applied in part, or journalled before it was kept). */
        Segment(long firstEntry, long count, Kind kind) {
            this(firstEntry, count, kind, null);
        }
    }

    /**
     * The journal file's content.
     *
     * @param settings the settings the rows were read with ({@code JobKey.settings()}), which a resume must repeat;
     *                 {@code null} in a journal written before they were kept
     */
    record Content(int version, String datasetId, String jobKey, java.util.Map<String, String> settings,
                   java.util.Map<String, FieldState> fields) {
    }
}

package io.vlmeta.sinks.visuallayer;

import io.vlmeta.sinks.visuallayer.JournalState.Segment;

import java.util.List;

/**
 * Maps the server's {@code row_index} (the 0-based position of an entry across everything uploaded to
 * the task, files taken in upload order) back to the field's entries, through the journal's record of
 * what each file put on the server. A file re-sent after a doubt, or applied only in part, would
 * otherwise shift every later row.
 *
 * <p>A copy presumed lost (its read-back never showed it) may still have been applied late by a server
 * that applies files asynchronously. The task's count of processed rows decides: when it equals what
 * the journal accounts for with those copies, they were applied, and the server's refusals of the
 * re-sent copy are refusals of a second copy, not rejected rows; when it matches neither, the map says
 * it is not {@linkplain #consistent() consistent}.
 */
final class RowMap {
    /**
     * @param entry      the field's entry, from 0
     * @param secondCopy true when the row is a second copy of an entry the server already held
     */
    record Row(long entry, boolean secondCopy) {
    }

    private final List<Segment> segments;
    private final boolean includeLost;
    private final boolean consistent;
    private final long total;
    private final long secondCopies;
    private final boolean copiesInDoubt;

    /**
     * @param segments  the journal's segments, in upload order
     * @param processed the rows the task processed (inserted and rejected); {@code -1} when unknown
     */
    RowMap(List<Segment> segments, long processed) {
        long known = 0;
        long lost = 0;
        long resent = 0;
        for (Segment segment : segments) {
            switch (segment.kind()) {
                case PRESUMED_LOST -> lost += segment.count();
                case RESENT -> {
                    resent += segment.count();
                    known += segment.count();
                }
                case APPLIED -> known += segment.count();
            }
        }
        this.includeLost = lost > 0 && processed == known + lost;
        // a copy applied late may sit anywhere after its place in the journal: rows after it are not certain
        this.consistent = processed < 0 || processed == known;
        this.copiesInDoubt = lost > 0;
        this.total = includeLost ? known + lost : known;
        this.secondCopies = includeLost ? resent : 0;
        this.segments = segments.stream().filter(s -> includeLost || s.kind() != Segment.Kind.PRESUMED_LOST).toList();
    }

    /** @return the entry at this row, or {@code null} outside what the journal accounts for */
    Row entryOf(long rowIndex) {
        if (rowIndex < 0) {
            return null;
        }
        long start = 0;
        for (Segment segment : segments) {
            if (rowIndex < start + segment.count()) {
                return new Row(segment.firstEntry() + (rowIndex - start),
                        includeLost && segment.kind() == Segment.Kind.RESENT);
            }
            start += segment.count();
        }
        return null;
    }

    /** @return true when a copy was presumed lost and sent again, so a second copy may have reached the server */
    boolean copiesInDoubt() {
        return copiesInDoubt;
    }

    /**
     * @param processed rows the task processed before it stopped (files are applied in order)
     * @return the index of the first entry the server did not reach: every entry before it was processed
     */
    long processedEntries(long processed) {
        long start = 0;
        long end = 0;
        for (Segment segment : segments) {
            if (start >= processed) {
                break;
            }
            end = Math.max(end, segment.firstEntry() + Math.min(segment.count(), processed - start));
            start += segment.count();
        }
        return end;
    }

    boolean consistent() {
        return consistent;
    }

    long total() {
        return total;
    }

    /** @return rows that were second copies of entries the server held */
    long secondCopies() {
        return secondCopies;
    }
}

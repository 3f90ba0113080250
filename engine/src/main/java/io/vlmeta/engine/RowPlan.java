package io.vlmeta.engine;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.MediaResolver;
import io.vlmeta.api.ParseResult;
import io.vlmeta.api.Plural;
import io.vlmeta.api.Record;
import io.vlmeta.api.Resolution;
import io.vlmeta.api.VlmetaException;

import java.util.ArrayList;
import java.util.List;

/**
 * What validation decided for each row, in source order, so that the upload pass neither looks each
 * key up in the media index again nor tracks repeats again: the ordinal of the one media item the row
 * is sent to, or that it is sent without a mapping ({@link #UNCHECKED}), or that it is not sent
 * ({@link #NOT_SENT}: unmatched under {@code --allow-unmatched}, ambiguous, or an identical repeat).
 *
 * <p>The upload reads the source a second time, and nothing but this plan ties its rows to the rows
 * validation read. So each row also keeps a 32-bit fingerprint of its key, its row number and the
 * values validation accepted ({@link #valuesHash}), and {@link #decisionFor} refuses a row whose
 * fingerprint differs, and {@link #checkAllRead} an input that ends early: a file changed between the
 * passes stops the upload instead of sending values to the media items of other rows, or values
 * (an enum option never declared, say) that were never validated.
 *
 * <p>Memory: 8 bytes per row (two {@code int}s), in chunks of {@value #CHUNK_ROWS} rows, so ten million
 * rows take 80 MB and no array is ever copied to grow. Written by one thread (validation's), then read
 * by whichever thread prepares the upload's rows; the hand-over between the passes publishes it.
 */
final class RowPlan {
    /** The row is not sent. */
    static final int NOT_SENT = -1;
    /** The row is sent without a media id: no mapping is known (dry runs and reports without an export). */
    static final int UNCHECKED = -2;

    private static final int CHUNK_SHIFT = 15;
    static final int CHUNK_ROWS = 1 << CHUNK_SHIFT;
    private static final int CHUNK_MASK = CHUNK_ROWS - 1;

    /** Each chunk holds, per row, the decision then the fingerprint. */
    private final List<int[]> chunks = new ArrayList<>();
    private long rows;

    /**
     * Records the next row's decision.
     *
     * @param resolution what the row's key resolved to
     * @param sent       true when validation lets the row through to the upload (mapped, and not a repeat)
     * @param valuesHash {@link #valuesHash} of the row's parsed values, every validated field in plan order
     */
    void add(Record record, Resolution resolution, boolean sent, long valuesHash) {
        int decision = !sent ? NOT_SENT
                : resolution instanceof Resolution.Matched matched ? matched.ordinal()
                : resolution instanceof Resolution.Unchecked ? UNCHECKED : NOT_SENT;
        int at = (int) (rows & CHUNK_MASK);
        if (at == 0) {
            chunks.add(new int[2 * CHUNK_ROWS]);
        }
        int[] chunk = chunks.get(chunks.size() - 1);
        chunk[2 * at] = decision;
        chunk[2 * at + 1] = fingerprint(record, valuesHash);
        rows++;
    }

    /** @return rows recorded */
    long rows() {
        return rows;
    }

    /**
     * @param index  the row's 0-based position among the records the source returned
     * @param record the row the upload read at that position
     * @param valuesHash {@link #valuesHash} of the values the upload parsed in that row, every validated field
     * @return the row's decision: a media ordinal ({@code >= 0}), {@link #UNCHECKED} or {@link #NOT_SENT}
     * @throws VlmetaException ({@link ErrorCode#INPUT_UNREADABLE}: some of it may be on the server) when validation read no row there, or another one
     */
    int decisionFor(long index, Record record, long valuesHash, String input) {
        if (index >= rows) {
            throw changed(input, record.location().describe() + " is a row validation did not read");
        }
        int[] chunk = chunks.get((int) (index >>> CHUNK_SHIFT));
        int at = (int) (index & CHUNK_MASK);
        if (chunk[2 * at + 1] != fingerprint(record, valuesHash)) {
            throw changed(input, record.location().describe() + " (key '" + record.key()
                    + "') is not the row validation read in its place: its key, position or values differ");
        }
        return chunk[2 * at];
    }

    /**
     * @param read rows the upload read, to the end of the input
     * @throws VlmetaException ({@link ErrorCode#INPUT_UNREADABLE}: some of it may be on the server) when the input ended before every row validation read
     */
    void checkAllRead(long read, String input) {
        if (read != rows) {
            throw changed(input, "it now ends after " + Plural.grouped(read, "row", "rows") + ", where validation read "
                    + String.format(java.util.Locale.ROOT, "%,d", rows));
        }
    }

    /**
     * @param decision a media ordinal from {@link #decisionFor}
     * @return that item's media id, from the resolver's list, or by resolving the key again when the
     *         resolver does not list its media
     */
    static String mediaId(MediaResolver resolver, int decision, Record record) {
        String listed = resolver.mediaId(decision);
        if (listed != null) {
            return listed;
        }
        if (resolver.resolve(record.key()) instanceof Resolution.Matched matched) {
            return matched.mediaId();
        }
        throw new VlmetaException(ErrorCode.INTERNAL, "'" + record.key() + "' (" + record.location().describe()
                + ") matched a media item in validation but not in the upload.");
    }

    /** The key, the row number and the values, which together tell one row of an input from another. */
    static int fingerprint(Record record, long valuesHash) {
        long hash = Hash64.combine(Hash64.combine(Hash64.of(record.key()), record.location().row()), valuesHash);
        return (int) (hash ^ (hash >>> 32));
    }

    /**
     * @param parsed a row's parse results, one per validated field in plan order
     * @return a hash of the accepted values and their fields' positions (absent and refused values add
     *     nothing): equal for two rows with the same values, which is also how repeats are told apart
     */
    static long valuesHash(ParseResult[] parsed) {
        long hash = 0x2545F4914F6CDD1DL;
        for (int i = 0; i < parsed.length; i++) {
            if (parsed[i] instanceof ParseResult.Value value) {
                hash = Hash64.combine(hash, Hash64.combine(i, Hash64.ofValue(value.json())));
            }
        }
        return hash;
    }

    /**
     * @param what which row differs and how
     * @return the refusal of an input that changed after validation ({@link ErrorCode#INPUT_UNREADABLE})
     */
    static VlmetaException changed(String input, String what) {
        return new VlmetaException(ErrorCode.INPUT_UNREADABLE, input + " changed after it was validated: " + what
                + ". The upload stopped there, and nothing after it was sent. Upload only files that stay "
                + "unchanged until the job ends.");
    }
}

package io.vlmeta.engine;

import io.vlmeta.api.MediaResolver;
import io.vlmeta.api.Resolution;

/**
 * Remembers, per media item, the first row that held it and a hash of that row's values, so a
 * second row for the same media item can be told apart as an identical repeat (uploaded once) or a
 * conflict (an error naming both rows).
 *
 * <p>With a media index, media items have dense ordinals and two arrays suffice (12 bytes per media
 * item). Without one (offline validation), keys are tracked by a 64-bit hash in an open-addressing
 * table, which grows with the number of distinct keys.
 */
abstract sealed class DuplicateTracker permits DuplicateTracker.Dense, DuplicateTracker.Hashed {

    /** What the tracker knew about a key before this row. */
    record Seen(long firstRow, long valuesHash) {
    }

    /**
     * Records a row for a key.
     *
     * @return {@code null} when the key is new, or what the first row for it was
     */
    abstract Seen firstOrRecord(long key, long row, long valuesHash);

    /** @return a tracker by media ordinal when the resolver holds the dataset's media, else by hashed key */
    static DuplicateTracker forResolver(MediaResolver resolver) {
        return resolver.size() > 0 ? new Dense(resolver.size()) : new Hashed();
    }

    /**
     * The one rule both passes use to name a row's media item, so the upload skips exactly the rows
     * validation found repeated.
     *
     * @param resolution a {@link Resolution.Matched} or {@link Resolution.Unchecked} one
     * @return the media ordinal when matched, else the hash of the normalised key
     */
    static long keyOf(Resolution resolution, String key) {
        return resolution instanceof Resolution.Matched matched ? matched.ordinal() : KeyNormalizer.hash(key);
    }

    static final class Dense extends DuplicateTracker {
        private final int[] firstRow;
        private final long[] hashes;

        Dense(int size) {
            firstRow = new int[size];
            hashes = new long[size];
        }

        @Override
        Seen firstOrRecord(long key, long row, long valuesHash) {
            int ordinal = (int) key;
            if (firstRow[ordinal] != 0) {
                return new Seen(firstRow[ordinal], hashes[ordinal]);
            }
            firstRow[ordinal] = (int) Math.min(row, Integer.MAX_VALUE);
            hashes[ordinal] = valuesHash;
            return null;
        }
    }

    static final class Hashed extends DuplicateTracker {
        private static final long EMPTY = 0L;
        private long[] keys = new long[1 << 12];
        private int[] rows = new int[1 << 12];
        private long[] hashes = new long[1 << 12];
        private int size;

        @Override
        Seen firstOrRecord(long key, long row, long valuesHash) {
            long k = key == EMPTY ? 1L : key; // 0 marks a free slot
            int mask = keys.length - 1;
            int slot = (int) Hash64.mix(k) & mask;
            while (keys[slot] != EMPTY) {
                if (keys[slot] == k) {
                    return new Seen(rows[slot], hashes[slot]);
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = k;
            rows[slot] = (int) Math.min(row, Integer.MAX_VALUE);
            hashes[slot] = valuesHash;
            if (++size * 2 > keys.length) {
                grow();
            }
            return null;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldRows = rows;
            long[] oldHashes = hashes;
            keys = new long[oldKeys.length * 2];
            rows = new int[oldKeys.length * 2];
            hashes = new long[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != EMPTY) {
                    int slot = (int) Hash64.mix(oldKeys[i]) & mask;
                    while (keys[slot] != EMPTY) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    rows[slot] = oldRows[i];
                    hashes[slot] = oldHashes[i];
                }
            }
        }
    }
}

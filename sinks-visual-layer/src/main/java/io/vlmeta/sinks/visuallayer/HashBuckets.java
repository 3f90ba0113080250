package io.vlmeta.sinks.visuallayer;

/**
 * A hash table of item ordinals: each item's full 32-bit hash and ordinal packed into one {@code long},
 * grouped by bucket in one array, with a directory of where each bucket starts. A lookup reads the
 * directory, then one short run of neighbouring entries, and compares full hashes before callers touch
 * any item's key bytes, so other items in the bucket cost no further memory access. About 10 to 12
 * bytes per item (one to two items per bucket) and no object per entry. Within a bucket ordinals
 * ascend, so items with equal keys come out in the order they were added.
 */
final class HashBuckets {
    private final int[] starts;
    private final long[] entries;
    private final int mask;

    /** @param hashes the key hash of every item, by ordinal */
    HashBuckets(int[] hashes) {
        int size = hashes.length;
        int buckets = Integer.highestOneBit(Math.max(1, size));
        mask = buckets - 1;
        starts = new int[buckets + 1];
        entries = new long[size];
        for (int ordinal = 0; ordinal < size; ordinal++) {
            starts[hashes[ordinal] & mask]++;
        }
        for (int bucket = 1; bucket < buckets; bucket++) {
            starts[bucket] += starts[bucket - 1];
        }
        // starts[b] is now where bucket b ends; filling backwards leaves it where b starts, ordinals ascending
        for (int ordinal = size - 1; ordinal >= 0; ordinal--) {
            int hash = hashes[ordinal];
            entries[--starts[hash & mask]] = ((long) hash << 32) | ordinal;
        }
        starts[buckets] = size;
    }

    /** @return the position of the first entry of this hash's bucket */
    int from(int hash) {
        return starts[hash & mask];
    }

    /** @return the position after the last entry of this hash's bucket */
    int to(int hash) {
        return starts[(hash & mask) + 1];
    }

    /** @return the ordinal at {@code position} when its item's hash is {@code hash}, else -1 */
    int ordinalIfHash(int position, int hash) {
        long entry = entries[position];
        return (int) (entry >>> 32) == hash ? (int) entry : -1;
    }
}

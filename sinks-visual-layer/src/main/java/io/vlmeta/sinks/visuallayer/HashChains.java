package io.vlmeta.sinks.visuallayer;

/**
 * A hash table of item ordinals with chaining through one {@code int[]}: about eight bytes per item
 * and no object per entry. Items whose keys collide (or are equal) share a chain; callers compare
 * the real keys while walking it. Chaining rather than open addressing keeps a chain of a thousand
 * equal file names from clustering over its neighbours.
 */
final class HashChains {
    private final int[] heads;
    private final int[] next;
    private final int mask;

    /** @param hashes the key hash of every item, by ordinal */
    HashChains(int[] hashes, int size) {
        int capacity = Integer.highestOneBit(Math.max(2, size) - 1) << 1;
        heads = new int[capacity];
        next = new int[size];
        mask = capacity - 1;
        // inserted backwards so each chain lists ordinals in ascending order
        for (int ordinal = size - 1; ordinal >= 0; ordinal--) {
            int bucket = hashes[ordinal] & mask;
            next[ordinal] = heads[bucket];
            heads[bucket] = ordinal + 1;
        }
    }

    /** @return the first ordinal + 1 in the chain of this hash, or 0 for none */
    int first(int hash) {
        return heads[hash & mask];
    }

    /** @return the ordinal + 1 after {@code ordinal} in its chain, or 0 for none */
    int after(int ordinal) {
        return next[ordinal];
    }
}

package io.vlmeta.sources.csv;

import java.util.ArrayDeque;

/**
 * Character offsets of byte sequences that were not valid in the file's encoding, in file order,
 * kept until the rows they fall in are read. Only offsets the parser has not reached yet are held,
 * so the queue stays as small as the read-ahead buffer.
 */
final class DecodeErrors {

    private final ArrayDeque<Long> offsets = new ArrayDeque<>();

    /** @param offset the character offset where a bad sequence was replaced; ascending */
    void add(long offset) {
        offsets.addLast(offset);
    }

    /**
     * Takes every offset before the given end.
     *
     * @param end the first character offset after the row (its successor's start)
     * @return true when at least one bad sequence lies before {@code end}
     */
    boolean takeBefore(long end) {
        boolean found = false;
        while (!offsets.isEmpty() && offsets.peekFirst() < end) {
            offsets.removeFirst();
            found = true;
        }
        return found;
    }
}

package io.vlmeta.sinks.visuallayer;

import java.util.ArrayList;
import java.util.List;

/**
 * Append-only primitive arrays kept in fixed-size chunks while their final size is unknown. Growing
 * never copies, and {@code toArray} releases each chunk as soon as it is copied into the exact-size
 * result, so building an array of n elements needs n plus one chunk, not the two or three times n that
 * growing by copying briefly holds. Chunks are small enough never to be humongous objects for G1.
 */
final class ChunkedArrays {
    private static final int BYTES_PER_CHUNK = 1 << 16;
    private static final int ELEMENTS_PER_CHUNK = 1 << 13;

    private ChunkedArrays() {
    }

    /** Bytes, appended in runs. */
    static final class Bytes {
        private final List<byte[]> chunks = new ArrayList<>();
        private long length;

        void append(byte[] bytes) {
            int copied = 0;
            while (copied < bytes.length) {
                int offset = (int) (length % BYTES_PER_CHUNK);
                if (offset == 0) {
                    chunks.add(new byte[BYTES_PER_CHUNK]);
                }
                int n = Math.min(bytes.length - copied, BYTES_PER_CHUNK - offset);
                System.arraycopy(bytes, copied, chunks.get(chunks.size() - 1), offset, n);
                copied += n;
                length += n;
            }
        }

        long length() {
            return length;
        }

        /** @return every byte in one array; this becomes empty. The length must fit an array. */
        byte[] toArray() {
            byte[] all = new byte[Math.toIntExact(length)];
            int position = 0;
            for (int i = 0; i < chunks.size(); i++) {
                int n = (int) Math.min(BYTES_PER_CHUNK, length - position);
                System.arraycopy(chunks.get(i), 0, all, position, n);
                chunks.set(i, null);
                position += n;
            }
            clear();
            return all;
        }

        void clear() {
            chunks.clear();
            length = 0;
        }
    }

    /**
     * Elements of one primitive type, appended one at a time; {@code A} is its array type. The
     * subclasses only say how to make an array and how to store one element.
     */
    abstract static class Elements<A> {
        private final List<A> chunks = new ArrayList<>();
        private int size;

        abstract A newArray(int length);

        /** @return the chunk the next element goes into, at {@code size % ELEMENTS_PER_CHUNK}; counts it */
        final A nextSlot() {
            if (size % ELEMENTS_PER_CHUNK == 0) {
                chunks.add(newArray(ELEMENTS_PER_CHUNK));
            }
            size++;
            return chunks.get(chunks.size() - 1);
        }

        final A chunkOf(int index) {
            return chunks.get(index / ELEMENTS_PER_CHUNK);
        }

        static int offsetOf(int index) {
            return index % ELEMENTS_PER_CHUNK;
        }

        final int size() {
            return size;
        }

        /** @return every element in one array; this becomes empty */
        final A toArray() {
            A all = newArray(size);
            for (int i = 0; i < chunks.size(); i++) {
                int from = i * ELEMENTS_PER_CHUNK;
                System.arraycopy(chunks.get(i), 0, all, from, Math.min(ELEMENTS_PER_CHUNK, size - from));
                chunks.set(i, null);
            }
            clear();
            return all;
        }

        final void clear() {
            chunks.clear();
            size = 0;
        }
    }

    /** Ints, appended one at a time. */
    static final class Ints extends Elements<int[]> {
        @Override
        int[] newArray(int length) {
            return new int[length];
        }

        void add(int value) {
            int offset = offsetOf(size());
            nextSlot()[offset] = value;
        }
    }

    /** Longs, appended one at a time. */
    static final class Longs extends Elements<long[]> {
        @Override
        long[] newArray(int length) {
            return new long[length];
        }

        void add(long value) {
            int offset = offsetOf(size());
            nextSlot()[offset] = value;
        }

        long get(int index) {
            return chunkOf(index)[offsetOf(index)];
        }
    }
}

package io.vlmeta.sinks.visuallayer;

/**
 * The path arithmetic media matching needs, on UTF-8 bytes so the index never builds a string per item.
 * {@code /} and {@code .} are single bytes in UTF-8 and never occur inside a multi-byte character.
 */
final class MediaPaths {

    private MediaPaths() {
    }

    /** @return the index where the last path component starts */
    static int nameStart(byte[] bytes, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (bytes[i] == '/') {
                return i + 1;
            }
        }
        return from;
    }

    /** @return the end of the last component without its extension; a leading dot is not an extension */
    static int stemEnd(byte[] bytes, int nameStart, int to) {
        for (int i = to - 1; i > nameStart; i--) {
            if (bytes[i] == '.') {
                return i;
            }
        }
        return to;
    }

    /** @return true when {@code [aFrom, aTo)} ends with {@code [bFrom, bTo)} right after a {@code /} */
    static boolean endsAtBoundary(byte[] a, int aFrom, int aTo, byte[] b, int bFrom, int bTo) {
        int length = bTo - bFrom;
        int start = aTo - length;
        if (start <= aFrom || a[start - 1] != '/') {
            return false;
        }
        return java.util.Arrays.equals(a, start, aTo, b, bFrom, bTo);
    }

    /** The FNV-1a offset basis: where {@link #hash} starts. */
    static final int SEED = 0x811c9dc5;

    /** A 32-bit FNV-1a hash with a final avalanche, so power-of-two tables spread well. */
    static int hash(byte[] bytes, int from, int to) {
        int h = SEED;
        for (int i = from; i < to; i++) {
            h = mix(h, bytes[i]);
        }
        return finish(h);
    }

    /** @return the running hash {@code h} with one more byte */
    static int mix(int h, byte b) {
        return (h ^ b) * 0x01000193;
    }

    /** @return the running hash {@code h} avalanched */
    static int finish(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}

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

    /** A 32-bit FNV-1a hash with a final avalanche, so power-of-two tables spread well. */
    static int hash(byte[] bytes, int from, int to) {
        int h = 0x811c9dc5;
        for (int i = from; i < to; i++) {
            h ^= bytes[i];
            h *= 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}

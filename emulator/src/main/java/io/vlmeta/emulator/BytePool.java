package io.vlmeta.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Append-only storage of many small byte strings in a few large chunks, so that millions of
 * values cost their bytes plus one {@code long} address each instead of an object each.
 *
 * <p>Each item is stored as a varint length followed by its bytes; an address is
 * {@code chunkIndex << 24 | position}. Chunks start small (tests create many pools) and double up to
 * 16 MiB. Not thread-safe: owners guard it.
 */
final class BytePool {
    /** The largest item, so that any item fits one chunk with its length prefix. */
    static final int MAX_ITEM_BYTES = (1 << 24) - 8;

    private static final int POSITION_BITS = 24;
    private static final int MAX_CHUNK = 1 << POSITION_BITS;
    private static final int FIRST_CHUNK = 4096;

    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] current;
    private int position;

    /**
     * @param bytes the item, at most {@link #MAX_ITEM_BYTES} long
     * @return its address, never negative
     */
    long add(byte[] bytes) {
        int length = bytes.length;
        if (length > MAX_ITEM_BYTES) {
            throw new IllegalArgumentException("item of " + length + " bytes exceeds " + MAX_ITEM_BYTES);
        }
        int needed = length + 5;
        if (current == null || current.length - position < needed) {
            int size = current == null ? FIRST_CHUNK : Math.min(MAX_CHUNK, current.length * 2);
            while (size < needed) {
                size *= 2;
            }
            current = new byte[size];
            chunks.add(current);
            position = 0;
        }
        long address = ((long) (chunks.size() - 1) << POSITION_BITS) | position;
        int value = length;
        while ((value & ~0x7F) != 0) {
            current[position++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        current[position++] = (byte) value;
        System.arraycopy(bytes, 0, current, position, length);
        position += length;
        return address;
    }

    /** @return the item at {@code address} */
    byte[] get(long address) {
        byte[] chunk = chunks.get((int) (address >>> POSITION_BITS));
        long lengthAndStart = lengthAndStart(chunk, (int) (address & (MAX_CHUNK - 1)));
        int at = (int) lengthAndStart;
        return Arrays.copyOfRange(chunk, at, at + (int) (lengthAndStart >>> 32));
    }

    /** @return the length in bytes of the item at {@code address} */
    int length(long address) {
        byte[] chunk = chunks.get((int) (address >>> POSITION_BITS));
        return (int) (lengthAndStart(chunk, (int) (address & (MAX_CHUNK - 1))) >>> 32);
    }

    /**
     * Copies the item at {@code address} into {@code target}, which must have room for {@link #length(long)} bytes.
     *
     * @return the offset in {@code target} after the item
     */
    int copyTo(long address, byte[] target, int offset) {
        byte[] chunk = chunks.get((int) (address >>> POSITION_BITS));
        long lengthAndStart = lengthAndStart(chunk, (int) (address & (MAX_CHUNK - 1)));
        int length = (int) (lengthAndStart >>> 32);
        System.arraycopy(chunk, (int) lengthAndStart, target, offset, length);
        return offset + length;
    }

    /** @return the varint length prefix at {@code at} in the high half, where the item starts in the low half */
    private static long lengthAndStart(byte[] chunk, int at) {
        int length = 0;
        int shift = 0;
        byte b;
        do {
            b = chunk[at++];
            length |= (b & 0x7F) << shift;
            shift += 7;
        } while (b < 0);
        return (long) length << 32 | at;
    }

    /** @return the item at {@code address} read as UTF-8 */
    String string(long address) {
        byte[] chunk = chunks.get((int) (address >>> POSITION_BITS));
        long lengthAndStart = lengthAndStart(chunk, (int) (address & (MAX_CHUNK - 1)));
        return new String(chunk, (int) lengthAndStart, (int) (lengthAndStart >>> 32), StandardCharsets.UTF_8);
    }
}

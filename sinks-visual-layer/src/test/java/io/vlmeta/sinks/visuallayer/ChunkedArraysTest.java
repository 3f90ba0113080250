package io.vlmeta.sinks.visuallayer;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkedArraysTest {
    private static final int BYTES_PER_CHUNK = 65_536;
    private static final int ELEMENTS_PER_CHUNK = 8_192;

    /** Bytes whose value depends on their position, so a misplaced or lost run shows. */
    private static byte[] pattern(int start, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ((start + i) * 31 + ((start + i) >>> 8));
        }
        return bytes;
    }

    @Test
    void bytesSurviveAppendsThatStraddleAChunkBoundary() {
        ChunkedArrays.Bytes bytes = new ChunkedArrays.Bytes();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        // 65,530 then 20 bytes: the second run straddles the first boundary; then runs that end exactly on one
        int[] runs = {BYTES_PER_CHUNK - 6, 20, BYTES_PER_CHUNK - 14, 1, 7, BYTES_PER_CHUNK, 3};
        int position = 0;
        for (int run : runs) {
            byte[] part = pattern(position, run);
            bytes.append(part);
            expected.writeBytes(part);
            position += run;
        }

        assertThat(bytes.length()).isEqualTo(position);
        assertThat(bytes.toArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void bytesKeepASingleAppendLongerThanAChunk() {
        ChunkedArrays.Bytes bytes = new ChunkedArrays.Bytes();
        byte[] head = pattern(0, 100);
        byte[] big = pattern(100, 3 * BYTES_PER_CHUNK + 12_345);
        byte[] tail = pattern(100 + big.length, 50);
        bytes.append(head);
        bytes.append(big);
        bytes.append(tail);

        byte[] all = bytes.toArray();

        assertThat(all).hasSize(head.length + big.length + tail.length);
        assertThat(Arrays.copyOfRange(all, 0, 100)).isEqualTo(head);
        assertThat(Arrays.copyOfRange(all, 100, 100 + big.length)).isEqualTo(big);
        assertThat(Arrays.copyOfRange(all, 100 + big.length, all.length)).isEqualTo(tail);
    }

    @Test
    void bytesIgnoreAnEmptyAppend() {
        ChunkedArrays.Bytes bytes = new ChunkedArrays.Bytes();
        bytes.append(new byte[0]);
        bytes.append(new byte[] {1, 2});
        bytes.append(new byte[0]);

        assertThat(bytes.length()).isEqualTo(2);
        assertThat(bytes.toArray()).containsExactly(1, 2);
    }

    @Test
    void intsKeepEveryElementAcrossChunks() {
        ChunkedArrays.Ints ints = new ChunkedArrays.Ints();
        int[] expected = new int[20_000];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = i * 7 - 3;
            ints.add(expected[i]);
        }

        assertThat(ints.toArray()).isEqualTo(expected);
    }

    @Test
    void intsKeepAnExactMultipleOfTheChunkSize() {
        ChunkedArrays.Ints ints = new ChunkedArrays.Ints();
        for (int i = 0; i < 2 * ELEMENTS_PER_CHUNK; i++) {
            ints.add(i);
        }

        int[] all = ints.toArray();

        assertThat(all).hasSize(2 * ELEMENTS_PER_CHUNK);
        assertThat(all[ELEMENTS_PER_CHUNK - 1]).isEqualTo(ELEMENTS_PER_CHUNK - 1);
        assertThat(all[ELEMENTS_PER_CHUNK]).isEqualTo(ELEMENTS_PER_CHUNK);
        assertThat(all[all.length - 1]).isEqualTo(all.length - 1);
    }

    @Test
    void longsKeepEveryElementAcrossChunks() {
        ChunkedArrays.Longs longs = new ChunkedArrays.Longs();
        long[] expected = new long[20_000];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = 0x1234_5678_0000_0000L * (i + 1) + i;
            longs.add(expected[i]);
        }

        assertThat(longs.toArray()).isEqualTo(expected);
    }

    @Test
    void longsGetReadsElementsOnBothSidesOfChunkBoundaries() {
        ChunkedArrays.Longs longs = new ChunkedArrays.Longs();
        for (int i = 0; i < 20_000; i++) {
            longs.add(-1_000_000_000_000L - i);
        }

        for (int index : new int[] {0, 1, ELEMENTS_PER_CHUNK - 1, ELEMENTS_PER_CHUNK, ELEMENTS_PER_CHUNK + 1,
                2 * ELEMENTS_PER_CHUNK - 1, 2 * ELEMENTS_PER_CHUNK, 19_999}) {
            assertThat(longs.get(index)).as("element %d", index).isEqualTo(-1_000_000_000_000L - index);
        }
    }

    @Test
    void emptyArraysGiveEmptyResults() {
        assertThat(new ChunkedArrays.Bytes().toArray()).isEmpty();
        assertThat(new ChunkedArrays.Bytes().length()).isZero();
        assertThat(new ChunkedArrays.Ints().toArray()).isEmpty();
        assertThat(new ChunkedArrays.Longs().toArray()).isEmpty();
    }

    @Test
    void toArrayLeavesEachArrayEmptyAndReusable() {
        ChunkedArrays.Bytes bytes = new ChunkedArrays.Bytes();
        bytes.append(pattern(0, BYTES_PER_CHUNK + 10));
        ChunkedArrays.Ints ints = new ChunkedArrays.Ints();
        ChunkedArrays.Longs longs = new ChunkedArrays.Longs();
        for (int i = 0; i < ELEMENTS_PER_CHUNK + 10; i++) {
            ints.add(i);
            longs.add(i);
        }

        assertThat(bytes.toArray()).hasSize(BYTES_PER_CHUNK + 10);
        assertThat(ints.toArray()).hasSize(ELEMENTS_PER_CHUNK + 10);
        assertThat(longs.toArray()).hasSize(ELEMENTS_PER_CHUNK + 10);

        assertThat(bytes.length()).isZero();
        assertThat(bytes.toArray()).isEmpty();
        assertThat(ints.toArray()).isEmpty();
        assertThat(longs.toArray()).isEmpty();

        bytes.append(new byte[] {9, 8});
        ints.add(42);
        longs.add(43L);
        assertThat(bytes.toArray()).containsExactly(9, 8);
        assertThat(ints.toArray()).containsExactly(42);
        assertThat(longs.toArray()).containsExactly(43L);
    }

    @Test
    void clearEmptiesEachArray() {
        ChunkedArrays.Bytes bytes = new ChunkedArrays.Bytes();
        bytes.append(pattern(0, 70_000));
        ChunkedArrays.Ints ints = new ChunkedArrays.Ints();
        ChunkedArrays.Longs longs = new ChunkedArrays.Longs();
        for (int i = 0; i < 10_000; i++) {
            ints.add(i);
            longs.add(i);
        }

        bytes.clear();
        ints.clear();
        longs.clear();

        assertThat(bytes.length()).isZero();
        assertThat(bytes.toArray()).isEmpty();
        assertThat(ints.toArray()).isEmpty();
        assertThat(longs.toArray()).isEmpty();

        longs.add(5L);
        longs.add(6L);
        assertThat(longs.get(0)).isEqualTo(5L);
        assertThat(longs.get(1)).isEqualTo(6L);
    }
}

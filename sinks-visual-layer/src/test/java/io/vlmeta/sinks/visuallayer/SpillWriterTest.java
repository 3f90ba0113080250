package io.vlmeta.sinks.visuallayer;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpillWriterTest {
    private static final List<String> TEXTS = List.of("", "plain", "größe", "画像 😀", "x".repeat(40),
            "ascii then ü", "y".repeat(3000), "ä".repeat(700));

    @Test
    void writesTheBytesDataOutputStreamWritesAcrossEveryBufferBoundary() throws IOException {
        for (int bufferSize : new int[] {16, 17, 61, 1000, 1 << 16}) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            try (DataOutputStream data = new DataOutputStream(expected);
                 SpillWriter writer = new SpillWriter(actual, bufferSize)) {
                for (int round = 0; round < 50; round++) {
                    long number = round * 0x0102030405060708L - 7;
                    String text = TEXTS.get(round % TEXTS.size());
                    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                    data.writeLong(number);
                    data.writeBoolean(round % 2 == 0);
                    data.writeInt(-round * 65_537);
                    data.writeInt(utf8.length);
                    data.write(utf8);

                    writer.writeLong(number);
                    writer.writeByte(round % 2 == 0 ? 1 : 0);
                    writer.writeInt(-round * 65_537);
                    writer.writeText(text);

                    assertThat(writer.position()).isEqualTo(data.size());
                }
            }
            assertThat(actual.toByteArray()).as("buffer of %d bytes", bufferSize).isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void positionKeepsCountingPastTwoGigabytes() throws IOException {
        // the spill's offsets come from this count; DataOutputStream.size() saturates at Integer.MAX_VALUE
        try (SpillWriter writer = new SpillWriter(OutputStream.nullOutputStream(), 1 << 16)) {
            byte[] block = new byte[1 << 26];
            for (int i = 0; i < 40; i++) {
                writer.write(block, 0, block.length);
            }
            writer.writeLong(7);
            writer.writeByte(1);

            assertThat(writer.position()).isEqualTo(40L * (1 << 26) + Long.BYTES + 1);
        }
    }

    @Test
    void flushHandsEveryWrittenByteToTheStream() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpillWriter writer = new SpillWriter(out, 1 << 16);
        writer.writeText("row");
        assertThat(out.size()).isZero();

        writer.flush();

        assertThat(out.toByteArray()).containsExactly(0, 0, 0, 3, 'r', 'o', 'w');
        assertThat(writer.position()).isEqualTo(7);
    }
}

package io.vlmeta.sinks.visuallayer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a spill file in the big-endian layout {@link java.io.DataInput} reads ({@code readLong},
 * {@code readInt}, {@code readByte}; text as an {@code int} byte count and UTF-8 bytes), straight into
 * one buffer that goes to the file in large writes. One layer instead of a data stream over a counting
 * stream over a buffered one: a field's spill takes a few dozen bytes per entry, and each of them
 * passed through three synchronized or virtual calls. The position is a {@code long}, so offsets keep
 * counting past 2 GB. Not thread-safe: written by one thread.
 */
final class SpillWriter implements AutoCloseable {
    private final OutputStream out;
    private final byte[] buffer;
    private int used;
    private long flushed;

    /** @param bufferSize bytes held before a write to {@code out}; at least 16 */
    SpillWriter(OutputStream out, int bufferSize) {
        this.out = out;
        this.buffer = new byte[Math.max(16, bufferSize)];
    }

    /** @return bytes written so far, buffered ones included: where the next write lands in the file */
    long position() {
        return flushed + used;
    }

    void writeByte(int value) throws IOException {
        room(1);
        buffer[used++] = (byte) value;
    }

    void writeInt(int value) throws IOException {
        room(Integer.BYTES);
        putInt(value);
    }

    void writeLong(long value) throws IOException {
        room(Long.BYTES);
        putInt((int) (value >>> 32));
        putInt((int) value);
    }

    /**
     * Writes the text's UTF-8 byte count as an {@code int}, then the bytes. ASCII text, the usual case,
     * is copied in character by character without an intermediate array.
     */
    void writeText(String text) throws IOException {
        int length = text.length();
        if (Integer.BYTES + length <= buffer.length) {
            room(Integer.BYTES + length);
            int start = used + Integer.BYTES;
            int i = 0;
            while (i < length) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    break;
                }
                buffer[start + i++] = (byte) c;
            }
            if (i == length) {
                putInt(length);
                used += length;
                return;
            }
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        writeInt(bytes.length);
        write(bytes, 0, bytes.length);
    }

    void write(byte[] bytes, int offset, int length) throws IOException {
        if (length > buffer.length - used) {
            flush();
            if (length > buffer.length) {
                out.write(bytes, offset, length);
                flushed += length;
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, used, length);
        used += length;
    }

    private void putInt(int value) {
        buffer[used] = (byte) (value >>> 24);
        buffer[used + 1] = (byte) (value >>> 16);
        buffer[used + 2] = (byte) (value >>> 8);
        buffer[used + 3] = (byte) value;
        used += Integer.BYTES;
    }

    /** Makes room for {@code bytes} more (at most the buffer's size) by writing out what is held. */
    private void room(int bytes) throws IOException {
        if (bytes > buffer.length - used) {
            flush();
        }
    }

    /** Hands what is buffered to the file, so that a reader of the file sees every entry written. */
    void flush() throws IOException {
        if (used > 0) {
            out.write(buffer, 0, used);
            flushed += used;
            used = 0;
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }
}

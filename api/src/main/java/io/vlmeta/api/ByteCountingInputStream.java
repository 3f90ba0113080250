package io.vlmeta.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that counts the bytes read through it, so that a source can answer
 * {@link RecordSource#bytesRead()} for progress. Wrap the file's own stream (before any decompression), so
 * that the count compares with the file's size.
 *
 * <p>One thread reads; any thread may call {@link #count()}: the count is a {@code volatile} field, written
 * only by the reading thread.
 *
 * @since 0.2
 */
public final class ByteCountingInputStream extends FilterInputStream {
    private volatile long count;

    /** @param in the stream to read from, not null */
    public ByteCountingInputStream(InputStream in) {
        super(in);
    }

    /** @return bytes read or skipped so far, 0 or more */
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count += skipped;
        return skipped;
    }

    /** Marks are not supported: a reset would make the count run ahead of what was read. */
    @Override
    public boolean markSupported() {
        return false;
    }
}

package io.vlmeta.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A request body read whole before anything is applied (web frameworks read the multipart body
 * before the handler runs), into one array that the multipart scan and the JSON parser read in place.
 */
final class BodyBuffer {
    private static final int MAX_INITIAL = 64 << 20;

    private byte[] bytes;
    private int length;

    /** @param expected the expected size (e.g. the request's Content-Length), or a negative number when unknown */
    BodyBuffer(long expected) {
        bytes = new byte[(int) Math.max(8192, Math.min(MAX_INITIAL, expected))];
    }

    /**
     * Appends the stream to its end. On a read failure the bytes received so far stay, and the
     * exception is thrown.
     */
    void readFrom(InputStream in) throws IOException {
        int n;
        while (true) {
            if (length == bytes.length) {
                // a body of the expected size ends here: look for one more byte before copying it into a larger array
                int next = in.read();
                if (next < 0) {
                    return;
                }
                if (bytes.length == Integer.MAX_VALUE - 8) {
                    throw new IOException("the request body exceeds 2 GB");
                }
                bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, bytes.length * 2L));
                bytes[length++] = (byte) next;
            }
            n = in.read(bytes, length, bytes.length - length);
            if (n < 0) {
                return;
            }
            length += n;
        }
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }
}

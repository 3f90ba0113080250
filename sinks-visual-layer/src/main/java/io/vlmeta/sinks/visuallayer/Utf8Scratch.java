package io.vlmeta.sinks.visuallayer;

import java.nio.charset.StandardCharsets;

/**
 * A reusable buffer for the UTF-8 bytes of one string at a time. ASCII text, the usual case for
 * paths, keys and values, is copied in without the new array {@link String#getBytes} makes each
 * time; other text is encoded as usual. Not thread-safe: one per thread or per writer.
 */
final class Utf8Scratch {
    private byte[] bytes;

    Utf8Scratch(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    /** @return how many bytes of {@code text} now start {@link #bytes()} */
    int encode(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
                ensure(encoded.length);
                System.arraycopy(encoded, 0, bytes, 0, encoded.length);
                return encoded.length;
            }
            bytes[i] = (byte) c;
        }
        return length;
    }

    /** @return the buffer; valid up to the length the last {@link #encode} returned */
    byte[] bytes() {
        return bytes;
    }

    private void ensure(int length) {
        if (length > bytes.length) {
            bytes = new byte[Math.max(length, bytes.length * 2)];
        }
    }
}

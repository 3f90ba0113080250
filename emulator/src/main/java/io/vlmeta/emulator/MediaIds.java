package io.vlmeta.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** Media ids: deterministic name-based UUIDs (version 5), and a strict parser of their text form. */
final class MediaIds {
    /** The namespace of emulator media ids; any fixed UUID would do, this one never changes. */
    private static final UUID NAMESPACE = UUID.fromString("5b0f8a46-6c5e-4c2b-9a51-2f3c1d7e9b10");

    /** Looking a digest up by name costs more than hashing a short name, and a dataset has millions. */
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-1", e);
        }
    });

    /** The value of each ASCII hex digit, either case; -1 for any other character. */
    private static final byte[] HEX = new byte['f' + 1];

    static {
        java.util.Arrays.fill(HEX, (byte) -1);
        for (char c = '0'; c <= '9'; c++) {
            HEX[c] = (byte) (c - '0');
        }
        for (char c = 'a'; c <= 'f'; c++) {
            HEX[c] = (byte) (c - 'a' + 10);
            HEX[Character.toUpperCase(c)] = (byte) (c - 'a' + 10);
        }
    }

    private MediaIds() {
    }

    /** @return the media id of {@code filename} in {@code datasetId}, the same on every run */
    static UUID derive(String datasetId, String filename) {
        MessageDigest sha1 = SHA1.get();
        sha1.reset();
        sha1.update(longBytes(NAMESPACE.getMostSignificantBits()));
        sha1.update(longBytes(NAMESPACE.getLeastSignificantBits()));
        sha1.update((datasetId + "/" + filename).getBytes(StandardCharsets.UTF_8));
        byte[] hash = sha1.digest();
        hash[6] = (byte) ((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3F) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (hash[i] & 0xFF);
            lsb = (lsb << 8) | (hash[i + 8] & 0xFF);
        }
        return new UUID(msb, lsb);
    }

    private static byte[] longBytes(long value) {
        byte[] bytes = new byte[8];
        for (int i = 7; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return bytes;
    }

    /**
     * Parses the canonical 36-character form ({@code 8-4-4-4-12} hex digits, either case) without
     * allocating. {@link UUID#fromString} also accepts shortened groups, which the server would not.
     *
     * @param into receives the most and least significant bits
     * @return false when the text is not a canonical UUID
     */
    static boolean parse(char[] text, int offset, int length, long[] into) {
        if (length != 36) {
            return false;
        }
        long msb = 0;
        long lsb = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            char c = text[offset + i];
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
                continue;
            }
            int nibble = c < HEX.length ? HEX[c] : -1;
            if (nibble < 0) {
                return false;
            }
            if (digits < 16) {
                msb = (msb << 4) | nibble;
            } else {
                lsb = (lsb << 4) | nibble;
            }
            digits++;
        }
        into[0] = msb;
        into[1] = lsb;
        return true;
    }

    /** @see #parse(char[], int, int, long[]) */
    static boolean parse(String text, long[] into) {
        return parse(text.toCharArray(), 0, text.length(), into);
    }
}

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
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(MediaIds::newSha1);

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
        long[] bits = new long[2];
        digest(SHA1.get(), prefix(datasetId), filename.getBytes(StandardCharsets.UTF_8), bits);
        return new UUID(bits[0], bits[1]);
    }

    /**
     * Derives the media ids of one dataset's files, reusing one digest and the bytes hashed before
     * every file name, for the millions of names of a dataset loaded at start. Not thread-safe.
     */
    static final class Deriver {
        private final MessageDigest sha1 = newSha1();
        private final byte[] prefix;

        Deriver(String datasetId) {
            this.prefix = prefix(datasetId);
        }

        /**
         * The same id as {@link MediaIds#derive(String, String)}.
         *
         * @param filename the file name in UTF-8
         * @param into     receives the most and least significant bits
         */
        void derive(byte[] filename, long[] into) {
            digest(sha1, prefix, filename, into);
        }
    }

    /**
     * The name-based UUID of RFC 4122 section 4.3 (SHA-1, version 5) in the namespace, of the name
     * {@code datasetId + "/" + filename} in UTF-8: the namespace and {@code datasetId/} are the prefix.
     */
    private static void digest(MessageDigest sha1, byte[] prefix, byte[] filename, long[] into) {
        sha1.reset();
        sha1.update(prefix);
        sha1.update(filename);
        byte[] hash = sha1.digest();
        hash[6] = (byte) ((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3F) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (hash[i] & 0xFF);
            lsb = (lsb << 8) | (hash[i + 8] & 0xFF);
        }
        into[0] = msb;
        into[1] = lsb;
    }

    /** @return the namespace's 16 bytes, then {@code datasetId/} in UTF-8 */
    private static byte[] prefix(String datasetId) {
        byte[] name = (datasetId + "/").getBytes(StandardCharsets.UTF_8);
        byte[] prefix = new byte[16 + name.length];
        long msb = NAMESPACE.getMostSignificantBits();
        long lsb = NAMESPACE.getLeastSignificantBits();
        for (int i = 7; i >= 0; i--) {
            prefix[i] = (byte) msb;
            prefix[i + 8] = (byte) lsb;
            msb >>>= 8;
            lsb >>>= 8;
        }
        System.arraycopy(name, 0, prefix, 16, name.length);
        return prefix;
    }

    private static MessageDigest newSha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-1", e);
        }
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

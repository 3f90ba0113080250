package io.vlmeta.fieldtypes;

/** Lengths of text in UTF-8 (RFC 3629), counted without encoding it. */
final class Utf8 {

    /** The most bytes one UTF-16 unit takes in UTF-8 (a surrogate pair takes 4 for its 2 units). */
    private static final int MAX_BYTES_PER_CHAR = 3;

    private Utf8() {
    }

    /** @return true when {@code text} (without unpaired surrogates) takes more than {@code limit} bytes in UTF-8 */
    static boolean exceeds(String text, int limit) {
        // the common short text needs no count
        return (long) text.length() * MAX_BYTES_PER_CHAR > limit && length(text) > limit;
    }

    /** @return the length of {@code text} (without unpaired surrogates) in UTF-8 bytes */
    static int length(String text) {
        int bytes = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}

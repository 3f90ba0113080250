package io.vlmeta.sinks.visuallayer;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * File names as they are alike for a person: in Unicode compatibility form (NFKC, so full-width
 * letters and ligatures are plain letters) and in one letter case. The media index files every item
 * under the hash of its folded stem, so a name lookup finds the exact name and, for a key that
 * matches nothing, the names that differ from it only in case, compatibility form or extension.
 */
final class FoldedNames {

    private FoldedNames() {
    }

    /** @return {@code text} in NFKC and lower case */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /**
     * @return the hash of {@link #fold} of the UTF-8 text in {@code [from, to)}: equal folds hash
     *         alike. ASCII text (the usual case) is hashed from its bytes, lower-cased on the way,
     *         without building a string.
     */
    static int hash(byte[] bytes, int from, int to) {
        int h = MediaPaths.SEED;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b < 0) {
                return hashNonAscii(bytes, from, to);
            }
            h = MediaPaths.mix(h, lower(b));
        }
        return MediaPaths.finish(h);
    }

    /** Kept out of {@link #hash(byte[], int, int)} so that the ASCII loop stays small enough to inline. */
    private static int hashNonAscii(byte[] bytes, int from, int to) {
        return hash(fold(new String(bytes, from, to - from, StandardCharsets.UTF_8)));
    }

    /** Hashes folded text by its chars: an ASCII char as its byte, as above, any other as its two bytes. */
    private static int hash(String folded) {
        int h = MediaPaths.SEED;
        for (int i = 0, n = folded.length(); i < n; i++) {
            char c = folded.charAt(i);
            if (c >= 0x80) {
                h = MediaPaths.mix(h, (byte) (c >>> 8));
            }
            h = MediaPaths.mix(h, (byte) c);
        }
        return MediaPaths.finish(h);
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }
}

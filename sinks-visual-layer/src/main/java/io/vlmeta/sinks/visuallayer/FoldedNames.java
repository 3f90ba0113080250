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

    /** @return {@code text} in NFKC, upper-cased then lower-cased so that {@code ß} and {@code SS} fold alike */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /**
     * @return the {@link MediaPaths#hash} of the UTF-8 bytes of {@link #fold} of the text in
     *         {@code [from, to)}; for ASCII text (the usual case) without building a string
     */
    static int hash(byte[] bytes, int from, int to) {
        int h = MediaPaths.SEED;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b < 0) {
                byte[] folded = fold(new String(bytes, from, to - from, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8);
                return hashAscii(folded, 0, folded.length);
            }
            h = MediaPaths.mix(h, lower(b));
        }
        return MediaPaths.finish(h);
    }

    private static int hashAscii(byte[] bytes, int from, int to) {
        int h = MediaPaths.SEED;
        for (int i = from; i < to; i++) {
            h = MediaPaths.mix(h, lower(bytes[i]));
        }
        return MediaPaths.finish(h);
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }
}

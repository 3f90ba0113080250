package io.vlmeta.api;

import java.text.Normalizer;

/**
 * Text in Unicode Normalization Form C (NFC, Unicode Standard Annex #15), the one form in which
 * vlmeta compares text: media keys with the dataset's paths, enum options with each other. Two
 * spellings of one text, such as {@code é} as one character (U+00E9, what most tools write) and as
 * {@code e} followed by U+0301 (what macOS file listings write), are one text in NFC.
 *
 * @since 0.2
 */
public final class UnicodeNormalization {

    /**
     * Below this code point every character is in NFC and never combines with a neighbour, so text
     * made of such characters (all ASCII and Latin-1 text) is NFC as it is: the common case is one
     * scan, with no table look-up and no copy.
     */
    private static final char FIRST_COMBINING = '\u0300';

    private UnicodeNormalization() {
    }

    /**
     * @param text any text
     * @return {@code text} in NFC: the same instance when it already is
     */
    public static String nfc(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (text.charAt(i) >= FIRST_COMBINING) {
                return Normalizer.isNormalized(text, Normalizer.Form.NFC)
                        ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
            }
        }
        return text;
    }
}

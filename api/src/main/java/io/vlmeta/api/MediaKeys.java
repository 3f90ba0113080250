package io.vlmeta.api;

/**
 * How media keys (the paths users write) are compared: one rule for the engine, which finds rows that
 * name the same file, and for sinks, which map keys to the dataset's media, so that "the same file"
 * means the same thing to both.
 *
 * @since 0.1
 */
public final class MediaKeys {

    private MediaKeys() {
    }

    /**
     * @return the key without surrounding blanks, with Windows separators ({@code \}) turned into
     *         {@code /}, any leading {@code ./} removed, and in Unicode NFC
     *         ({@link UnicodeNormalization#nfc}), so that {@code café} typed on one system and listed
     *         as {@code cafe} + U+0301 by macOS are one key
     */
    public static String normalize(String key) {
        String normalized = key.strip().replace('\\', '/');
        while (normalized.startsWith("./")) {
            normalized = normalized.substring(2);
        }
        return UnicodeNormalization.nfc(normalized);
    }
}

package io.vlmeta.fieldtypes;

/**
 * Whether text is made only of printable ASCII, U+0020 (space) to U+007E ({@code ~}): the common
 * case, which one scan settles for every text rule at once. Such text holds no control character
 * (see {@link RefusedCharacters}), is in NFC as it is (no character of it composes or decomposes,
 * Unicode Standard Annex #15), and has one code point per char. Text with any other character goes
 * through each rule's own check.
 */
final class PrintableAscii {

    private PrintableAscii() {
    }

    /** @return true when every char of {@code text} is in U+0020..U+007E (true for the empty string) */
    static boolean is(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            // one unsigned comparison per char: below U+0020 wraps round to a large value
            if ((char) (text.charAt(i) - ' ') > '~' - ' ') {
                return false;
            }
        }
        return true;
    }

    /** @return true when every char of {@code text} is in U+0021..U+007E: printable ASCII without the space */
    static boolean isWithoutSpace(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if ((char) (text.charAt(i) - '!') > '~' - '!') {
                return false;
            }
        }
        return true;
    }
}

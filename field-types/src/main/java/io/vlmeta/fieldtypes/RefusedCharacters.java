package io.vlmeta.fieldtypes;

import io.vlmeta.api.ParseResult;
import io.vlmeta.api.ProblemCategory;
import java.util.Locale;

/**
 * The characters a text value may not hold.
 *
 * <p>Control characters: every code point of Unicode's general category Cc except tab (U+0009), line
 * feed (U+000A) and carriage return (U+000D), which text cells hold on purpose. That is the C0 controls
 * U+0000 to U+001F, DEL (U+007F) and the C1 controls U+0080 to U+009F. Many stores cannot hold U+0000
 * (PostgreSQL text refuses it), and the others are invisible: two options that print alike would be two
 * options. C1 controls in particular are what Windows-1252 or UTF-8 text read as Latin-1 leaves behind,
 * so refusing them also catches a wrongly decoded file.
 *
 * <p>Unpaired surrogates: a UTF-16 unit U+D800 to U+DFFF that is not one half of a pair (Unicode
 * Standard, section 3.9, D91). It is no character: UTF-8 cannot encode it (RFC 3629), so a server that
 * stores text as UTF-8 refuses it or stores a replacement character in its place. A JSON escape
 * ({@code "\\ud800"}) or an Excel {@code _xD800_} escape carries one into a value.
 */
final class RefusedCharacters {

    private static final String ADVICE = "remove it (many stores cannot hold U+0000 and invisible characters make "
            + "two values look alike).";

    private static final String SURROGATE_ADVICE = "remove it (half of a character such as an emoji; UTF-8 text, "
            + "which the server stores, cannot hold it).";

    private RefusedCharacters() {
    }

    /** @return the char index of the first refused control character or unpaired surrogate in {@code text}, or -1 */
    static int indexOf(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (isRefused(c)) {
                return i;
            }
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == n || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return i;
                }
                i++;
            }
        }
        return -1;
    }

    /** @return true for a control character other than tab, line feed and carriage return */
    static boolean isRefused(char c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r';
        }
        return c >= 0x7F && c <= 0x9F;
    }

    /**
     * @param text a value, trimmed as its field type trims it
     * @return the refusal naming the first refused character and its position (in characters, from
     *         1), or {@code null} when {@code text} holds none
     */
    static ParseResult.Invalid refusal(String text) {
        int index = indexOf(text);
        return index < 0 ? null : invalid("Holds", text, index);
    }

    /**
     * @param item   one item of a list value
     * @param number its place in the list, from 1
     * @return the refusal naming the item, the character and its position in the item, or {@code null}
     */
    static ParseResult.Invalid refusalOfItem(String item, int number) {
        int index = indexOf(item);
        return index < 0 ? null : invalid("Item " + number + " holds", item, index);
    }

    private static ParseResult.Invalid invalid(String holds, String text, int index) {
        char c = text.charAt(index);
        String what = Character.isSurrogate(c) ? "unpaired surrogate" : "control character";
        String message = String.format(Locale.ROOT, "%s %s U+%04X at position %d; %s", holds, what, (int) c,
                text.codePointCount(0, index) + 1, Character.isSurrogate(c) ? SURROGATE_ADVICE : ADVICE);
        return new ParseResult.Invalid(ProblemCategory.VALUE, message);
    }
}

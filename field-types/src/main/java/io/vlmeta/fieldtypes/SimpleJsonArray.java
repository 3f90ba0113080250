package io.vlmeta.fieldtypes;

import io.vlmeta.api.ParseResult;

/**
 * Reads the JSON array of strings a multi-enum cell most often holds, {@code ["tag1", "tag2"]}, without
 * a JSON parser: strings without escapes, separated by commas, with spaces around the tokens. That
 * is a strict part of JSON (RFC 8259), read here to the same items a JSON parser gives; anything
 * else (an escape, another kind of value, other white space, anything malformed) is left to the
 * JSON parser, which also words every refusal.
 */
final class SimpleJsonArray {

    private SimpleJsonArray() {
    }

    /**
     * @param text    a trimmed cell of printable ASCII that starts with {@code [}
     * @param options where the strings go, each trimmed as the JSON parser's items are
     * @return the options' result, or {@code null} when {@code text} is not such a simple array
     */
    static ParseResult parse(String text, OrderedOptions options) {
        int length = text.length();
        int i = spaces(text, 1);
        if (i < length && text.charAt(i) == ']') {
            return spaces(text, i + 1) == length ? options.result() : null;
        }
        while (i < length && text.charAt(i) == '"') {
            int close = i + 1;
            while (close < length && text.charAt(close) != '"') {
                if (text.charAt(close) == '\\') {
                    return null;
                }
                close++;
            }
            if (close == length) {
                return null;
            }
            options.add(text, i + 1, close);
            i = spaces(text, close + 1);
            if (i < length && text.charAt(i) == ']') {
                return spaces(text, i + 1) == length ? options.result() : null;
            }
            if (i == length || text.charAt(i) != ',') {
                return null;
            }
            i = spaces(text, i + 1);
        }
        return null;
    }

    private static int spaces(String text, int i) {
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}

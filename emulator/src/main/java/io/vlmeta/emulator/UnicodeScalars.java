package io.vlmeta.emulator;

/**
 * Whether text is made of Unicode scalar values, the only text UTF-8 can encode (RFC 3629): a server
 * that stores text as UTF-8 cannot hold an unpaired surrogate, which Jackson reads from a JSON escape
 * such as {@code \\ud800} without complaint. Stored anyway, {@link String#getBytes} would put a
 * {@code ?} in its place: a value other than the one sent.
 */
final class UnicodeScalars {
    private UnicodeScalars() {
    }

    /** @return the index of the first unpaired surrogate in {@code text}, or -1 when there is none */
    static int unpairedSurrogateAt(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == n || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return i;
                }
                i++;
            }
        }
        return -1;
    }

    /** @return the server's refusal of {@code text} as {@code what} (e.g. {@code String}), or {@code null} */
    static String refusal(String what, String text) {
        int at = unpairedSurrogateAt(text);
        return at < 0 ? null : String.format(java.util.Locale.ROOT,
                "%s holds an unpaired surrogate U+%04X at index %d, which is not Unicode text", what,
                (int) text.charAt(at), at);
    }
}

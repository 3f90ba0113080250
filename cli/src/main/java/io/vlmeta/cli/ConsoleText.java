package io.vlmeta.cli;

/**
 * Makes text safe to print on a terminal. Values from the user's files and texts from the server reach
 * the console inside messages; a control character among them is an instruction to the terminal (an
 * {@code ESC ] 0 ;} sequence retitles the window, {@code ESC [ 2 J} clears it, a lone CR overwrites the
 * line before it). Each one is printed as a visible Java escape instead, e.g. {@code \u001B}.
 *
 * <p>Escaped: every C0 control (U+0000 to U+001F, tab and line feed included, since no message is
 * multi-line), DEL (U+007F) and every C1 control (U+0080 to U+009F, where U+009B is a one-character
 * CSI on terminals that read 8-bit controls), per ECMA-48 / ISO 6429.
 */
final class ConsoleText {
    private ConsoleText() {
    }

    /** @return {@code text} with every control character written as {@code \}{@code uXXXX}; {@code null} stays null */
    static String escape(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !isControl(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                escaped.append(String.format("\\u%04X", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * Like {@link #escape}, but a line feed stays a line break: for an error message that lists its causes
     * one per line. Every other control character, CR included, is escaped, so no line can overwrite
     * another or drive the terminal.
     */
    static String escapeKeepingLines(String text) {
        if (text == null) {
            return null;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            lines[i] = escape(lines[i]);
        }
        return String.join("\n", lines);
    }

    static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }
}

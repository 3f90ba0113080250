package io.vlmeta.cli;

import java.util.OptionalInt;

/**
 * Finds a quote in an argument file that its line does not close. The parser reads argument files with Java's
 * {@code StreamTokenizer}, which ends a quoted word silently where its line ends: {@code --api-key "abc} gives
 * the key {@code abc}, and a quote never closed would take the rest of its line into one word. This follows the
 * same rules ({@link ArgumentFiles}'s set-up: {@code "} and {@code '} quote anywhere outside a comment, {@code #}
 * starts a comment outside quotes, a backslash in quotes takes the next character as it is) to say where.
 */
final class ArgumentFileQuotes {
    private ArgumentFileQuotes() {
    }

    /**
     * @param text an argument file's whole text
     * @return the line (from 1; {@code \n}, {@code \r\n} and {@code \r} each end one) of the first quote that is
     *     not closed before its line or the file ends; empty when every quote is closed
     */
    static OptionalInt unclosedOnLine(String text) {
        int line = 1;
        char quote = 0; // the quote a quoted word was opened with; 0 outside one
        boolean comment = false;
        for (int at = 0; at < text.length(); at++) {
            char c = text.charAt(at);
            if (c == '\r' || c == '\n') {
                if (quote != 0) {
                    return OptionalInt.of(line);
                }
                comment = false;
                if (c == '\r' && at + 1 < text.length() && text.charAt(at + 1) == '\n') {
                    at++;
                }
                line++;
            } else if (comment) {
                continue;
            } else if (quote != 0) {
                if (c == '\\' && at + 1 < text.length()) {
                    char escaped = text.charAt(++at);
                    if (escaped == '\r' && at + 1 < text.length() && text.charAt(at + 1) == '\n') {
                        return OptionalInt.of(line); // the tokenizer takes the \r into the word and ends it at \n
                    }
                    if (escaped == '\r' || escaped == '\n') {
                        line++; // an escaped line end is taken into the word, which reads on past it
                    }
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#') {
                comment = true;
            }
        }
        return quote != 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }
}

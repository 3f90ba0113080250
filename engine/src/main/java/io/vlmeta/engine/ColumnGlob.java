package io.vlmeta.engine;

import io.vlmeta.api.VlmetaException;

import java.util.regex.Pattern;

/**
 * A glob over column names, case-sensitive: {@code *} any run of characters (none included),
 * {@code ?} one character, {@code [abc]} / {@code [a-z]} / {@code [!abc]} one character of (or not
 * of) a set, {@code \} makes the next character literal. The whole name must match. Unlike a file
 * glob, {@code /} is an ordinary character: column names are not paths.
 *
 * @param text the glob as the user wrote it
 */
public record ColumnGlob(String text, Pattern pattern) {

    /**
     * @throws VlmetaException (usage) for an empty glob, an unclosed {@code [} or a trailing {@code \}
     */
    public static ColumnGlob of(String text) {
        if (text.isBlank()) {
            throw VlmetaException.usage("An empty column pattern was given; write names or globs such as "
                    + "PatientName,Study* separated by commas.");
        }
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '\\' -> {
                    if (i + 1 == text.length()) {
                        throw VlmetaException.usage("Column pattern '" + text + "' ends with '\\': escape a "
                                + "character with \\ (e.g. \\* for a literal star).");
                    }
                    regex.append(Pattern.quote(String.valueOf(text.charAt(++i))));
                }
                case '[' -> i = characterClass(text, i, regex);
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return new ColumnGlob(text, Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    /** @return the index of the closing {@code ]} */
    private static int characterClass(String text, int open, StringBuilder regex) {
        int close = text.indexOf(']', open + 2 < text.length() && text.charAt(open + 1) == '!' ? open + 3 : open + 2);
        if (close < 0) {
            throw VlmetaException.usage("Column pattern '" + text + "' opens '[' without a closing ']'.");
        }
        String body = text.substring(open + 1, close);
        boolean negated = body.startsWith("!");
        if (negated) {
            body = body.substring(1);
        }
        regex.append(negated ? "[^" : "[");
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            // '-' between two characters is a range; everything else is literal inside the class
            if (c == '-' && k > 0 && k < body.length() - 1) {
                regex.append('-');
            } else {
                regex.append(c == '\\' || c == '[' || c == ']' || c == '^' || c == '&' || c == '-' ? "\\" + c
                        : String.valueOf(c));
            }
        }
        regex.append(']');
        return close;
    }

    /** @return whether the whole column name matches */
    public boolean matches(String column) {
        return pattern.matcher(column).matches();
    }

    /** @return true when the glob has no wildcard, so it names one column exactly */
    public boolean isLiteral() {
        return text.chars().noneMatch(c -> c == '*' || c == '?' || c == '[' || c == '\\');
    }

    @Override
    public String toString() {
        return text;
    }
}

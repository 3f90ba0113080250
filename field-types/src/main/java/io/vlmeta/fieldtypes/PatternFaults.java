package io.vlmeta.fieldtypes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a date pattern, in words that show at most one of its characters: Java's own message may
 * quote the whole pattern, which may be a secret typed in the wrong place.
 */
final class PatternFaults {
    /** Java's words for a letter that is no pattern letter, the letter being one character. */
    private static final Pattern UNKNOWN_LETTER = Pattern.compile("Unknown pattern letter: (.)");

    private PatternFaults() {
    }

    /** @return e.g. {@code "'b' is not a pattern letter"}, or a general reason; never Java's text */
    static String why(IllegalArgumentException malformed) {
        Matcher letter = UNKNOWN_LETTER.matcher(String.valueOf(malformed.getMessage()));
        if (letter.matches()) {
            return "'" + letter.group(1) + "' is not a pattern letter";
        }
        return "a quote left open, a bracket not closed, or too many of one letter";
    }
}

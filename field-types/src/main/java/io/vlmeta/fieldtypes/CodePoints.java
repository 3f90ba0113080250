package io.vlmeta.fieldtypes;

/**
 * Lengths as users count them: in code points, so an emoji or a CJK extension character is one
 * character, and a cut never leaves half a surrogate pair behind.
 */
final class CodePoints {

    private CodePoints() {
    }

    /** @return the number of code points in {@code text} */
    static int count(String text) {
        return text.codePointCount(0, text.length());
    }

    /** @return true when {@code text} has more than {@code limit} code points */
    static boolean exceeds(String text, int limit) {
        // A string never has more code points than chars: the common short value needs no scan.
        return text.length() > limit && count(text) > limit;
    }

    /** @return the first {@code limit} code points of {@code text}; {@code text} itself when shorter */
    static String truncate(String text, int limit) {
        if (!exceeds(text, limit)) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, limit));
    }
}

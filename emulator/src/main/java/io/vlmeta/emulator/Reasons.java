package io.vlmeta.emulator;

/** Helpers for rejection reasons, which quote what was sent but never at unbounded length. */
final class Reasons {
    private static final int QUOTE_LIMIT = 80;

    private Reasons() {
    }

    /** @return the text, cut to a readable length with an ellipsis */
    static String shorten(String text) {
        return text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT) + "...";
    }
}

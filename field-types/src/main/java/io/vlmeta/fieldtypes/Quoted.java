package io.vlmeta.fieldtypes;

/**
 * A value as it is quoted inside a message. Very long cells are shortened so that one bad value of
 * a megabyte does not become a megabyte of terminal output; the first {@value #SHOWN} characters are
 * enough to find it.
 */
final class Quoted {

    /** Code points shown before the ellipsis when a value is shortened. */
    static final int SHOWN = 100;

    private Quoted() {
    }

    /** @return {@code value}, or its first {@value #SHOWN} code points followed by {@code ...} */
    static String value(String value) {
        return CodePoints.exceeds(value, SHOWN) ? CodePoints.truncate(value, SHOWN) + "..." : value;
    }
}

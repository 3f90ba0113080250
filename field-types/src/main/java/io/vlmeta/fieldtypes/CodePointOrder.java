package io.vlmeta.fieldtypes;

import java.util.Comparator;

/**
 * Orders strings by Unicode code point, the order Python's {@code sorted} gives, so declared options
 * come out as users of the reference upload script expect. {@link String#compareTo} orders by UTF-16
 * unit instead, which puts characters beyond U+FFFF before U+E000..U+FFFF.
 */
enum CodePointOrder implements Comparator<String> {
    INSTANCE;

    @Override
    public int compare(String left, String right) {
        int length = Math.min(left.length(), right.length());
        for (int i = 0; i < length; i++) {
            char a = left.charAt(i);
            char b = right.charAt(i);
            if (a != b) {
                if (Character.isSurrogate(a) || Character.isSurrogate(b)) {
                    return Integer.compare(left.codePointAt(i), right.codePointAt(i));
                }
                return Character.compare(a, b);
            }
        }
        return Integer.compare(left.length(), right.length());
    }
}

package io.vlmeta.sources.dicom;

import java.util.Locale;
import java.util.regex.Pattern;

/** Tag spelling: the JSON Model's {@code 00080020}, the standard's {@code (0008,0020)}, and fallback field names. */
final class DicomTags {
    private static final Pattern TAG = Pattern.compile("[0-9A-Fa-f]{8}");

    private DicomTags() {
    }

    static boolean isTag(String text) {
        return TAG.matcher(text).matches();
    }

    /** @return the tag in the JSON Model's form, upper case */
    static String normalize(String tag) {
        return tag.toUpperCase(Locale.ROOT);
    }

    /** @return {@code (0008,0020)} */
    static String display(String tag) {
        return "(" + tag.substring(0, 4) + "," + tag.substring(4) + ")";
    }

    /** @return the field name for an attribute the dictionary does not know, e.g. {@code tag_00091001} */
    static String fallbackName(String tag) {
        return "tag_" + tag;
    }

    /** Private attributes live in odd groups (PS3.5 section 7.8). */
    static boolean isPrivate(String tag) {
        return Character.digit(tag.charAt(3), 16) % 2 == 1;
    }
}

package io.vlmeta.sources.dicom;

/**
 * dcmtk 3.6.7's {@code dcm2json} (the version Debian 12 and Ubuntu 24.04 ship) cannot write the pixel
 * data of an image with an encapsulated (compressed) transfer syntax inline: it stops there with an
 * error, having written every attribute before PixelData and the comma after the last of them, and
 * closes the object, so the file ends {@code },} then {@code }}. That one comma, just before the brace
 * that closes the file, is the only defect tolerated; any other is an error.
 */
final class DcmtkTrailingComma {

    private DcmtkTrailingComma() {
    }

    /**
     * Replaces the comma by a space when the file ends with a comma, blanks and the closing brace, so
     * lines and columns of the rest stay where they were.
     *
     * @param content the file's bytes (UTF-8, as dcm2json writes); changed in place
     * @return whether such a comma was found and blanked
     */
    static boolean blankOut(byte[] content) {
        int end = lastNonBlank(content, content.length - 1);
        if (end < 0 || content[end] != '}') {
            return false;
        }
        int comma = lastNonBlank(content, end - 1);
        if (comma < 0 || content[comma] != ',') {
            return false;
        }
        content[comma] = ' ';
        return true;
    }

    private static int lastNonBlank(byte[] content, int from) {
        int at = from;
        while (at >= 0 && isBlank(content[at])) {
            at--;
        }
        return at;
    }

    /** JSON's insignificant whitespace (RFC 8259 section 2). */
    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}

package io.vlmeta.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.fileupload2.core.ParameterParser;

/**
 * The parts of a {@code multipart/form-data} body (RFC 7578, RFC 2046 section 5.1) held whole in
 * memory. Each part's content is located by one scan for the next delimiter and left in place, so
 * a 5 MB upload is never copied or read byte by byte through a stream; header parameters are parsed
 * with Commons FileUpload's {@link ParameterParser}.
 */
final class MultipartBody {

    /** The body is not well-formed multipart. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * One part.
     *
     * @param name        the {@code name} of its Content-Disposition, {@code null} without one
     * @param filename    the {@code filename}, {@code null} without one
     * @param contentType its Content-Type, {@code null} without one
     * @param offset      where its content starts in the body
     * @param length      the content's length
     * @param complete    false when the body was cut off inside this part's content
     */
    record Part(String name, String filename, String contentType, int offset, int length, boolean complete) {
    }

    private MultipartBody() {
    }

    /** @return the boundary of a {@code multipart/form-data} content type, or {@code null} for any other type */
    static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        ParameterParser parser = new ParameterParser();
        parser.setLowerCaseNames(true);
        String boundary = parser.parse(contentType, new char[] {';', ','}).get("boundary");
        return boundary == null || boundary.isEmpty() || boundary.length() > 70 ? null : boundary;
    }

    /**
     * @param body     the body, whole or cut off
     * @param length   its length
     * @param whole    false when the body was cut off: then the parts that began are returned, the last one
     *                 possibly incomplete, instead of refusing the body
     * @throws Malformed when a whole body is not well-formed
     */
    static List<Part> parts(byte[] body, int length, String boundary, boolean whole) throws Malformed {
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int at;
        if (startsWith(body, length, 0, delimiter, 2)) {
            at = delimiter.length - 2;
        } else {
            int found = find(body, length, 0, delimiter);
            if (found < 0) {
                return refuse(whole, parts, "Upload is not well-formed multipart/form-data");
            }
            at = found + delimiter.length;
        }
        while (true) {
            if (length - at < 2) {
                return refuse(whole, parts, "Upload is not well-formed multipart/form-data");
            }
            if (body[at] == '-' && body[at + 1] == '-') {
                return parts;
            }
            while (at < length && (body[at] == ' ' || body[at] == '\t')) {
                at++;
            }
            if (length - at < 2) {
                return refuse(whole, parts, "Upload is not well-formed multipart/form-data");
            }
            if (body[at] != '\r' || body[at + 1] != '\n') {
                throw new Malformed("Upload is not well-formed multipart/form-data");
            }
            at += 2;
            int headersEnd = headersEnd(body, length, at);
            if (headersEnd < 0) {
                return refuse(whole, parts, "Upload is not well-formed multipart/form-data");
            }
            Map<String, String> headers = headers(body, at, headersEnd);
            int contentStart = headersEnd;
            int next = find(body, length, contentStart, delimiter);
            String disposition = headers.get("content-disposition");
            ParameterParser parser = new ParameterParser();
            parser.setLowerCaseNames(true);
            Map<String, String> parameters = disposition == null ? Map.of() : parser.parse(disposition, ';');
            if (next < 0) {
                if (whole) {
                    throw new Malformed("Upload is not well-formed multipart/form-data");
                }
                parts.add(new Part(parameters.get("name"), parameters.get("filename"), headers.get("content-type"),
                        contentStart, length - contentStart, false));
                return parts;
            }
            parts.add(new Part(parameters.get("name"), parameters.get("filename"), headers.get("content-type"),
                    contentStart, next - contentStart, true));
            at = next + delimiter.length;
        }
    }

    private static List<Part> refuse(boolean whole, List<Part> parts, String message) throws Malformed {
        if (whole) {
            throw new Malformed(message);
        }
        return parts;
    }

    /** @return the index just after the empty line ending the headers that start at {@code from}, or -1 */
    private static int headersEnd(byte[] body, int length, int from) {
        if (length - from >= 2 && body[from] == '\r' && body[from + 1] == '\n') {
            return from + 2;
        }
        for (int i = from; i + 3 < length; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n' && body[i + 2] == '\r' && body[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    /** @return the part's headers by lower-case name; header values are read as UTF-8 (RFC 7578 section 5.1) */
    private static Map<String, String> headers(byte[] body, int from, int to) {
        Map<String, String> headers = new java.util.HashMap<>();
        String text = new String(body, from, to - from, StandardCharsets.UTF_8);
        for (String line : text.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static boolean startsWith(byte[] body, int length, int at, byte[] pattern, int patternFrom) {
        if (length - at < pattern.length - patternFrom) {
            return false;
        }
        for (int i = patternFrom; i < pattern.length; i++) {
            if (body[at + i - patternFrom] != pattern[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Boyer-Moore-Horspool: compares the window's last byte first and skips ahead by as much as the
     * pattern allows, so a body of JSON is stepped through about a delimiter's length at a time
     * instead of byte by byte.
     *
     * @return the index of the first {@code pattern} at or after {@code from}, or -1
     */
    private static int find(byte[] body, int length, int from, byte[] pattern) {
        int end = pattern.length - 1;
        int[] skip = new int[256];
        java.util.Arrays.fill(skip, pattern.length);
        for (int j = 0; j < end; j++) {
            skip[pattern[j] & 0xFF] = end - j;
        }
        int last = length - pattern.length;
        for (int i = Math.max(0, from); i <= last; i += skip[body[i + end] & 0xFF]) {
            if (body[i + end] == pattern[end] && startsWith(body, length, i, pattern, 0)) {
                return i;
            }
        }
        return -1;
    }
}

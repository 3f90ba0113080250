package io.vlmeta.sources.dicom;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The DICOM converter writes multi-valued attributes as Python list text: {@code ['ORIGINAL', 'PRIMARY']}.
 * Items are quoted with {@code '} or {@code "} (backslash escapes) or bare numbers.
 */
final class PythonListText {

    private PythonListText() {
    }

    /** @return the items, or empty when the text is not a list literal */
    static Optional<List<String>> parse(String text) {
        String trimmed = text.trim();
        if (trimmed.length() < 2 || trimmed.charAt(0) != '[' || trimmed.charAt(trimmed.length() - 1) != ']') {
            return Optional.empty();
        }
        List<String> items = new ArrayList<>();
        int i = skipSpaces(trimmed, 1);
        int end = trimmed.length() - 1;
        while (i < end) {
            char c = trimmed.charAt(i);
            StringBuilder item = new StringBuilder();
            if (c == '\'' || c == '"') {
                i++;
                while (i < end && trimmed.charAt(i) != c) {
                    if (trimmed.charAt(i) == '\\' && i + 1 < end) {
                        i++;
                    }
                    item.append(trimmed.charAt(i++));
                }
                if (i >= end) {
                    return Optional.empty();
                }
                i++;
            } else {
                while (i < end && trimmed.charAt(i) != ',') {
                    item.append(trimmed.charAt(i++));
                }
                if (item.toString().isBlank()) {
                    return Optional.empty();
                }
            }
            items.add(c == '\'' || c == '"' ? item.toString() : item.toString().trim());
            i = skipSpaces(trimmed, i);
            if (i < end) {
                if (trimmed.charAt(i) != ',') {
                    return Optional.empty();
                }
                i = skipSpaces(trimmed, i + 1);
            }
        }
        return Optional.of(items);
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}

package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.VlmetaException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How a record's key is paired with a media item's path ({@code --match-by}). */
enum MatchMode {
    /** The exact normalised path, falling back to the one path that ends with the key at a {@code /} boundary. */
    PATH,
    /** Only the suffix rule: one path ends with the key (or the key with the path) at a {@code /} boundary. */
    SUFFIX,
    /** The file name without folders. */
    BASENAME,
    /** The file name without folders and without its last extension, so {@code x.dcm} pairs with {@code x.jpg}. */
    STEM;

    static MatchMode parse(String text) {
        for (MatchMode mode : values()) {
            if (mode.optionName().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        // the word is not shown: a value typed in the wrong place may be a secret
        throw VlmetaException.usage("--match-by takes one of " + String.join(", ", names())
                + "; the value given is not one.");
    }

    /** @return every mode as {@code --match-by} names it, in the order of {@link #values()} */
    static List<String> names() {
        return Arrays.stream(values()).map(MatchMode::optionName).toList();
    }

    String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return true when lookups start with the exact path */
    boolean usesExactPath() {
        return this == PATH;
    }
}

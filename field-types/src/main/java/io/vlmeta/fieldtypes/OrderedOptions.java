package io.vlmeta.fieldtypes;

import io.vlmeta.api.ParseResult;
import io.vlmeta.api.UnicodeNormalization;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The options of one multi-enum cell as they are read: each in NFC, empty items dropped, duplicates
 * (after NFC) dropped, the order written kept, each option checked for control characters and
 * against the length limit. An item the parser has accepted before is taken from its
 * {@link KnownOptions} without being checked again. Used by one parse call only.
 */
final class OrderedOptions {

    /** Past this many items a hash set answers "seen before?" instead of a scan of the list. */
    private static final int SCANNED_AT_MOST = 16;

    private final int maxLength;
    private final KnownOptions<String> known;
    private final List<String> options = new ArrayList<>(4);
    private Set<String> seen;
    private ParseResult.Invalid refusal;
    private int items;

    /** @param known the options the parser accepted before, and where this cell's new ones are added */
    OrderedOptions(int maxLength, KnownOptions<String> known) {
        this.maxLength = maxLength;
        this.known = known;
    }

    /** Adds one item, already trimmed. */
    void add(String item) {
        items++;
        if (item.isEmpty() || refusal != null) {
            return;
        }
        String option = known.find(item);
        keep(option != null ? option : checked(item));
    }

    /**
     * Adds the item {@code text[start, end)}, trimmed as {@link String#strip()} trims: white space
     * (by {@link Character#isWhitespace(char)}, as strip decides it for every char of a string,
     * surrogates being no white space) is left out at both ends. A known item makes no new String.
     */
    void add(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        items++;
        if (start == end || refusal != null) {
            return;
        }
        String option = known.find(text, start, end);
        keep(option != null ? option : checked(text.substring(start, end)));
    }

    /** @return the option of an item not known yet, or {@code null} when it is refused */
    private String checked(String item) {
        refusal = RefusedCharacters.refusalOfItem(item, items);
        if (refusal != null) {
            return null;
        }
        String option = UnicodeNormalization.nfc(item);
        refusal = EnumOptions.refusal(option, maxLength);
        if (refusal != null) {
            return null;
        }
        known.add(item, option);
        return option;
    }

    private void keep(String option) {
        if (option == null || (seen == null ? options.contains(option) : seen.contains(option))) {
            return;
        }
        options.add(option);
        if (seen != null) {
            seen.add(option);
        } else if (options.size() > SCANNED_AT_MOST) {
            seen = new HashSet<>(options);
        }
    }

    /** @return the first refusal, the absent result for a list of only empty items, or the list */
    ParseResult result() {
        if (refusal != null) {
            return refusal;
        }
        return options.isEmpty() ? ParseResult.absent() : ParseResult.of(Collections.unmodifiableList(options));
    }
}

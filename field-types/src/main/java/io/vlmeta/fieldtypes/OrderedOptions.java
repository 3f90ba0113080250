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
 * against the length limit. Used by one parse call only.
 */
final class OrderedOptions {

    /** Past this many items a hash set answers "seen before?" instead of a scan of the list. */
    private static final int SCANNED_AT_MOST = 16;

    private final int maxLength;
    private final List<String> options = new ArrayList<>(4);
    private Set<String> seen;
    private ParseResult.Invalid refusal;
    private int items;

    OrderedOptions(int maxLength) {
        this.maxLength = maxLength;
    }

    /** Adds one item, already trimmed. */
    void add(String item) {
        items++;
        if (item.isEmpty() || refusal != null) {
            return;
        }
        refusal = ControlCharacters.refusalOfItem(item, items);
        if (refusal != null) {
            return;
        }
        String option = UnicodeNormalization.nfc(item);
        if (seen == null ? options.contains(option) : seen.contains(option)) {
            return;
        }
        refusal = EnumOptions.refusal(option, maxLength);
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

package io.vlmeta.fieldtypes;

import io.vlmeta.api.ParseResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The options of one multi-enum cell as they are read: empty items dropped, duplicates dropped, the
 * order written kept, each option checked against the length limit. Used by one parse call only.
 */
final class OrderedOptions {

    /** Past this many items a hash set answers "seen before?" instead of a scan of the list. */
    private static final int SCANNED_AT_MOST = 16;

    private final int maxLength;
    private final List<String> options = new ArrayList<>(4);
    private Set<String> seen;
    private ParseResult.Invalid refusal;

    OrderedOptions(int maxLength) {
        this.maxLength = maxLength;
    }

    /** Adds one item, already trimmed. */
    void add(String option) {
        if (option.isEmpty() || refusal != null) {
            return;
        }
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

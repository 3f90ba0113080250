package io.vlmeta.engine;

import io.vlmeta.api.ParseResult;
import io.vlmeta.api.Plural;
import io.vlmeta.api.RawValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tells whether a column of text holds comma-separated lists of tags (a multi-enum) rather than
 * free text that happens to contain commas. Each value is read by the multi-enum parser itself, so
 * an item it would refuse (longer than the option limit, holding a control character) rules the
 * column out. The column is a multi-enum when:
 * <ul>
 *   <li>at least one value has two or more items, and not every such list is all numbers: numbers
 *       joined by commas are a number written with a decimal or thousands comma ({@code 12,5},
 *       {@code 1,234}) or a vector (a DICOM pixel spacing {@code 0.5,0.5}), whose order and repeats
 *       a multi-enum would lose;</li>
 *   <li>no cell repeats an item ({@code 0,1,0}): a multi-enum would drop the repeat, so such a
 *       column is a sequence, not a set of tags;</li>
 *   <li>its distinct items fit the enum limit and repeat across rows: fewer than half as many
 *       distinct items as items in all rows (the enum rule, applied to items);</li>
 *   <li>the items of the lists are themselves reused: at least half of the distinct items found in
 *       lists of two or more also appear in another row. Sentences split at their commas give parts
 *       that occur once, which keeps a column of short remarks a string or an enum.</li>
 * </ul>
 * Memory is bounded by the enum limit: past it only the verdict "no" is kept.
 */
final class CommaListProfile {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");

    private final int distinctLimit;
    private final Map<String, Item> items = new HashMap<>();
    private boolean possible;
    private long occurrences;
    private long lists;
    private long numberLists;

    /** @param multiEnumInstalled false when no multi-enum type is installed: no column is then one */
    CommaListProfile(boolean multiEnumInstalled, int distinctLimit) {
        this.distinctLimit = distinctLimit;
        this.possible = multiEnumInstalled;
    }

    /** @return false once the column is ruled out; the values after that need not be parsed */
    boolean possible() {
        return possible;
    }

    /**
     * Adds one value that is not blank.
     *
     * @param parsed the multi-enum parser's result for {@code raw}; read only while {@link #possible()}
     */
    void add(RawValue raw, ParseResult parsed) {
        if (!possible) {
            return;
        }
        if (!(parsed instanceof ParseResult.Value value)) {
            ruleOut();
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> options = (List<String>) value.json();
        if (itemsWritten(raw) > options.size()) {
            ruleOut();
            return;
        }
        boolean list = options.size() > 1;
        if (list) {
            lists++;
            if (options.stream().allMatch(option -> NUMBER.matcher(option).matches())) {
                numberLists++;
            }
        }
        occurrences += options.size();
        for (String option : options) {
            Item item = items.computeIfAbsent(option, o -> new Item());
            item.rows++;
            item.inList |= list;
        }
        if (items.size() > distinctLimit) {
            ruleOut();
        }
    }

    /** @return how many non-empty items a comma-separated text holds as written, repeats included; else 0 */
    private static int itemsWritten(RawValue raw) {
        if (!(raw instanceof RawValue.Text text) || text.value().strip().startsWith("[")) {
            return 0;
        }
        int items = 0;
        for (String item : text.value().split(",", -1)) {
            if (!item.isBlank()) {
                items++;
            }
        }
        return items;
    }

    private void ruleOut() {
        possible = false;
        items.clear();
    }

    /** @return why the column is a multi-enum, or {@code null} when it is not */
    String reason() {
        if (!possible || lists == 0 || numberLists == lists || items.size() * 2L >= occurrences) {
            return null;
        }
        long inLists = 0;
        long reused = 0;
        for (Item item : items.values()) {
            if (item.inList) {
                inLists++;
                if (item.rows > 1) {
                    reused++;
                }
            }
        }
        if (reused * 2 < inLists) {
            return null;
        }
        return Plural.count(lists, "value") + " "
                + Plural.noun(lists, "is a comma-separated list", "are comma-separated lists") + "; "
                + Plural.count(items.size(), "distinct item") + " " + Plural.noun(items.size(), "repeats", "repeat")
                + " across " + Plural.count(occurrences, "item");
    }

    /** How often one distinct item occurs (once per row at most: the parser drops repeats in a cell). */
    private static final class Item {
        long rows;
        boolean inList;
    }
}

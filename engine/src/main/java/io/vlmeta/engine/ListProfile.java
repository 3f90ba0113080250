package io.vlmeta.engine;

import io.vlmeta.api.ParseResult;
import io.vlmeta.api.Plural;
import io.vlmeta.api.RawValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tells whether a column holds lists of tags (a multi-enum), whichever of the forms the multi-enum
 * type accepts they are written in: a list cell (a JSON Lines array, a Parquet LIST), a JSON array
 * written as text ({@code ["tag1", "tag2"]}, as a CSV or a spreadsheet holds one), comma-separated
 * text ({@code tag1, tag2}), or one tag alone. Each value is read by the multi-enum parser itself, so
 * a value it would refuse (an item longer than the option limit, a JSON array of numbers, a control
 * character) rules the column out, and so do more distinct items than the enum limit, and text whose
 * items hold a line break or a semicolon: tags written one per line or separated by semicolons, which
 * the multi-enum type would send as one option. Then:
 * <ul>
 *   <li>a column whose lists of two or more items are all numbers is none, whatever their form: they are
 *       vectors ({@code [0.5, 0.5]}), whose repeats a multi-enum would drop;</li>
 *   <li>a column whose every value is written as a list (a list cell or a JSON array) is one;</li>
 *   <li>a column with some values written as lists is one when its other values read as lists too:
 *       no cell repeats an item and its comma-separated lists are not all numbers (see below). A JSON
 *       array says the column holds lists, so a spreadsheet that mixes the forms ({@code tag1, tag2}
 *       in one cell, {@code ["tag3"]} in the next, {@code tag1} in a third) is typed as the same tags in
 *       JSON Lines are;</li>
 *   <li>a column of text alone is one only on evidence that its commas separate tags, not words:
 *     <ul>
 *       <li>at least one value has two or more items, and not every such list is all numbers: numbers
 *           joined by commas are a number written with a decimal or thousands comma ({@code 12,5},
 *           {@code 1,234}) or a vector (a DICOM pixel spacing {@code 0.5,0.5}), whose order and
 *           repeats a multi-enum would lose;</li>
 *       <li>no cell repeats an item ({@code 0,1,0}): a multi-enum would drop the repeat, so such a
 *           column is a sequence, not a set of tags;</li>
 *       <li>its distinct items repeat across rows: fewer than half as many distinct items as items in
 *           all rows (the enum rule, applied to items);</li>
 *       <li>the items of the lists are themselves reused: at least half of the distinct items found
 *           in lists of two or more also appear in another row. Sentences split at their commas give
 *           parts that occur once, which keeps a column of short remarks a string or an enum.</li>
 *     </ul></li>
 * </ul>
 * Memory is bounded by the enum limit: past it only the verdict "no" is kept.
 */
final class ListProfile {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");

    private final int distinctLimit;
    private final Map<String, Item> items = new HashMap<>();
    private boolean possible;
    private long values;
    private long listCells;
    private long jsonArrays;
    private long commaLists;
    private long commaNumberLists;
    private long singles;
    private long occurrences;
    private long lists;
    private long numberLists;

    /** @param multiEnumInstalled false when no multi-enum type is installed: no column is then one */
    ListProfile(boolean multiEnumInstalled, int distinctLimit) {
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
        // counted even once the column is ruled out: a list cell leaves no other type to fall back on
        boolean listCell = raw instanceof RawValue.ListValue;
        listCells += listCell ? 1 : 0;
        if (!possible) {
            return;
        }
        values++;
        boolean writtenAsList = listCell || isJsonArray(raw);
        if (parsed instanceof ParseResult.Absent && writtenAsList) {
            return; // an empty list ([] in a cell, an empty LIST) is no value, as in a multi-enum
        }
        if (!(parsed instanceof ParseResult.Value value)) {
            ruleOut();
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> options = (List<String>) value.json();
        if (itemsWritten(raw) > options.size() || (!writtenAsList && splitsElsewhere(options))) {
            ruleOut();
            return;
        }
        boolean list = options.size() > 1;
        boolean numbers = list && options.stream().allMatch(option -> NUMBER.matcher(option).matches());
        if (list) {
            lists++;
            numberLists += numbers ? 1 : 0;
        }
        if (!writtenAsList) {
            if (list) {
                commaLists++;
                commaNumberLists += numbers ? 1 : 0;
            } else {
                singles++;
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

    /** @return whether the value is a JSON array written as text, after counting it */
    private boolean isJsonArray(RawValue raw) {
        // the multi-enum parser reads any text that starts with [ as a JSON array
        if (raw instanceof RawValue.Text text && text.value().strip().startsWith("[")) {
            jsonArrays++;
            return true;
        }
        return false;
    }

    /**
     * @return whether an item of a text holds a line break or a semicolon: a list written one tag per line
     *     or with semicolons (as spreadsheets often hold them), which the multi-enum type does not split and
     *     would send as one option, or free text
     */
    private static boolean splitsElsewhere(List<String> options) {
        for (String option : options) {
            if (option.indexOf('\n') >= 0 || option.indexOf('\r') >= 0 || option.indexOf(';') >= 0) {
                return true;
            }
        }
        return false;
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
        if (!possible || values == 0 || (lists > 0 && numberLists == lists)) {
            return null;
        }
        long writtenAsLists = listCells + jsonArrays;
        if (writtenAsLists == values) {
            return ColumnProfile.everyOne(values) + " a list";
        }
        if (writtenAsLists > 0) {
            return commaLists > 0 && commaNumberLists == commaLists ? null : mixedForms();
        }
        return commaSeparated();
    }

    /**
     * @return why no field type takes the column, when it holds list cells (which only a multi-enum takes)
     *     and is no multi-enum; {@code null} otherwise
     */
    String whyNoType() {
        if (listCells == 0 || reason() != null) {
            return null;
        }
        if (!possible) {
            return "holds lists, which only a multi-enum takes, and the multi-enum type refuses some of its values"
                    + " or their number of distinct items";
        }
        if (numberLists == lists) {
            return "holds lists of numbers (vectors), which no field type takes: a multi-enum would drop their"
                    + " repeated numbers";
        }
        return "holds lists beside numbers joined by commas, which no field type takes together";
    }

    /** @return "every one of 4 values is a list: 1 JSON array, 1 comma-separated list, 2 single items" */
    private String mixedForms() {
        List<String> forms = new ArrayList<>();
        if (listCells > 0) {
            forms.add(Plural.count(listCells, "list cell"));
        }
        if (jsonArrays > 0) {
            forms.add(Plural.count(jsonArrays, "JSON array"));
        }
        if (commaLists > 0) {
            forms.add(Plural.count(commaLists, "comma-separated list"));
        }
        if (singles > 0) {
            forms.add(Plural.count(singles, "single item"));
        }
        return ColumnProfile.everyOne(values) + " a list: " + String.join(", ", forms);
    }

    private String commaSeparated() {
        if (lists == 0 || numberLists == lists || items.size() * 2L >= occurrences) {
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

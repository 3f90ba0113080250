package io.vlmeta.engine;

import io.vlmeta.api.ParseResult;
import io.vlmeta.api.Plural;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.ValueParser;

import java.util.HashSet;
import java.util.Set;

/**
 * What the inference pass learns about one column from every value (not a sample): which types
 * accept all of them, and how many distinct values there are (bounded by the enum limit). A type is
 * inferred only if its own parser accepts every value, so an inferred column never fails
 * validation for a reason the plan chose (an enum option over the length limit, a list item that
 * is a number), where {@code string} would have taken it.
 */
final class ColumnProfile {
    private final ValueParser floatParser;
    private final ValueParser datetimeParser;
    private final ValueParser linkParser;
    private final ValueParser enumParser;
    private final ValueParser multiEnumParser;
    private final int distinctLimit;
    private final ListProfile lists;
    private final Set<String> distinct = new HashSet<>();
    private long nonEmpty;
    private boolean allFloat;
    private boolean allDatetime;
    private boolean allLink;
    private boolean allEnum;
    private boolean tooManyDistinct;

    /** Each parser is {@code null} when its type is not installed; that type is then never inferred. */
    ColumnProfile(ValueParser floatParser, ValueParser datetimeParser, ValueParser linkParser,
                  ValueParser enumParser, ValueParser multiEnumParser, int distinctLimit) {
        this.lists = new ListProfile(multiEnumParser != null, distinctLimit);
        this.floatParser = floatParser;
        this.datetimeParser = datetimeParser;
        this.linkParser = linkParser;
        this.enumParser = enumParser;
        this.multiEnumParser = multiEnumParser;
        this.distinctLimit = distinctLimit;
        this.allFloat = floatParser != null;
        this.allDatetime = datetimeParser != null;
        this.allLink = linkParser != null;
        this.allEnum = enumParser != null;
    }

    void add(RawValue raw) {
        if (raw.isBlank()) {
            return;
        }
        nonEmpty++;
        allFloat = allFloat && accepts(floatParser, raw);
        allDatetime = allDatetime && accepts(datetimeParser, raw);
        allLink = allLink && accepts(linkParser, raw);
        lists.add(raw, lists.possible() ? multiEnumParser.parse(raw) : null);
        ParseResult asEnum = enumParser == null ? null : enumParser.parse(raw);
        allEnum = allEnum && !(asEnum instanceof ParseResult.Invalid);
        if (!tooManyDistinct) {
            // the option as the enum type declares it (NFC), so spellings that are one option count once
            distinct.add(asEnum instanceof ParseResult.Value option ? String.valueOf(option.json())
                    : raw.display().strip());
            if (distinct.size() > distinctLimit) {
                tooManyDistinct = true;
                distinct.clear(); // only the verdict matters from here on
            }
        }
    }

    private static boolean accepts(ValueParser parser, RawValue raw) {
        return parser.parse(raw) instanceof ParseResult.Value;
    }

    /** The verdict, in the order field-types.md gives: float, datetime, link, multi-enum, enum, string. */
    Inferred infer() {
        if (nonEmpty == 0) {
            return null;
        }
        if (allFloat) {
            return new Inferred("float", everyOne(nonEmpty) + " a number");
        }
        if (allDatetime) {
            return new Inferred("datetime", everyOne(nonEmpty) + " a date or date-time");
        }
        if (allLink) {
            return new Inferred("link", everyOne(nonEmpty) + " an http(s) link");
        }
        String listReason = lists.reason();
        if (listReason != null) {
            return new Inferred("multi-enum", listReason);
        }
        String noType = lists.whyNoType();
        if (noType != null) {
            return new Inferred(null, noType); // string and enum refuse a list: they would fail on every one
        }
        if (allEnum && !tooManyDistinct && distinct.size() * 2L < nonEmpty) {
            return new Inferred("enum", Plural.count(distinct.size(), "distinct value") + " "
                    + Plural.noun(distinct.size(), "repeats", "repeat") + " across " + Plural.count(nonEmpty, "value"));
        }
        String spread = tooManyDistinct ? "more than " + distinctLimit : String.valueOf(distinct.size());
        return new Inferred("string", spread + " distinct "
                + Plural.noun(tooManyDistinct ? distinctLimit + 1L : distinct.size(), "value", "values") + " in "
                + nonEmpty + ": free text");
    }

    /** @return "every one of 12 values is", and for a column of one value "the one value is" */
    static String everyOne(long nonEmpty) {
        return nonEmpty == 1 ? "the one value is" : "every one of " + nonEmpty + " values is";
    }

    /**
     * @param type   the field type, or {@code null} when none takes the column's values
     * @param reason why that type, or why none
     */
    record Inferred(String type, String reason) {
    }
}

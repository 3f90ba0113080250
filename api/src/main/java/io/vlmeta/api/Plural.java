package io.vlmeta.api;

import java.util.Locale;

/**
 * A count and its noun in agreement, so no message says "1 batches": one takes the singular, every other
 * count (0 included: "0 rows") the plural. Sources, sinks and the command line use it so every count reads
 * the same.
 *
 * @since 0.3
 */
public final class Plural {
    private Plural() {
    }

    /**
     * @param singular the noun for one ({@code "entry"}); not null
     * @param plural   the noun for any other count ({@code "entries"}); not null
     * @return the noun that agrees with {@code count}, without the count
     */
    public static String noun(long count, String singular, String plural) {
        return count == 1 ? singular : plural;
    }

    /**
     * @param noun a noun whose plural adds {@code s} ({@code "row"}); not null
     * @return the count in plain digits and the noun that agrees with it: {@code 1 row}, {@code 1500 rows}
     */
    public static String count(long count, String noun) {
        return count(count, noun, noun + "s");
    }

    /** @return {@link #count(long, String)} for a noun whose plural is irregular: {@code 2 entries} */
    public static String count(long count, String singular, String plural) {
        return count + " " + noun(count, singular, plural);
    }

    /** @return the count with thousands separators and the noun that agrees with it: {@code 1,500 entries} */
    public static String grouped(long count, String singular, String plural) {
        return String.format(Locale.ROOT, "%,d", count) + " " + noun(count, singular, plural);
    }
}

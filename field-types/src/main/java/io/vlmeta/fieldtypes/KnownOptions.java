package io.vlmeta.fieldtypes;

/**
 * The options one enum or multi-enum parser has accepted, found again by the characters they were
 * written with. A column holds few options many times over, so a repeated option costs a look-up:
 * no new String, no new result and no check run again (parsing is a pure function of the text, and
 * the parser's settings do not change). Every cell that writes an option gets the same String
 * instance, whose hash is computed once, so the column's distinct-value set matches it by identity.
 *
 * <p>Holds at most {@value #KEPT_AT_MOST} options (a column with more is past the default enum limit
 * of 600, or was typed as enum by mistake); beyond that, options are checked as if new. Safe
 * for any number of threads: look-ups read an immutable table, and the rare addition replaces it
 * with a copy.
 *
 * @param <R> what an option was accepted as: the parse result of an enum cell, the option of a multi-enum item
 */
final class KnownOptions<R> {

    /** Options kept at most; the table has twice as many slots, so probes stay short. */
    static final int KEPT_AT_MOST = 1024;

    private volatile Table<R> table = new Table<>(new String[4], new Object[4], 0);

    /**
     * @param text  text holding an option as written (before NFC)
     * @param start where the option starts in {@code text}
     * @param end   where it ends (exclusive)
     * @return what the option written as {@code text[start, end)} was accepted as, or {@code null}
     *     when it is not known
     */
    R find(String text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text.charAt(i); // String.hashCode's rule, so a whole String can use its own
        }
        return table.find(text, start, end, hash);
    }

    /** @return what the option written exactly as {@code written} was accepted as, or {@code null} */
    R find(String written) {
        return table.find(written, 0, written.length(), written.hashCode());
    }

    /**
     * Remembers that {@code written} was accepted as {@code result}.
     *
     * @param written the option as written (trimmed), the key of later look-ups
     * @param result  what it was accepted as
     */
    synchronized void add(String written, R result) {
        Table<R> current = table;
        if (current.size >= KEPT_AT_MOST || find(written) != null) {
            return;
        }
        int slots = current.keys.length;
        while ((current.size + 1) * 2 > slots) {
            slots *= 2;
        }
        Table<R> next = new Table<>(new String[slots], new Object[slots], current.size + 1);
        for (int i = 0; i < current.keys.length; i++) {
            if (current.keys[i] != null) {
                next.put(current.keys[i], current.results[i]);
            }
        }
        next.put(written, result);
        table = next;
    }

    /** Open addressing with linear probing; never changed once published. */
    private record Table<R>(String[] keys, Object[] results, int size) {

        /** @param hash the String hash of {@code text[start, end)} */
        R find(String text, int start, int end, int hash) {
            // a whole String is compared with the intrinsic String.equals
            boolean whole = start == 0 && end == text.length();
            int length = end - start;
            int mask = keys.length - 1;
            for (int slot = spread(hash) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
                String key = keys[slot];
                if (key.hashCode() == hash && (whole ? key.equals(text)
                        : key.length() == length && text.regionMatches(start, key, 0, length))) {
                    @SuppressWarnings("unchecked")
                    R result = (R) results[slot];
                    return result;
                }
            }
            return null;
        }

        void put(String key, Object result) {
            int mask = keys.length - 1;
            int slot = spread(key.hashCode()) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            results[slot] = result;
        }

        private static int spread(int hash) {
            return hash ^ (hash >>> 16);
        }
    }
}

package io.vlmeta.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * "Did you mean ...?" for a name the user typed that is not one of the names on offer: a column
 * given to {@code --float-fields} or {@code --path-column}, a key in a plan file. Sources use it so
 * every such message reads the same.
 *
 * <p>Closeness is the optimal string alignment distance (Damerau–Levenshtein restricted to
 * non-overlapping edits: insert, delete, substitute, swap two neighbours), counted without regard
 * to case: swapped letters ({@code scroe} for {@code score}) are the commonest typing mistake and
 * cost one edit here, two in plain Levenshtein distance.
 *
 * @since 0.1
 */
public final class NameSuggestions {
    /** At most this many names are suggested. */
    public static final int MAX_SUGGESTIONS = 3;

    private NameSuggestions() {
    }

    /**
     * @return the optimal string alignment distance between {@code a} and {@code b}, case-sensitive:
     *     0 for equal strings, at most {@code max(a.length(), b.length())}
     */
    public static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[n][m];
    }

    /**
     * The names close enough to {@code typed} to be what was meant: those within a third of the
     * typed name's length (at least 1, at most 3 edits, case ignored), nearest first, then in the
     * order offered; at most {@link #MAX_SUGGESTIONS}.
     *
     * @param typed   the name as given; never {@code null}
     * @param offered the names that exist, in the order to prefer on ties
     * @return the suggestions, possibly empty; never {@code typed} itself
     */
    public static List<String> closest(String typed, Collection<String> offered) {
        String lower = typed.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, typed.length() / 3));
        record Candidate(String name, int distance, int order) {
        }
        List<Candidate> near = new ArrayList<>();
        int order = 0;
        for (String name : offered) {
            if (!name.equals(typed)) {
                int distance = distance(lower, name.toLowerCase(Locale.ROOT));
                if (distance <= limit) {
                    near.add(new Candidate(name, distance, order));
                }
            }
            order++;
        }
        return near.stream().sorted(Comparator.comparingInt(Candidate::distance).thenComparingInt(Candidate::order))
                .map(Candidate::name).distinct().limit(MAX_SUGGESTIONS).toList();
    }

    /**
     * @return {@code "did you mean 'score'?"} or {@code "did you mean 'a' or 'b'?"}; empty when no
     *     offered name is close (see {@link #closest})
     */
    public static String didYouMean(String typed, Collection<String> offered) {
        List<String> names = closest(typed, offered);
        if (names.isEmpty()) {
            return "";
        }
        List<String> quoted = names.stream().map(name -> "'" + name + "'").toList();
        String joined = quoted.size() == 1 ? quoted.get(0)
                : quoted.subList(0, quoted.size() - 1).stream().collect(Collectors.joining(", "))
                        + " or " + quoted.get(quoted.size() - 1);
        return "did you mean " + joined + "?";
    }

    /**
     * @return {@code " (did you mean 'score'?)"} with a leading space, ready to follow a name in a
     *     sentence; empty when nothing is close
     */
    public static String hint(String typed, Collection<String> offered) {
        String text = didYouMean(typed, offered);
        return text.isEmpty() ? "" : " (" + text + ")";
    }
}

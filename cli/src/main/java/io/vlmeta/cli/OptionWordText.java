package io.vlmeta.cli;

import java.util.Collection;
import java.util.Locale;

/**
 * How a word of the command line that the parser does not know is named back in a usage error: an option
 * it does not know, one found where another option's value was expected, or a mistyped command. The word
 * may carry a value typed onto it, and that value may be a secret ({@code --apisecretS3CRET},
 * {@code -xS3CRET}, {@code --api-secret=S3CRET}), or be a secret given without its option, so no more is
 * shown than what matches a known name: enough to recognise the typo, never the value.
 */
final class OptionWordText {
    /**
     * The most edits (a letter added, left out, changed, or two swapped) between a typed word and a known
     * name for the word to be shown whole: two catch the usual slips ({@code --flaot-fields},
     * {@code --api-secreet}), and a secret typed onto a name adds far more letters than that.
     */
    static final int TYPOS_SHOWN_WHOLE = 2;

    /**
     * The most letters shown of a long option's word that is like no known name and not shaped like an option
     * name ({@link #NAME_SHAPE}): enough to find the word on the command line, while a secret typed there as an
     * option (or straight after {@code --}) loses no more than its first three letters, where showing the whole
     * word would give all of it away.
     */
    static final int LETTERS_OF_AN_UNLIKE_NAME = 3;

    /**
     * How an option's name is written: {@code --} and lower-case words joined by single dashes
     * ({@code --no-such-flag}, {@code --json}). A word up to its {@code =} shaped so is a name the user typed, shown
     * whole; a secret (mixed case, digits, {@code _}, {@code +}, {@code /}) is not shaped so, and the value after
     * {@code =} is never shown.
     */
    private static final java.util.regex.Pattern NAME_SHAPE = java.util.regex.Pattern.compile("--[a-z]+(-[a-z]+)*");

    /**
     * @param text       the word as shown: the whole name, or the start of it followed by "..."
     * @param valueTyped whether characters after a known name were left out, so the word likely holds a value
     *                   typed onto the name
     * @param suggestion the known name the user likely meant; {@code null} when none is near
     * @param upperCase  whether the word differs from the suggested name only in upper-case letters or
     *                   {@code _} for {@code -}, with upper-case letters among them
     */
    record Shown(String text, boolean valueTyped, String suggestion, boolean upperCase) {
    }

    private OptionWordText() {
    }

    /**
     * @param typed      the word as given, starting with {@code -}
     * @param knownNames the option names of the command that read it
     * @return the shown name, up to the first {@code =} at most: the whole word when it is within
     *     {@link #TYPOS_SHOWN_WHOLE} edits of a known long name (case and {@code _} for {@code -} not counted);
     *     when it starts like a known long name (case, {@code -} and {@code _} not counted) and goes on past it,
     *     only the part matching that name and "..." ({@code --apisecretS3CRET} as {@code --apisecret...});
     *     else the whole name when it is shaped like one ({@link #NAME_SHAPE}: {@code --no-such-flag},
     *     {@code --jsn=S3CRET} as {@code --jsn}), else for {@code --} at most {@link #LETTERS_OF_AN_UNLIKE_NAME}
     *     lower-case letters after it; for a single
     *     {@code -} that dash and the letter after it when they are the whole word or a known short name, else the
     *     dash alone
     */
    static Shown of(String typed, Collection<String> knownNames) {
        String name = typed.indexOf('=') >= 0 ? typed.substring(0, typed.indexOf('=')) : typed;
        if (!name.startsWith("--")) {
            // a dash and one letter is shown when it is the whole word or a known short name: else that letter may
            // be a secret's first ("-S3CRET" after --api-secret and a space)
            String shown = name.length() == 2 && isLetter(name.charAt(1))
                    || name.length() > 2 && knownNames.contains(name.substring(0, 2)) ? name.substring(0, 2) : "-";
            boolean cut = shown.length() < name.length();
            return new Shown(cut ? shown + "..." : shown, cut, null, false);
        }
        String closest = null;
        int distance = Integer.MAX_VALUE;
        for (String option : knownNames) {
            int edits = option.startsWith("--") ? edits(fold(name), option) : Integer.MAX_VALUE;
            if (edits < distance) {
                closest = option;
                distance = edits;
            }
        }
        String leading = null;
        int end = -1;
        for (String option : knownNames) {
            int matched = option.startsWith("--") ? leadingLetters(name, option) : -1;
            if (matched > end) {
                leading = option;
                end = matched;
            }
        }
        // one slip from a longer name (--api-secret-fil) is shown whole; letters past a name never are
        if (distance <= 1 && (leading == null || closest.length() > leading.length())) {
            return whole(name, closest);
        }
        if (leading != null && end < name.length()) {
            return new Shown(name.substring(0, end) + "...", true, leading, false);
        }
        if (distance <= TYPOS_SHOWN_WHOLE) {
            return whole(name, closest);
        }
        if (NAME_SHAPE.matcher(name).matches()) {
            // a name like none of this command's (another program's flag, a flag of a later version): the user
            // typed it as a name, and a name holds no secret
            return new Shown(name, false, null, false);
        }
        int letters = 2;
        while (letters < name.length() && letters < 2 + LETTERS_OF_AN_UNLIKE_NAME
                && name.charAt(letters) >= 'a' && name.charAt(letters) <= 'z') {
            letters++;
        }
        return new Shown(letters < name.length() ? name.substring(0, letters) + "..." : name, false, null, false);
    }

    /**
     * @param typed a word that is not a command
     * @param known the command names
     * @return the command within {@link #TYPOS_SHOWN_WHOLE} edits of the word (case not counted), so the word
     *     may be shown whole beside it; {@code null} when none is that near, and the word is not to be shown
     */
    static String nearest(String typed, Collection<String> known) {
        String closest = null;
        int distance = TYPOS_SHOWN_WHOLE + 1;
        for (String name : known) {
            int edits = edits(typed.toLowerCase(Locale.ROOT), name);
            if (edits < distance) {
                closest = name;
                distance = edits;
            }
        }
        return closest;
    }

    private static Shown whole(String name, String closest) {
        boolean upperCase = !name.equals(name.toLowerCase(Locale.ROOT)) && fold(name).equals(closest);
        return new Shown(name, false, closest, upperCase);
    }

    /** Option names are lower-case words joined by {@code -}; {@code _} is a common slip for {@code -}. */
    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @return how far into {@code typed} the letters of {@code option} run (case, {@code -} and {@code _} not
     *     counted), -1 when the word does not start with all of them
     */
    private static int leadingLetters(String typed, String option) {
        int at = 2;
        for (int i = 2; i < option.length(); i++) {
            char wanted = option.charAt(i);
            if (wanted == '-') {
                continue;
            }
            while (at < typed.length() && (typed.charAt(at) == '-' || typed.charAt(at) == '_')) {
                at++;
            }
            if (at == typed.length() || Character.toLowerCase(typed.charAt(at)) != wanted) {
                return -1;
            }
            at++;
        }
        return at;
    }

    /** @return the edits (insert, delete, change, swap of neighbours) from one word to the other */
    private static int edits(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + change);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}

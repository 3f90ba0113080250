package io.vlmeta.cli;

import java.util.Collection;

/**
 * How a word of the command line that starts with {@code -} is named back in a usage error: an option the
 * parser does not know, or one found where another option's value was expected. The word may carry a value
 * typed onto it, and that value may be a secret ({@code --apisecretS3CRET}, {@code -xS3CRET},
 * {@code --api-secret=S3CRET}), so only the part shaped like an option's name is shown: enough to recognise
 * the option or the typo, never the value.
 */
final class OptionWordText {
    /**
     * The most characters of a long option's name shown: the longest name of any command,
     * {@code --enum-option-max-length}, is 24, and a typo of a name seldom adds more than two; a longer word
     * is more likely a name with a value typed onto it.
     */
    static final int LONGEST_NAME_SHOWN = 26;

    /**
     * @param text the option as shown: its name, or the start of it followed by "..."
     * @param cut  whether characters other than an {@code =} and what follows it were left out, so the word
     *             likely holds a value typed onto the name
     */
    record Shown(String text, boolean cut) {
    }

    private OptionWordText() {
    }

    /**
     * @param typed      the word as given, starting with {@code -}
     * @param knownNames the option names of the command that read it
     * @return up to the first {@code =}: a known long option's name that the word starts with and goes on past
     *     ({@code --api-secretS3CRET} as {@code --api-secret...}); else for {@code --} the longest run of lower-case
     *     letters, {@code -} and {@code _} after it (at most {@link #LONGEST_NAME_SHOWN} characters in all); for a
     *     single {@code -} that dash and one letter after it; "..." marks anything else left out
     */
    static Shown of(String typed, Collection<String> knownNames) {
        String name = typed.indexOf('=') >= 0 ? typed.substring(0, typed.indexOf('=')) : typed;
        String shown = name.startsWith("--") ? longName(name, knownNames) : shortName(name);
        boolean cut = shown.length() < name.length();
        return new Shown(cut ? shown + "..." : shown, cut);
    }

    private static String longName(String name, Collection<String> knownNames) {
        String known = null;
        for (String option : knownNames) {
            if (option.startsWith("--") && name.length() > option.length() && name.startsWith(option)
                    && (known == null || option.length() > known.length())) {
                known = option;
            }
        }
        if (known != null) {
            return known;
        }
        int end = 2;
        while (end < name.length() && end < LONGEST_NAME_SHOWN && isNameCharacter(name.charAt(end), end == 2)) {
            end++;
        }
        return name.substring(0, end);
    }

    private static String shortName(String name) {
        return name.length() > 1 && isLetter(name.charAt(1)) ? name.substring(0, 2) : "-";
    }

    /** Option names are lower-case words joined by {@code -}; {@code _} is a common typo for {@code -}. */
    private static boolean isNameCharacter(char c, boolean first) {
        return c >= 'a' && c <= 'z' || !first && (c == '-' || c == '_');
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}

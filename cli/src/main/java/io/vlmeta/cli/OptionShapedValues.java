package io.vlmeta.cli;

import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * Refuses a word shaped like an option ({@code --name}, {@code -x}) that the parser took as the value of the option
 * before it: a mistyped {@code --api-secret} with its secret after a value-taking option would otherwise become a
 * column name or a dataset ID, and be echoed in a refusal or sent to the server. A value given after {@code =}
 * ({@code --api-secret=-abc}) is the user's own choice and is kept: that is how a value starting with a dash is given.
 *
 * <p>The parser's own switch for this ({@code setUnmatchedOptionsAllowedAsOptionParameters(false)}) refuses such
 * a value even after {@code =}, which would leave no way to give a secret or an ID that starts with a dash.
 */
final class OptionShapedValues {
    private OptionShapedValues() {
    }

    /**
     * @param parsed the parse result of the whole command line, its {@code @file} arguments read
     * @throws ValueShapedLikeAnOption for the first option value, not given after {@code =}, that starts with
     *     {@code --} or with {@code -} and a letter
     */
    static void refuse(CommandLine.ParseResult parsed) {
        List<String> words = parsed.expandedArgs();
        for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
            for (CommandLine.Model.OptionSpec option : level.matchedOptions()) {
                if (option.arity().max() == 0) {
                    continue;
                }
                for (String value : option.originalStringValues()) {
                    if (shapedLikeAnOption(value) && !givenAfterEquals(option, value, words)) {
                        throw new ValueShapedLikeAnOption(level.commandSpec().commandLine(), value,
                                option.longestName());
                    }
                }
            }
        }
    }

    /** @return whether the word reads as an option: {@code --} and more, or {@code -} and a letter ({@code -5} is a number) */
    static boolean shapedLikeAnOption(String word) {
        return word.startsWith("--") && word.length() > 2
                || word.length() > 1 && word.charAt(0) == '-' && Character.isLetter(word.charAt(1));
    }

    private static boolean givenAfterEquals(CommandLine.Model.OptionSpec option, String value, List<String> words) {
        return Arrays.stream(option.names()).anyMatch(name -> words.contains(name + "=" + value));
    }

    /** A word shaped like an option found where an option's value was expected. */
    static final class ValueShapedLikeAnOption extends CommandLine.UnmatchedArgumentException {
        private static final long serialVersionUID = 1L;
        private final String option;

        ValueShapedLikeAnOption(CommandLine commandLine, String word, String option) {
            super(commandLine, List.of(word));
            this.option = option;
        }

        /** @return the option whose value was expected, by its longest name */
        String option() {
            return option;
        }
    }
}

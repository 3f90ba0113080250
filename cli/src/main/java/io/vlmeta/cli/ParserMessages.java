package io.vlmeta.cli;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the command-line parser's own refusals in vlmeta's words. The parser quotes the value it could not
 * convert, which may be a secret typed in the wrong place ({@code --parallel S3CRET}): these sentences name the
 * option and what it takes, never the value.
 */
final class ParserMessages {
    /** "Invalid value for option '--parallel': '1.5' is not an int" (the type is Java's). */
    private static final Pattern NOT_A_TYPE = Pattern.compile("Invalid value for option '(-[^']*)': '(.*)' is not an?"
            + " (\\w+)", Pattern.DOTALL);
    /** "Invalid value for option '--task-policy': expected one of [A, B] (case-insensitive) but was 'x'". */
    private static final Pattern NOT_ONE_OF = Pattern.compile("Invalid value for option '(-[^']*)': expected one of "
            + "\\[(.*?)\\]( \\(case-insensitive\\))? but was .*", Pattern.DOTALL);
    /** "Invalid value for option '--task-timeout': 'x' is not a duration: write e.g. 90s, 30m, 2h or PT30M". */
    private static final Pattern NOT_A_DURATION = Pattern.compile("Invalid value for option '(-[^']*)': '.*' is not "
            + "a duration(?:: write (e\\.g\\. [^']*))?", Pattern.DOTALL);
    /**
     * "Invalid value for option '--task-timeout': cannot convert '999...h' to Duration
     * (java.lang.NumberFormatException: For input string: ...)": a converter failed in Java's words, not its own.
     * A duration's converter fails so only for more than a duration holds (its digits, or their sum).
     */
    private static final Pattern NOT_CONVERTED = Pattern.compile("Invalid value for option '(-[^']*)': cannot convert "
            + "'.*' to (\\w+) \\(.*\\)", Pattern.DOTALL);
    /** A whole number in plain digits ({@link WholeNumbers}), which a whole-number option refuses for its size only. */
    private static final Pattern DIGITS = Pattern.compile("-?[0-9]+");
    /** The smallest and largest value of each whole-number type an option may have, by the parser's type name. */
    private static final Map<String, Range> WHOLE_NUMBER_RANGES = Map.of(
            "int", new Range(Integer.MIN_VALUE, Integer.MAX_VALUE),
            "long", new Range(Long.MIN_VALUE, Long.MAX_VALUE),
            "short", new Range(Short.MIN_VALUE, Short.MAX_VALUE),
            "byte", new Range(Byte.MIN_VALUE, Byte.MAX_VALUE));

    /** "Missing required parameter for option '--api-secret' (SECRET)", or "... at index 0 (COLUMN)". */
    private static final Pattern MISSING_VALUE = Pattern.compile("Missing required parameter for option '(-[^']*)'"
            + "(?: at index \\d+)? \\(([^)]*)\\)");
    /** "Expected parameter for option '--rejects' but found '--json'": the value left out, another option next. */
    private static final Pattern VALUE_LEFT_OUT = Pattern.compile("Expected parameter for option '(-[^']*)' but found "
            + "'(.*)'", Pattern.DOTALL);
    /** "Value for option option '--sink-option' (KEY=VALUE) should be in KEY=VALUE format but was x". */
    private static final Pattern KEY_VALUE = Pattern.compile("Value for option option '(--[a-z-]+)' \\((.*?)\\) "
            + "should be in KEY=VALUE format but was .*", Pattern.DOTALL);
    /** A value each KEY=VALUE option takes, for the refusal of one given without its '='. */
    private static final Map<String, String> KEY_VALUE_EXAMPLES = Map.of(
            "--sink-option", "connect-timeout-ms=10000", "--field-type", "score=float");
    /** "option '--api-secret' (SECRET) should be specified only once"; a flag's has no "(SECRET)". */
    private static final Pattern GIVEN_TWICE = Pattern.compile("option '(-[^']*)'(?: \\(([^)]*)\\))? should be "
            + "specified only once");

    private ParserMessages() {
    }

    /** The values a whole-number type holds, {@code least} to {@code most}. */
    private record Range(long least, long most) {
    }

    /**
     * @param parserMessage the parser's message for a command line it refused
     * @return the same refusal in vlmeta's words, or empty when it is none of the kinds above
     */
    /**
     * The refusal of an option whose value was left out, another option following it, worded as the refusal of one
     * left out at the end of the line is ({@code --rejects needs a value after it: --rejects FILE}).
     *
     * @param parserMessage the parser's message for a command line it refused
     * @param labelOf       the label of an option's value ({@code FILE}) by the option's name; never null
     * @param shown         how the word found in the value's place is shown (it may carry a secret after '=');
     *                      never null
     * @return the refusal in vlmeta's words, or empty when the message is of another kind
     */
    static Optional<String> valueLeftOut(String parserMessage, UnaryOperator<String> labelOf,
            UnaryOperator<String> shown) {
        Matcher leftOut = VALUE_LEFT_OUT.matcher(parserMessage);
        if (!leftOut.matches()) {
            return Optional.empty();
        }
        String option = leftOut.group(1);
        String label = labelOf.apply(option);
        return Optional.of(option + " needs a value after it: " + option + " " + label + "; '"
                + shown.apply(leftOut.group(2)) + "' follows it, an option, not its value (a value that starts with '-'"
                + " goes after '=': " + option + "=" + label + ").");
    }

    static Optional<String> plain(String parserMessage) {
        Matcher oneOf = NOT_ONE_OF.matcher(parserMessage);
        if (oneOf.matches()) {
            // the word typed is none of the few accepted: it is not named, it may be a secret in the wrong place
            return Optional.of(oneOf.group(1) + " takes one of " + oneOf.group(2)
                    + (oneOf.group(3) == null ? "" : " (in upper or lower case)") + "; the value given is not one.");
        }
        Matcher duration = NOT_A_DURATION.matcher(parserMessage);
        if (duration.matches()) {
            return Optional.of(duration.group(1) + " takes a duration" + (duration.group(2) == null ? ""
                    : ", " + duration.group(2)) + "; the value given is not one.");
        }
        Matcher unconverted = NOT_CONVERTED.matcher(parserMessage);
        if (unconverted.matches()) {
            return Optional.of("Duration".equals(unconverted.group(2))
                    ? unconverted.group(1) + " takes a duration, " + DurationConverter.EXAMPLES
                            + "; the value given is too long."
                    : unconverted.group(1) + " takes " + what(unconverted.group(2)) + "; the value given is not one.");
        }
        Matcher type = NOT_A_TYPE.matcher(parserMessage);
        if (type.matches()) {
            Range range = WHOLE_NUMBER_RANGES.get(type.group(3));
            if (range != null && DIGITS.matcher(type.group(2)).matches()) {
                // digits the type cannot hold: their size is the mistake, not their form
                return Optional.of(type.group(2).startsWith("-")
                        ? type.group(1) + " takes a whole number of at least " + range.least() + "; the value given is "
                                + "too small."
                        : type.group(1) + " takes a whole number of at most " + range.most() + "; the value given is "
                                + "too large.");
            }
            return Optional.of(type.group(1) + " takes " + what(type.group(3)) + "; the value given is "
                    + "not one.");
        }
        Matcher missing = MISSING_VALUE.matcher(parserMessage);
        if (missing.matches()) {
            return Optional.of(missing.group(1) + " needs a value after it: " + missing.group(1) + " "
                    + missing.group(2) + ".");
        }
        Matcher keyValue = KEY_VALUE.matcher(parserMessage);
        if (keyValue.matches()) {
            String option = keyValue.group(1);
            return Optional.of(option + " takes " + keyValue.group(2) + " as one word (a name, '=', then its value), "
                    + "e.g. " + option + " " + KEY_VALUE_EXAMPLES.getOrDefault(option, "name=value") + ".");
        }
        Matcher twice = GIVEN_TWICE.matcher(parserMessage);
        if (twice.matches()) {
            return Optional.of(twice.group(1) + " is given more than once: give it once" + (twice.group(2) == null
                    ? "." : " (" + twice.group(1) + " " + twice.group(2) + ")."));
        }
        return Optional.empty();
    }

    private static String what(String javaType) {
        if (WHOLE_NUMBER_RANGES.containsKey(javaType)) {
            return "a whole number (digits 0 to 9 only)";
        }
        return switch (javaType) {
            case "boolean" -> "true or false, or no value (which is true)";
            case "double", "float" -> "a number (digits, with a . for a fraction)";
            default -> "a value of another kind (see --help)";
        };
    }
}

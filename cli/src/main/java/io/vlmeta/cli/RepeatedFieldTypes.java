package io.vlmeta.cli;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Refuses {@code --field-type} given twice for one column with two types. The parser keeps the last of a map
 * option's values for a key, so {@code --field-type caption=string --field-type caption=float} would silently be
 * a float. Neither type is shown: the refusal comes before the plugins are known, so a type cannot be told from a
 * slip (a secret typed there), and the user has both words in front of them.
 */
final class RepeatedFieldTypes {
    private static final String OPTION = "--field-type";

    private RepeatedFieldTypes() {
    }

    /**
     * @param parsed the parse result of the whole command line
     * @throws CommandLine.ParameterException naming the first column {@code --field-type} gives two types
     */
    static void refuse(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
            CommandLine.Model.OptionSpec option = level.matchedOption(OPTION);
            if (option == null) {
                continue;
            }
            Map<String, String> types = new HashMap<>();
            for (String value : option.originalStringValues()) {
                int equals = value.indexOf('=');
                if (equals < 0) {
                    continue; // the parser refuses a value without '=' on its own
                }
                String column = value.substring(0, equals);
                String before = types.putIfAbsent(column, value.substring(equals + 1));
                if (before != null && !before.equals(value.substring(equals + 1))) {
                    throw new CommandLine.ParameterException(level.commandSpec().commandLine(), "Column '" + column
                            + "' is given two types by " + OPTION + "; give each column one type.");
                }
            }
        }
    }
}

package io.vlmeta.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Which vlmeta commands take an option, to name an option given to a command that does not take it
 * ({@code vlmeta export --dry-run}, {@code vlmeta upload -o x}, {@code vlmeta upload -o=x}) by its name and with
 * where it belongs. Only a word that is exactly an option's name, or that name and a value after {@code =}, is
 * named so, and only by the name: a real option name holds no secret, while a value after {@code =}, or a word
 * with more to it ({@code --dry-runXYZ}, {@code -oS3CRET}), may; those are shown by {@link OptionWordText}'s rules.
 */
final class OptionOwners {
    /** Option name to the commands that list it in their help, in the order {@code vlmeta --help} lists them. */
    private final Map<String, List<String>> commandsByOption;

    private OptionOwners(Map<String, List<String>> commandsByOption) {
        this.commandsByOption = commandsByOption;
    }

    /**
     * @param root the top command with every command added (building it costs a few hundred milliseconds, so it
     *     is built only for a usage error that may need it: {@link #mayName})
     */
    static OptionOwners of(CommandLine root) {
        Map<String, List<String>> shown = new LinkedHashMap<>();
        Map<String, List<String>> hidden = new LinkedHashMap<>();
        root.getSubcommands().forEach((command, line) -> {
            for (OptionSpec option : line.getCommandSpec().options()) {
                // an option a command reads but hides (validate's --resume) is not where the user is sent
                Map<String, List<String>> into = option.hidden() ? hidden : shown;
                Arrays.stream(option.names()).forEach(name -> into.computeIfAbsent(name, n -> new ArrayList<>())
                        .add(command));
            }
        });
        hidden.forEach(shown::putIfAbsent);
        return new OptionOwners(shown);
    }

    /**
     * @param word       a word the command did not know
     * @param ownOptions the option names of the command that read it
     * @return whether {@link #named} may name it: a long option's name, or a short one ({@code -o}), alone or
     *     before {@code =}, that the command itself does not take
     */
    static boolean mayName(String word, List<String> ownOptions) {
        String name = nameOf(word);
        boolean shaped = name.startsWith("--") || name.length() == 2 && name.charAt(0) == '-';
        return shaped && !ownOptions.contains(name);
    }

    /** @return the word up to any {@code =}: the option name a value was given to after it */
    static String nameOf(String word) {
        int equals = word.indexOf('=');
        return equals < 0 ? word : word.substring(0, equals);
    }

    /**
     * @param word    a word the command did not know, as typed
     * @param command the command's name
     * @return the option's name, without any value after {@code =}, quoted with the commands that take it
     *     ({@code '--dry-run' (upload takes it, not export)}); empty when its name is no other command's option
     *     name exactly (see {@link #mayName})
     */
    Optional<String> named(String word, String command) {
        String name = nameOf(word);
        List<String> takers = commandsByOption.getOrDefault(name, List.of()).stream()
                .filter(taker -> !taker.equals(command)).toList();
        if (takers.isEmpty()) {
            return Optional.empty();
        }
        String who = takers.size() == 1 ? takers.get(0) + " takes it"
                : takers.subList(0, takers.size() - 1).stream().collect(Collectors.joining(", "))
                        + " and " + takers.get(takers.size() - 1) + " take it";
        return Optional.of("'" + name + "' (" + who + ", not " + command + ")");
    }
}

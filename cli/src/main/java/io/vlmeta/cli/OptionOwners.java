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
 * ({@code vlmeta export --dry-run}, {@code vlmeta upload -o x}) whole and with where it belongs. Only a word
 * that is exactly an option's name is named so: a real option name holds no secret, while a word with more to
 * it ({@code --dry-runXYZ}, {@code --api-secret=...}) may, and is shown by {@link OptionWordText}'s rules.
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
     * @return whether {@link #named} may name it: a long option's bare name, without {@code =}, or a short one
     *     ({@code -o}), that the command itself does not take
     */
    static boolean mayName(String word, List<String> ownOptions) {
        boolean shaped = word.startsWith("--") || word.length() == 2 && word.charAt(0) == '-';
        return shaped && word.indexOf('=') < 0 && !ownOptions.contains(word);
    }

    /**
     * @param word    a word the command did not know, as typed
     * @param command the command's name
     * @return the word quoted whole with the commands that take it ({@code '--dry-run' (upload takes it, not
     *     export)}); empty when it is no other command's option name exactly (see {@link #mayName})
     */
    Optional<String> named(String word, String command) {
        List<String> takers = commandsByOption.getOrDefault(word, List.of()).stream()
                .filter(taker -> !taker.equals(command)).toList();
        if (takers.isEmpty() || word.indexOf('=') >= 0) {
            return Optional.empty();
        }
        String who = takers.size() == 1 ? takers.get(0) + " takes it"
                : takers.subList(0, takers.size() - 1).stream().collect(Collectors.joining(", "))
                        + " and " + takers.get(takers.size() - 1) + " take it";
        return Optional.of("'" + word + "' (" + who + ", not " + command + ")");
    }
}

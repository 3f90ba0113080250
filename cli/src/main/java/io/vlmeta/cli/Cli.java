package io.vlmeta.cli;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.ErrorKind;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.emulator.EmulatorCommand;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;

/** Builds the command tree and maps every way a command can end to an exit code. */
public final class Cli {
    /** Every command, in the order {@code vlmeta --help} lists them. */
    private static final List<String> COMMANDS =
            List.of("upload", "validate", "export", "plan", "plugins", "emulator", "demo", "help");
    /**
     * What starts a refusal's line on standard error, as it starts the job's own ({@code Error: No input given...});
     * the {@code --json} document's {@code error} holds the sentence alone, as the job's does.
     */
    static final String ERROR = "Error: ";
    /** How a refusal of an option's value starts: the option, then what it takes or must be. */
    private static final Pattern OPTION_VALUE_REFUSAL = Pattern.compile("(?:(--[a-z0-9-]+)|Option ([a-z0-9-]+)) "
            + "(?:takes|must be) ");
    /** The end of the parser's message for an option found where a value was expected. */
    private static final Pattern FOUND_OPTION = Pattern.compile("(.* but found ')(-.*)'", Pattern.DOTALL);

    private Cli() {
    }

    /**
     * Runs one command line.
     *
     * @return the exit code: 0 done, 1 server or input failure, 2 usage error, 3 validation failed,
     *     4 uploaded with rejected rows, 130 stopped by the user (Ctrl-C, SIGTERM)
     */
    public static int execute(CliContext context, String... args) {
        Optional<String> unreadable = ArgumentFiles.unreadable(args, word -> isFlag(context, word));
        if (unreadable.isPresent()) {
            // picocli would end in an exception and its trace: a usage error like any other
            context.err().println(ERROR + unreadable.get());
            if (wantsJson(ArgumentFiles.readWhereReadable(args))) {
                JsonSummary.printError(unreadable.get(), 2, context.out());
            }
            return 2;
        }
        return commandLine(context, args).execute(args);
    }

    /**
     * An option-shaped word the command did not know.
     *
     * @param word           the word as typed, shown only as {@code quoted} says
     * @param quoted         how the refusal shows it: whole with the commands that take it when it is exactly
     *                       another command's option ({@link OptionOwners}), else by {@link OptionWordText}'s rules
     * @param ownedElsewhere whether it is exactly another command's option
     * @param text           {@link OptionWordText}'s view of it, for its suggestion and the notes on values and case
     */
    private record UnknownOption(String word, String quoted, boolean ownedElsewhere, OptionWordText.Shown text) {
        /** @param owners which commands take which option; {@code null} when no word can be another's option */
        static UnknownOption of(String word, List<String> names, OptionOwners owners, String command) {
            OptionWordText.Shown text = OptionWordText.of(word, names);
            Optional<String> owned = owners == null ? Optional.empty() : owners.named(word, command);
            return new UnknownOption(word, owned.orElseGet(() -> "'" + text.text() + "'"), owned.isPresent(), text);
        }

        /**
         * @return the command's own option to suggest: the nearest name, or for another command's option the
         *     command's one that it begins ({@code --dataset} given to validate: {@code --dataset-id}); null
         */
        String suggestion(List<String> names) {
            if (text.suggestion() != null || !ownedElsewhere) {
                return text.suggestion();
            }
            return names.stream().filter(name -> name.startsWith(OptionOwners.nameOf(word) + "-")).findFirst()
                    .orElse(null);
        }
    }

    /**
     * @return whether some command has an option of that name and it takes no value ({@code --json},
     *     {@code --dry-run}); false for an unknown word. Builds the whole command tree: asked only on the way
     *     to a refusal.
     */
    private static boolean isFlag(CliContext context, String name) {
        CommandLine root = commandLine(context);
        return Stream.concat(Stream.of(root), root.getSubcommands().values().stream())
                .map(command -> command.getCommandSpec().findOption(name))
                .anyMatch(option -> option != null && option.arity().max() == 0);
    }

    /** @return the configured command tree, writing to the context's streams */
    public static CommandLine commandLine(CliContext context) {
        return configure(context, COMMANDS);
    }

    /**
     * The part of the command tree these arguments can reach, which runs them exactly as the whole tree
     * would: the top command with only the command named first ({@code validate ...}), or with none for a
     * lone {@code --version}. Picocli builds each command by reflection over its annotations, a third of a
     * short run's start-up, so commands a run cannot reach are not built. Anything else ({@code --help},
     * {@code help}, no command, a mistyped one, whose suggestions need every name) gets the whole tree.
     *
     * @param args the command line, unchanged
     */
    static CommandLine commandLine(CliContext context, String... args) {
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            return configure(context, List.of());
        }
        if (args.length > 0 && !"help".equals(args[0]) && COMMANDS.contains(args[0])) {
            return configure(context, List.of(args[0]));
        }
        return commandLine(context);
    }

    private static Object command(String name, CliContext context) {
        return switch (name) {
            case "upload" -> new UploadCommand(context);
            case "validate" -> {
                CommandLine validate = new CommandLine(new ValidateCommand(context));
                JobOptions.hideUploadOnly(validate.getCommandSpec());
                yield validate;
            }
            case "export" -> new ExportCommand(context);
            case "plan" -> {
                CommandLine plan = new CommandLine(new PlanCommand(context));
                JobOptions.describe(plan.getCommandSpec(), "--json", PlanCommand.JSON_HELP);
                yield plan;
            }
            case "plugins" -> new PluginsCommand(context);
            case "emulator" -> new EmulatorCommand();
            case "demo" -> new DemoCommand(context);
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }

    /** @return the top command with the named commands, writing to the context's streams */
    private static CommandLine configure(CliContext context, List<String> names) {
        CommandLine root = new CommandLine(new VlmetaCommand());
        for (String name : names) {
            root.addSubcommand(name, command(name, context));
        }
        // set after the commands are added: picocli hands these settings only to commands it already holds
        root.setOut(new PrintWriter(context.out(), true));
        root.setErr(new PrintWriter(context.err(), true));
        root.setCaseInsensitiveEnumValuesAllowed(true);
        WholeNumbers.register(root);
        // a word shaped like an option is no option's value unless given after '=' (OptionShapedValues)
        root.setExecutionStrategy(parsed -> {
            OptionShapedValues.refuse(parsed);
            RepeatedFieldTypes.refuse(parsed);
            JobOptionValues.refuse(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        root.setParameterExceptionHandler((exception, args) -> usageError(exception, args, context));
        root.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            if (exception instanceof VlmetaException vlmeta && vlmeta.kind() != ErrorKind.INTERNAL) {
                commandLine.getErr().println(ERROR + ConsoleText.escapeKeepingLines(vlmeta.getMessage()));
                if (vlmeta.code() == ErrorCode.USAGE && refusesAnOptionsValue(vlmeta.getMessage(), commandLine)) {
                    // a refusal of what an option was given ends as the parser's own refusals of a value do
                    commandLine.getErr().println(whereHelpIs(commandLine));
                }
                return vlmeta.code().exitCode();
            }
            commandLine.getErr().println("Error: an unexpected failure; please report it with the trace below.");
            exception.printStackTrace(commandLine.getErr());
            return 1;
        });
        return root;
    }

    /**
     * One line naming the mistake, suggestions for a typo, and where help is, instead of the whole
     * usage text. Unknown arguments are not echoed back beyond what is shaped like an option's name
     * ({@link OptionWordText}): the value after or on a mistyped {@code --api-secret} would be a secret.
     */
    private static int usageError(CommandLine.ParameterException exception, String[] args, CliContext context) {
        CommandLine command = exception.getCommandLine();
        PrintWriter err = command.getErr();
        String message;
        List<String> names = command.getCommandSpec().options().stream()
                .flatMap(option -> Arrays.stream(option.names())).toList();
        String[] words = ArgumentFiles.read(args); // each file read once
        boolean json = wantsJson(words);
        boolean atTop = command.getCommandSpec().userObject() instanceof VlmetaCommand;
        List<String> unknown = exception instanceof CommandLine.UnmatchedArgumentException unmatched
                ? unmatched.getUnmatched() : List.of();
        String misplaced = atTop && !unknown.isEmpty() ? optionOfACommand(unknown.get(0), command) : null;
        if (exception instanceof CommandLine.UnmatchedArgumentException && atTop && !unknown.isEmpty()
                && !unknown.get(0).startsWith("-")) {
            // what follows a mistyped command is that command's options: only the command is named
            String typed = unknown.get(0);
            String nearest = OptionWordText.nearest(typed, COMMANDS);
            message = nearest == null ? "Unknown command: the first word names the command, one of "
                    + String.join(", ", COMMANDS) + "."
                    : "Unknown command '" + typed + "': did you mean '" + nearest + "'?";
            err.println(ERROR + ConsoleText.escape(message));
        } else if (exception instanceof CommandLine.UnmatchedArgumentException && afterEndOfOptions(unknown, words)) {
            // words after '--' are never options, whatever they look like: naming one as an unknown option and
            // then suggesting that very option would contradict itself
            message = "Unexpected argument after '--': '" + command.getCommandName() + "' takes no positional "
                    + "arguments, and '--' ends its options (give options before it).";
            err.println(ERROR + message);
        } else if (misplaced != null) {
            message = "Option '" + misplaced + "' given before the command: options go after the command's name, "
                    + "e.g. vlmeta upload " + misplaced + ".";
            err.println(ERROR + message);
        } else if (exception instanceof CommandLine.UnmatchedArgumentException) {
            List<String> optionWords = unknown.stream().filter(a -> a.startsWith("-")).distinct().toList();
            // another command's option, named exactly, is named whole with the commands that take it
            OptionOwners owners = optionWords.stream().anyMatch(word -> OptionOwners.mayName(word, names))
                    ? OptionOwners.of(commandLine(context)) : null;
            List<UnknownOption> unknownOptions = optionWords.stream()
                    .map(word -> UnknownOption.of(word, names, owners, command.getCommandName())).toList();
            List<String> named = unknownOptions.stream().map(UnknownOption::quoted).toList();
            List<OptionWordText.Shown> options = unknownOptions.stream().filter(option -> !option.ownedElsewhere())
                    .map(UnknownOption::text).toList();
            message = named.isEmpty() ? "Unexpected argument: '" + command.getCommandName() + "' takes no "
                    + "positional arguments (option values follow their option)."
                    : (named.size() == 1 ? "Unknown option: " : "Unknown options: ") + String.join(", ", named)
                            + (options.stream().anyMatch(OptionWordText.Shown::valueTyped)
                                    ? " (an option's value goes after a space or '=')" : "")
                            + (options.stream().anyMatch(OptionWordText.Shown::upperCase)
                                    ? " (option names are lower case)" : "")
                            + (exception instanceof OptionShapedValues.ValueShapedLikeAnOption found
                                    ? ", where " + found.option() + "'s value was expected (a value that starts "
                                            + "with '-' goes after '=': " + found.option() + "=VALUE)" : "");
            err.println(ERROR + ConsoleText.escape(message));
            List<String> suggestions = unknownOptions.stream().map(option -> option.suggestion(names))
                    .filter(Objects::nonNull).distinct().toList();
            if (!suggestions.isEmpty()) {
                err.println("Did you mean: " + String.join(", ", suggestions) + "?");
            }
        } else {
            // quotes the value the user typed for an option; an option found in its place is named as above. A
            // command's own refusal may start with "Error: " already (the emulator's, which also runs on its own)
            String given = exception.getMessage().startsWith(ERROR)
                    ? exception.getMessage().substring(ERROR.length()) : exception.getMessage();
            message = ConsoleText.escape(ParserMessages.plain(given)
                    .or(() -> ParserMessages.valueLeftOut(given, option -> valueLabel(command, option),
                            found -> OptionWordText.of(found, names).text()))
                    .orElseGet(() -> withOptionWordsShortened(given, names)));
            err.println(ERROR + message);
        }
        err.println(whereHelpIs(command));
        int exitCode = command.getCommandSpec().exitCodeOnInvalidInput();
        if (json) {
            // a script that asked for JSON reads standard output only: the refusal is a document there too
            JsonSummary.printError(message, exitCode, context.out());
        }
        return exitCode;
    }

    /** @return the label of the option's value, as its help shows it ({@code FILE}); {@code VALUE} if none */
    private static String valueLabel(CommandLine command, String option) {
        CommandLine.Model.OptionSpec spec = command.getCommandSpec().findOption(option);
        return spec == null || spec.paramLabel().isBlank() ? "VALUE" : spec.paramLabel();
    }

    /** @return the line that ends a usage error: where the command's help is */
    private static String whereHelpIs(CommandLine command) {
        return "Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.";
    }

    /**
     * @param message a usage error the command raised as it ran
     * @return whether it is worded as the refusal of what one of the command's options was given, the parser's
     *     shape and {@link io.vlmeta.api.OptionRanges}' ({@code --match-by takes one of ...; the value given is not
     *     one.}, {@code --enum-limit must be ...}); a fault of a file an option names ({@code --rejects ... is a
     *     folder}) is the file's, not the option's
     */
    private static boolean refusesAnOptionsValue(String message, CommandLine command) {
        Matcher refusal = OPTION_VALUE_REFUSAL.matcher(message);
        if (!refusal.lookingAt()) {
            return false;
        }
        // a source names its option without dashes ("Option delimiter takes"): it may come from --source-option too
        String option = refusal.group(1) != null ? refusal.group(1) : "--" + refusal.group(2);
        return command.getCommandSpec().optionsMap().containsKey(option);
    }

    /**
     * @param unknown the words the parser did not know
     * @param words   the command line, its argument files read
     * @return whether every unknown word comes after a {@code --} that ended the options
     */
    private static boolean afterEndOfOptions(List<String> unknown, String[] words) {
        List<String> line = Arrays.asList(words);
        int end = line.indexOf("--");
        return end >= 0 && !unknown.isEmpty() && unknown.stream()
                .allMatch(word -> line.subList(end + 1, line.size()).contains(word)
                        && !line.subList(0, end).contains(word));
    }

    /**
     * @return the word's option name (up to any {@code =}) when some command has an option of that name, else
     *     {@code null}: a word given before the command
     */
    private static String optionOfACommand(String word, CommandLine top) {
        if (!word.startsWith("-")) {
            return null;
        }
        String name = OptionOwners.nameOf(word);
        return top.getSubcommands().values().stream()
                .anyMatch(sub -> sub.getCommandSpec().optionsMap().containsKey(name)) ? name : null;
    }

    /**
     * @return the parser's message with the option word it found where a value was expected ("Expected parameter
     *     for option '--api-key' but found '--api-secret=S3CRET'") shown as {@link OptionWordText} shows it
     */
    private static String withOptionWordsShortened(String message, List<String> names) {
        Matcher found = FOUND_OPTION.matcher(message);
        return found.matches() ? found.group(1) + OptionWordText.of(found.group(2), names).text() + "'" : message;
    }

    /**
     * @return whether the command line, as it stands before it could be parsed, runs an upload or a validation
     *     (its {@code @file} arguments read as the parser will read them)
     */
    static boolean runsAJob(String[] args) {
        return namesAJob(new String[] {commandNamed(args)});
    }

    /**
     * @return the command line's first word, as it stands before it could be parsed, its {@code @file} arguments
     *     read as the parser will read them: the command's name when it names one; "" for an empty line
     */
    static String commandNamed(String[] args) {
        // a command named as given needs no file read; one named in an @file does
        String[] words = args.length > 0 && args[0].startsWith("@") ? ArgumentFiles.read(args) : args;
        return words.length > 0 ? words[0] : "";
    }

    /** @return whether the words, argument files already read, start with an upload or a validation */
    private static boolean namesAJob(String[] words) {
        return words.length > 0 && ("upload".equals(words[0]) || "validate".equals(words[0]));
    }

    /**
     * @return whether an upload, a validation, an export or a plan was given {@code --json} among its options
     *     (before a {@code --} that ends them), as the command line stands before it could be parsed, its
     *     {@code @file} arguments read as the parser will read them
     */
    static boolean asksForJson(String[] args) {
        String[] words = ArgumentFiles.read(args); // each file read once
        return (namesAJob(words) || words.length > 0 && ("export".equals(words[0]) || "plan".equals(words[0])))
                && mentionsJson(words);
    }

    /**
     * @param words the command line, its argument files read
     * @return whether a usage error of this command line is written as a JSON document too: it asks for
     *     {@code --json}, and it runs a job, an export or a plan, or its command cannot be told (none named first, a
     *     mistyped one, one in an argument file that cannot be read), as a script that asked for JSON reads standard
     *     output only
     */
    private static boolean wantsJson(String[] words) {
        boolean commandUnknown = words.length == 0 || !COMMANDS.contains(words[0]);
        return (commandUnknown || namesAJob(words) || "export".equals(words[0]) || "plan".equals(words[0]))
                && mentionsJson(words);
    }

    /** @return whether the words, argument files already read, hold {@code --json} before any {@code --} */
    private static boolean mentionsJson(String[] words) {
        for (String arg : words) {
            if ("--".equals(arg)) {
                return false;
            }
            if ("--json".equals(arg) || "--json=true".equalsIgnoreCase(arg)) {
                return true;
            }
        }
        return false;
    }
}

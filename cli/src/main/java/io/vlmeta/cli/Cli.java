package io.vlmeta.cli;

import io.vlmeta.api.ErrorKind;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.emulator.EmulatorCommand;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/** Builds the command tree and maps every way a command can end to an exit code. */
public final class Cli {
    private Cli() {
    }

    /**
     * Runs one command line.
     *
     * @return the exit code: 0 done, 1 server or input failure, 2 usage error, 3 validation failed,
     *     4 uploaded with rejected rows, 130 stopped by the user (Ctrl-C, SIGTERM)
     */
    public static int execute(CliContext context, String... args) {
        return commandLine(context).execute(args);
    }

    /** @return the configured command tree, writing to the context's streams */
    public static CommandLine commandLine(CliContext context) {
        CommandLine root = new CommandLine(new VlmetaCommand());
        root.addSubcommand("upload", new UploadCommand(context));
        CommandLine validate = new CommandLine(new ValidateCommand(context));
        JobOptions.hideUploadOnly(validate.getCommandSpec());
        root.addSubcommand("validate", validate);
        root.addSubcommand("export", new ExportCommand(context));
        root.addSubcommand("plan", new PlanCommand(context));
        root.addSubcommand("plugins", new PluginsCommand(context));
        root.addSubcommand("emulator", new EmulatorCommand());
        root.addSubcommand("demo", new DemoCommand(context));
        root.addSubcommand("help", new CommandLine.HelpCommand());
        root.setOut(new PrintWriter(context.out(), true));
        root.setErr(new PrintWriter(context.err(), true));
        root.setCaseInsensitiveEnumValuesAllowed(true);
        root.setParameterExceptionHandler(Cli::usageError);
        root.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            if (exception instanceof VlmetaException vlmeta && vlmeta.kind() != ErrorKind.INTERNAL) {
                commandLine.getErr().println("Error: " + ConsoleText.escapeKeepingLines(vlmeta.getMessage()));
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
     * usage text. Unknown arguments are not echoed back beyond the option names: the value after a
     * mistyped {@code --api-secret} would be a secret.
     */
    private static int usageError(CommandLine.ParameterException exception, String[] args) {
        CommandLine command = exception.getCommandLine();
        PrintWriter err = command.getErr();
        if (exception instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> options = unmatched.getUnmatched().stream().filter(a -> a.startsWith("-"))
                    .map(a -> "'" + (a.contains("=") ? a.substring(0, a.indexOf('=')) : a) + "'").toList();
            err.println(options.isEmpty() ? "Unexpected argument: '" + command.getCommandName() + "' takes no "
                    + "positional arguments (option values follow their option)."
                    : (options.size() == 1 ? "Unknown option: " : "Unknown options: ") + String.join(", ", options));
            CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, err);
        } else {
            err.println(ConsoleText.escape(exception.getMessage())); // quotes the value the user typed
        }
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }
}

package io.vlmeta.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;

/**
 * A command line's {@code @file} arguments (picocli's argument files: the words of the file in place of
 * the argument), for what must be known of a command line before it is parsed: whether it runs a job,
 * whether it asks for {@code --json}, whether picocli could read its files at all.
 */
final class ArgumentFiles {
    private ArgumentFiles() {
    }

    /**
     * @return the arguments with each {@code @file} replaced by the words of that file, by picocli's own
     *     rules (quotes, {@code #} comments, files named inside files), which the parser applies too; the
     *     arguments as given when none names a file, when a file is not a regular one (a pipe, such as
     *     {@code @<(...)} or {@code @/dev/stdin}, can be read once, and the parser must be the one to read
     *     it), or when picocli cannot read them
     */
    static String[] read(String[] args) {
        boolean namesAFile = false;
        for (String arg : args) {
            if (namesFile(arg)) {
                Path file = fileOf(arg);
                if (file == null || !Files.isRegularFile(file) || !Files.isReadable(file)) {
                    return args;
                }
                namesAFile = true;
            }
        }
        if (!namesAFile) {
            return args;
        }
        try {
            // a command that knows no option: every word is kept as it stands, after the files are read
            CommandLine words = new CommandLine(CommandLine.Model.CommandSpec.create())
                    .setUnmatchedArgumentsAllowed(true);
            return words.parseArgs(args).expandedArgs().toArray(String[]::new);
        } catch (CommandLine.PicocliException e) {
            return args; // the real parser meets the same files
        }
    }

    /**
     * @return a one-line refusal for an {@code @file} argument naming a folder, which picocli can neither
     *     read nor take as a word (it ends in an exception); empty when there is none. A name that is no
     *     file at all is a word to picocli, refused as an unexpected argument like any other.
     */
    static Optional<String> unreadable(String[] args) {
        for (String arg : args) {
            Path file = namesFile(arg) ? fileOf(arg) : null;
            if (file != null && Files.isDirectory(file)) {
                return Optional.of("Cannot read the argument file '" + arg + "': " + arg.substring(1)
                        + " is a folder. An argument starting with @ names a file of arguments; write @@ for a "
                        + "word that starts with @.");
            }
        }
        return Optional.empty();
    }

    /** @return whether picocli takes the argument as a file's name: {@code @name}, but not {@code @@word} */
    private static boolean namesFile(String arg) {
        return arg.length() > 1 && arg.startsWith("@") && !arg.startsWith("@@");
    }

    /** @return the file an {@code @file} argument names; {@code null} when it is no path on this system */
    private static Path fileOf(String arg) {
        try {
            return Path.of(arg.substring(1));
        } catch (InvalidPathException e) {
            return null;
        }
    }
}

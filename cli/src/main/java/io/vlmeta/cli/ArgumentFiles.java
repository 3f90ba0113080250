package io.vlmeta.cli;

import io.vlmeta.api.FileFaults;
import java.io.IOException;
import java.io.Reader;
import java.io.StreamTokenizer;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
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
     * The words of a command line that will not be parsed because one of its argument files cannot be read
     * ({@link #unreadable}), for what the refusal must still know of it: whether it runs a job, whether it asks
     * for {@code --json}.
     *
     * @return the arguments with each regular, readable {@code @file} (given or named in another) replaced by its
     *     words; a file that cannot be read, a pipe (read by no one: the line is refused) and a file already read
     *     stay as the word that names them
     */
    static String[] readWhereReadable(String[] args) {
        List<String> words = new ArrayList<>();
        expandReadable(Arrays.asList(args), words, new HashSet<>());
        return words.toArray(String[]::new);
    }

    private static void expandReadable(List<String> given, List<String> words, Set<Path> read) {
        for (String word : given) {
            Path file = namesFile(word) ? fileOf(word) : null;
            List<String> inFile = null;
            if (file != null && Files.isRegularFile(file) && Files.isReadable(file)
                    && read.add(file.toAbsolutePath().normalize())) {
                try {
                    inFile = wordsOf(file);
                } catch (IOException e) {
                    inFile = null; // refused as unreadable all the same: the word stands for it
                }
            }
            if (inFile == null) {
                words.add(word);
            } else {
                expandReadable(inFile, words, read);
            }
        }
    }

    /**
     * Picocli takes an {@code @file} it cannot read as a word (a mistyped file name would become an unexpected
     * argument, or the value of the option before it), and ends in an exception on a folder: either way the
     * user gets no word about the file. This names it instead.
     *
     * @param takesNoValue whether an option name is known to take no value ({@code --json}); asked only of a word
     *     before an {@code @file} that cannot be read: any other option-shaped word may be waiting for the
     *     {@code @file} as its value, a secret perhaps, which the refusal then does not show
     * @return a one-line refusal for the first {@code @file} argument, given or named inside another argument
     *     file, that is missing, unreadable, a folder or no file name at all, or that holds a quote its line does
     *     not close ({@link ArgumentFileQuotes}; the parser would read it silently), naming the file and the line
     *     and none of its words; empty when every one can be read
     */
    static Optional<String> unreadable(String[] args, Predicate<String> takesNoValue) {
        return unreadable(Arrays.asList(args), null, new HashSet<>(), takesNoValue);
    }

    /**
     * @param words   the words of the command line, or of the argument file {@code namedIn}
     * @param namedIn the argument file that holds the words; {@code null} for the command line
     * @param read    the argument files read so far: picocli reads each once, so a file naming itself ends
     */
    private static Optional<String> unreadable(List<String> words, Path namedIn, Set<Path> read,
                                               Predicate<String> takesNoValue) {
        String previous = null; // the word before this one as the parser meets it: a file's last word after it
        for (int at = 0; at < words.size(); at++) {
            String word = words.get(at);
            if (!namesFile(word)) {
                previous = word;
                continue;
            }
            Path file = fileOf(word);
            String why = file == null ? "is no file name on this system"
                    : Files.isDirectory(file) ? "is a folder"
                    : !Files.exists(file) ? "does not exist"
                    : !Files.isReadable(file) ? "cannot be read (no permission)"
                    : null;
            if (why == null && Files.isRegularFile(file) && read.add(file.toAbsolutePath().normalize())) {
                // a pipe (@<(...), @/dev/stdin) is read once, by the parser: what it names is left to it
                Optional<String> nested;
                try {
                    String text = textOf(file);
                    OptionalInt unclosed = ArgumentFileQuotes.unclosedOnLine(text);
                    if (unclosed.isPresent()) {
                        // the parser would end the word at the line's end and read on: the words would not be the
                        // ones meant. The file is named, never its words (a secret may be among them)
                        return Optional.of("The argument file " + file + " has a quote opened on line "
                                + unclosed.getAsInt() + " that is not closed on that line: close it before the "
                                + "line ends (a word with a quote in it goes inside the other quotes: \"O'Brien\").");
                    }
                    List<String> inFile = wordsOf(text);
                    nested = unreadable(inFile, file, read, takesNoValue);
                    // the words just read give the last one: the file is not read again for it
                    previous = inFile.isEmpty() ? null : lastWordOf(inFile.get(inFile.size() - 1));
                } catch (IOException e) {
                    why = FileFaults.whyUnreadable(file, e);
                    nested = Optional.empty();
                }
                if (nested.isPresent()) {
                    return nested;
                }
            } else if (why == null) {
                previous = lastWordOf(word); // a pipe (its name) or a file met before (its last word)
            }
            if (why != null && previous != null && isOptionShaped(previous) && !takesNoValue.test(previous)) {
                // the value of --api-secret, say, that happens to start with @: the word is not shown
                return Optional.of("Cannot read the argument file given as the value of the option before it, "
                        + (namedIn == null ? "word " + (at + 1) + " of the command line" : "in the argument file "
                        + namedIn) + ": the file " + why + ". An argument starting with @ names a file of "
                        + "arguments; for a value that starts with @, write @@ (--option @@value) or give it after "
                        + "'=' (--option=@value).");
            }
            if (why != null) {
                return Optional.of("Cannot read the argument file '" + word + "'"
                        + (namedIn == null ? "" : " named in the argument file " + namedIn) + ": " + word.substring(1)
                        + " " + why + ". An argument starting with @ names a file of arguments; write @@ for a word "
                        + "that starts with @.");
            }
        }
        return Optional.empty();
    }

    /**
     * @return the words of one argument file as picocli splits them (its {@code StreamTokenizer} set up as
     *     picocli sets it up: blanks and control characters part words, {@code "} and {@code '} quote,
     *     {@code #} starts a comment), its {@code @file} words left as they stand
     */
    private static List<String> wordsOf(Path file) throws IOException {
        return wordsOf(textOf(file));
    }

    /** @return the file's text, decoded leniently in the platform's charset, as picocli's FileReader does */
    private static String textOf(Path file) throws IOException {
        return new String(Files.readAllBytes(file), Charset.defaultCharset());
    }

    /** @see #wordsOf(Path) */
    private static List<String> wordsOf(String text) throws IOException {
        List<String> words = new ArrayList<>();
        try (Reader reader = new StringReader(text)) {
            StreamTokenizer tokens = new StreamTokenizer(reader);
            tokens.resetSyntax();
            tokens.wordChars(' ', 255);
            tokens.whitespaceChars(0, ' ');
            tokens.quoteChar('"');
            tokens.quoteChar('\'');
            tokens.commentChar('#');
            while (tokens.nextToken() != StreamTokenizer.TT_EOF) {
                words.add(tokens.sval);
            }
        }
        return words;
    }

    /**
     * @return whether the word is shaped like an option that a value may follow after a blank
     *     ({@code --api-secret}, {@code -o}, a mistyped {@code ---api-secret}): a dash first, a letter somewhere,
     *     no {@code =}
     */
    private static boolean isOptionShaped(String word) {
        return word.length() > 1 && word.charAt(0) == '-' && word.indexOf('=') < 0
                && word.chars().anyMatch(Character::isLetter);
    }

    /**
     * @return the word itself, or for an {@code @file} that can be read the last word in it (what the parser
     *     meets just before the next argument); {@code null} for an empty file
     */
    private static String lastWordOf(String word) {
        return lastWordOf(word, new HashSet<>());
    }

    /** @param read the files looked into so far: one that names itself last ends the search at its name */
    private static String lastWordOf(String word, Set<Path> read) {
        Path file = namesFile(word) ? fileOf(word) : null;
        if (file == null || !Files.isRegularFile(file) || !Files.isReadable(file)
                || !read.add(file.toAbsolutePath().normalize())) {
            return word;
        }
        try {
            List<String> inFile = wordsOf(file);
            return inFile.isEmpty() ? null : lastWordOf(inFile.get(inFile.size() - 1), read);
        } catch (IOException e) {
            return word;
        }
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

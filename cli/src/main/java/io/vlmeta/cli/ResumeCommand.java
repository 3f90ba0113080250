package io.vlmeta.cli;

import io.vlmeta.api.UriRedaction;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The command that continues a stopped job: the user's own command line plus {@code --resume}, quoted
 * for a POSIX shell, without a secret. An API secret given with {@code --api-secret} is left out (the
 * note says to set {@code VL_API_SECRET} or pass {@code --api-secret-file}); a base URL holding a
 * password is replaced by {@code "$VL_BASE_URL"} with a note to set it.
 *
 * @param command the command to print
 * @param notes   what the user must set before running it; empty when nothing
 */
record ResumeCommand(String command, List<String> notes) {
    /**
     * How the launcher is called when its start script does not say ({@code VLMETA_PROGRAM}); {@code java -jar
     * vlmeta.jar} takes the same arguments.
     */
    static final String PROGRAM = "vlmeta";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    ResumeCommand {
        notes = List.copyOf(notes);
    }

    /**
     * @param program how the user called vlmeta ({@code vlmeta}, {@code ./vlmeta}, {@code '/opt/my tools/vlmeta'}),
     *                already quoted for the shell ({@link CliContext#program()})
     * @param args    the arguments the program was given, the subcommand first
     */
    static ResumeCommand of(String program, List<String> args) {
        List<String> words = new ArrayList<>(List.of(program));
        List<String> notes = new ArrayList<>();
        boolean resume = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.startsWith("--") && arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean joined = !name.equals(arg);
            String value = joined ? arg.substring(name.length() + 1) : i + 1 < args.size() ? args.get(i + 1) : null;
            switch (name) {
                case "--api-secret" -> {
                    notes.add("The API secret given with --api-secret is not repeated here: set VL_API_SECRET to it "
                            + "(or pass --api-secret-file FILE) before running this.");
                    i += joined ? 0 : 1;
                    continue;
                }
                case "--base-url" -> {
                    if (value != null && hasCredentials(value)) {
                        notes.add("The base URL holds credentials and is not repeated here: set VL_BASE_URL to it "
                                + "before running this.");
                        words.add("--base-url");
                        words.add("\"$VL_BASE_URL\"");
                        i += joined ? 0 : 1;
                        continue;
                    }
                }
                case "--csv", "--input" -> {
                    if ("-".equals(value)) {
                        notes.add("The input was read from standard input: pipe the same input into this command.");
                    }
                }
                case "--resume" -> resume = true;
                default -> {
                    // every other argument is repeated as given
                }
            }
            words.add(quote(arg));
        }
        if (!resume) {
            words.add("--resume");
        }
        return new ResumeCommand(String.join(" ", words), notes);
    }

    /**
     * @return whether the URL holds more than the server's name ({@link UriRedaction#server}): a userinfo (a
     *     password, or a user name that may be a token, RFC 7617), a session in a path parameter, a query
     */
    private static boolean hasCredentials(String url) {
        return !UriRedaction.server(url).equals(url.strip());
    }

    /** @return the word as a POSIX shell reads it back unchanged */
    static String quote(String word) {
        if (!word.isEmpty() && PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}

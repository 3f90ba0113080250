package io.vlmeta.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the command line reads from the world, read once by {@link Main} and passed in, so tests can
 * run the real commands with their own environment and streams.
 *
 * @param environment the process environment ({@code VL_BASE_URL}, {@code VL_API_KEY}, {@code VL_API_SECRET}, ...)
 * @param out         standard output
 * @param err         standard error
 * @param terminal    true when a person watches (a console is attached): emoji and progress bars
 * @param home        the user's home folder, for {@code ~/.vlmeta/plugins}
 * @param in          standard input, read for {@code --csv -} and {@code --input -}
 * @param progress    how progress is shown on standard error: bars when it is a terminal, plain lines
 *                    otherwise ({@link Progress#decide})
 * @param stops       how a job learns that the user asked it to stop (signal handlers in the program)
 * @param origin      who runs the commands: the user's command line, or the demo for the user
 */
public record CliContext(Map<String, String> environment, PrintStream out, PrintStream err, boolean terminal,
                         Path home, InputStream in, Progress progress, StopControl stops, Origin origin) {

    /** Who runs a command, which decides what a stopped job tells the user to do next. */
    public enum Origin {
        /** The user, who can run it again with {@code --resume}. */
        COMMAND_LINE,
        /**
         * The demo, for the user: its emulator and its journal end with it, so a stopped upload cannot be
         * resumed, only the demo run again.
         */
        DEMO
    }

    /** How long-running steps show their progress on standard error. */
    public enum Progress {
        /** Redrawn bars: standard error is a terminal. */
        BARS,
        /** One plain line every 10 seconds or 10 %: standard error is a file, a pipe or a CI log. */
        LINES,
        /** Nothing. */
        OFF;

        /**
         * @param stderrIsTerminal whether standard error is a terminal
         * @param environment      {@code VLMETA_PROGRESS=bars|lines|off} overrides the choice
         */
        public static Progress decide(boolean stderrIsTerminal, Map<String, String> environment) {
            String forced = environment.getOrDefault("VLMETA_PROGRESS", "").strip().toUpperCase(java.util.Locale.ROOT);
            for (Progress progress : values()) {
                if (progress.name().equals(forced)) {
                    return progress;
                }
            }
            return stderrIsTerminal && !"dumb".equals(environment.get("TERM")) ? BARS : LINES;
        }
    }

    public CliContext {
        environment = Map.copyOf(environment);
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(stops, "stops");
        Objects.requireNonNull(origin, "origin");
    }

    /** A context for the user's command line. */
    public CliContext(Map<String, String> environment, PrintStream out, PrintStream err, boolean terminal,
                      Path home, InputStream in, Progress progress, StopControl stops) {
        this(environment, out, err, terminal, home, in, progress, stops, Origin.COMMAND_LINE);
    }

    /** @return this context for the commands the demo runs for the user */
    CliContext insideDemo() {
        return new CliContext(environment, out, err, terminal, home, in, progress, stops, Origin.DEMO);
    }

    /** A context whose jobs nobody can stop. */
    public CliContext(Map<String, String> environment, PrintStream out, PrintStream err, boolean terminal,
                      Path home, InputStream in, Progress progress) {
        this(environment, out, err, terminal, home, in, progress, StopControl.NONE);
    }

    /** A context whose progress follows {@code terminal}: bars on a terminal, plain lines elsewhere. */
    public CliContext(Map<String, String> environment, PrintStream out, PrintStream err, boolean terminal,
                      Path home, InputStream in, StopControl stops) {
        this(environment, out, err, terminal, home, in, terminal ? Progress.BARS : Progress.LINES, stops);
    }

    /** A context whose jobs nobody can stop, with progress following {@code terminal}: what in-process runs get. */
    public CliContext(Map<String, String> environment, PrintStream out, PrintStream err, boolean terminal,
                      Path home, InputStream in) {
        this(environment, out, err, terminal, home, in, StopControl.NONE);
    }

    /** A context whose standard input is empty and whose jobs nobody can stop. */
    public CliContext(Map<String, String> environment, PrintStream out, PrintStream err, boolean terminal,
                      Path home) {
        this(environment, out, err, terminal, home, InputStream.nullInputStream(), StopControl.NONE);
    }

    /** A context whose standard input is empty. */
    public CliContext(Map<String, String> environment, PrintStream out, PrintStream err, boolean terminal,
                      Path home, StopControl stops) {
        this(environment, out, err, terminal, home, InputStream.nullInputStream(), stops);
    }

    /** @return the environment variable, when set and not blank */
    public Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }

    /**
     * @return how the user called vlmeta, for commands it prints them to run next: {@code VLMETA_PROGRAM}
     *     as the start scripts set it ({@code ./vlmeta}, {@code vlmeta}, a path), quoted for a POSIX shell
     *     when it needs it; {@code vlmeta} when it is not set ({@code java -jar})
     */
    public String program() {
        return ResumeCommand.quote(env("VLMETA_PROGRAM").orElse(ResumeCommand.PROGRAM)); // env skips blanks
    }
}

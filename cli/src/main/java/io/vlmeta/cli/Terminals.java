package io.vlmeta.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Whether standard error is a terminal. Java 17 only says whether a console is attached, which needs
 * standard input and output to be terminals too, so a piped stdout hid the bars and {@code 2> file}
 * could not be told apart; {@code test -t 2} (POSIX) answers for standard error itself.
 */
final class Terminals {
    /** Linux's link to the file standard error is open on (proc(5)): {@code /dev/pts/3}, {@code pipe:[4711]}, ... */
    private static final Path PROC_STDERR = Path.of("/proc/self/fd/2");

    private Terminals() {
    }

    /**
     * @param fdLink a {@code /proc/PID/fd/N} link
     * @return true when the link names something that is never a terminal: a pipe or socket
     *     ({@code pipe:[4711]}), a file outside {@code /dev}, or {@code /dev/null}; false when it names another
     *     device, or cannot be read (no {@code /proc}), and only the terminal test can tell
     */
    static boolean notATerminal(Path fdLink) {
        try {
            String target = Files.readSymbolicLink(fdLink).toString();
            return !target.startsWith("/dev/") || target.equals("/dev/null");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /**
     * Runs {@code sh -c '[ -t 2 ]'} with this process's standard error inherited, so the test sees the
     * same file descriptor. On Windows, or when no shell runs, falls back to {@code System.console()}.
     * Where Linux names the file standard error is open on ({@code /proc/self/fd/2}) and that name rules a
     * terminal out, says so without starting the shell, which costs a process on every run.
     */
    static boolean stderrIsTerminal() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return System.console() != null;
        }
        if (notATerminal(PROC_STDERR)) {
            return false;
        }
        try {
            Process test = new ProcessBuilder("sh", "-c", "[ -t 2 ]").redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            test.getOutputStream().close();
            if (!test.waitFor(5, TimeUnit.SECONDS)) {
                test.destroyForcibly();
                return false;
            }
            return test.exitValue() == 0;
        } catch (IOException e) {
            return System.console() != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * @return the width of the terminal standard error is on ({@code COLUMNS}, else {@code stty size}
     *     read from standard error), or 80 when neither says
     */
    static int stderrColumns(java.util.Map<String, String> environment) {
        try {
            int columns = Integer.parseInt(environment.getOrDefault("COLUMNS", "").strip());
            if (columns >= 20) {
                return columns;
            }
        } catch (NumberFormatException e) {
            // not set: ask the terminal
        }
        try {
            Process stty = new ProcessBuilder("sh", "-c", "stty size <&2 2>/dev/null").redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String answer = new String(stty.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            if (stty.waitFor(5, TimeUnit.SECONDS) && stty.exitValue() == 0) {
                String[] rowsAndColumns = answer.strip().split("\\s+");
                int columns = Integer.parseInt(rowsAndColumns[rowsAndColumns.length - 1]);
                if (columns >= 20) {
                    return columns;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not a terminal after all, or no stty: the usual width
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 80;
    }
}

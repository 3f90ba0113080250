package io.vlmeta.cli;

import io.vlmeta.api.TempFolder;
import io.vlmeta.engine.Stops;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * INT and TERM for a {@code validate} or {@code upload} before its job takes them over ({@link StopSignals}):
 * while the command line is read, a {@code --plan} applied and standard input copied. Nothing has been sent
 * then, so the process ends at once, as every stop does: exit 130 (not the 143 Java's own handler gives
 * SIGTERM), the copy of standard input deleted (the user's metadata), and under {@code --json} the
 * {@code "stopped"} document a script reads. Other commands keep Java's handling: the emulator, for one,
 * stops through its shutdown hooks.
 */
final class EarlySignals {
    private static final Set<String> JOB_COMMANDS = Set.of("validate", "upload");

    private EarlySignals() {
    }

    /**
     * Installs the handlers when {@code args} run a job; {@link StopSignals#start} replaces them.
     *
     * @param args the command line as given to {@code main}
     * @return whether they were installed
     */
    static boolean installFor(String[] args, PrintStream out, PrintStream err) {
        List<String> words = List.of(args);
        String command = words.stream().filter(word -> !word.startsWith("-")).findFirst().orElse(null);
        if (command == null || !JOB_COMMANDS.contains(command)) { // --version, --help, nothing at all
            return false;
        }
        int endOfOptions = words.indexOf("--");
        boolean json = (endOfOptions < 0 ? words : words.subList(0, endOfOptions)).contains("--json");
        SignalHandler handler = signal -> {
            String message = "Stopped (SIG" + signal.getName() + ") before the job started: nothing was sent.";
            err.println();
            err.println(message);
            err.flush();
            if (json) {
                JsonSummary.printError(message, Stops.EXIT_CODE, out);
            }
            TempFolder.closeAll();
            Runtime.getRuntime().halt(Stops.EXIT_CODE);
        };
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), handler);
            } catch (IllegalArgumentException e) {
                // not a signal on this platform, or the JVM runs with -Xrs: the default action stays
            }
        }
        return true;
    }
}

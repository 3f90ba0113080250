package io.vlmeta.cli;

import java.io.PrintStream;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * INT and TERM for a {@code validate} or {@code upload} before its job takes them over ({@link StopSignals}):
 * while the command line is read, a {@code --plan} applied and standard input copied; and for the whole of an
 * {@code export} or a {@code plan}, which send no metadata. Nothing has been sent then, so the process ends at
 * once, as every stop does: exit 130 (not the 143 Java's own handler gives SIGTERM), the copy of standard input
 * and a file not yet moved into place deleted, and under {@code --json} the {@code "stopped"} document a script
 * reads. Other commands keep Java's handling: the emulator, for one, stops through its shutdown hooks.
 */
final class EarlySignals {
    private EarlySignals() {
    }

    /**
     * Installs the handlers when {@code args} run a job; {@link StopSignals#start} replaces them.
     *
     * @param args the command line as given to {@code main}
     * @return whether they were installed
     */
    static boolean installFor(String[] args, PrintStream out, PrintStream err) {
        String command = Cli.commandNamed(args);
        String stopped = switch (command) {
            case "upload", "validate" -> "before the job started: nothing was sent.";
            // their files are drafts moved into place whole: a halt deletes an unfinished one (StopSignals#halt)
            case "export", "plan" -> "before the " + command + " ended: no half-written file is left.";
            default -> null; // another command, --version, --help, nothing at all
        };
        if (stopped == null) {
            return false;
        }
        boolean json = Cli.asksForJson(args);
        SignalHandler handler = signal -> {
            if (json && !StdoutClaim.PROCESS.claimForAForcedStop()) {
                return; // the run is writing its own document (a refusal, an export's) and ends with it
            }
            String message = "Stopped (SIG" + signal.getName() + ") " + stopped;
            if (json) {
                JsonSummary.printForcedStop(message, out);
            }
            err.println();
            StopSignals.halt(err, StopDocument.NONE, message); // the document, if asked for, is written above
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

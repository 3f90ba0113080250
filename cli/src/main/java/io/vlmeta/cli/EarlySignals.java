package io.vlmeta.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicReference;
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
    /** Who writes the one {@code --json} document of this process. */
    private enum Stdout { FREE, JOB, EARLY_STOP }

    private static final AtomicReference<Stdout> STDOUT = new AtomicReference<>(Stdout.FREE);

    /**
     * Claims standard output for the run's own document (its summary, or its refusal), once and for all.
     *
     * @return false when an early stop has claimed it first: the run must write nothing there
     */
    static boolean stdoutToTheJob() {
        return STDOUT.compareAndSet(Stdout.FREE, Stdout.JOB) || STDOUT.get() == Stdout.JOB;
    }

    /**
     * Waits, when an early stop has claimed standard output, for it to write its document and halt the
     * process: a run that exits first would cut the document off. Returns at once otherwise.
     */
    static void yieldToAnEarlyStop() {
        if (STDOUT.get() != Stdout.EARLY_STOP) {
            return;
        }
        try {
            Thread.sleep(10_000); // the handler halts the process long before
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private EarlySignals() {
    }

    /**
     * Installs the handlers when {@code args} run a job; {@link StopSignals#start} replaces them.
     *
     * @param args the command line as given to {@code main}
     * @return whether they were installed
     */
    static boolean installFor(String[] args, PrintStream out, PrintStream err) {
        if (!Cli.runsAJob(args)) { // another command, --version, --help, nothing at all
            return false;
        }
        boolean json = Cli.asksForJson(args);
        SignalHandler handler = signal -> {
            if (json && !STDOUT.compareAndSet(Stdout.FREE, Stdout.EARLY_STOP)) {
                return; // the run is writing its own document (a refusal) and ends with it
            }
            String message = "Stopped (SIG" + signal.getName() + ") before the job started: nothing was sent.";
            if (json) {
                JsonSummary.printEarlyStop(message, out);
            }
            err.println();
            StopSignals.halt(err, message);
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

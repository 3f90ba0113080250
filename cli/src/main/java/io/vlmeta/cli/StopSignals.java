package io.vlmeta.cli;

import io.vlmeta.api.TempFolder;
import io.vlmeta.engine.Stops;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM for a running job. The first signal asks the job to stop: the engine
 * stops reading the source and declaring fields, the sink lets the requests in flight finish and
 * writes their outcome to the journal, and the command prints the {@code --resume} command and exits
 * 130. A job that sends nothing (a validation, a dry run) stops at its next row and exits 130 with its
 * usual error output ({@code --json} included), saying that nothing was sent; one still running after
 * {@link #NOTHING_SENT_GRACE} (reading a large export, say) ends at once. A second signal, or a job still
 * running {@link #grace} after the first, ends the process at once
 * (still 130); the journal's write-ahead records let {@code --resume} settle the requests cut off.
 *
 * <p>Why {@code sun.misc.Signal} and not a shutdown hook: once a signal starts the JVM's shutdown, the
 * hooks run while the job's threads keep going, the process exits as soon as the hooks return, a
 * second Ctrl-C is ignored, and a {@code System.exit(130)} from the job's thread would block for
 * ever. Only a signal handler turns the signal into a request the job answers at its own pace, with
 * the exit code and the second-signal abort this needs. {@code sun.misc.Signal} is in the
 * {@code jdk.unsupported} module, exported to every class-path program on purpose for this use.
 */
final class StopSignals implements StopControl {
    /**
     * How long the job may take to end after the first signal before the process ends at once: longer
     * than the Visual Layer sink's own wait for its requests in flight ({@code cancel-wait-ms}, 30 s by
     * default), so the sink settles them and writes the journal before this bound is reached.
     */
    static final Duration GRACE = Duration.ofSeconds(45);
    /** How long a job that sends nothing may take to end after the first signal: nothing waits to be settled. */
    static final Duration NOTHING_SENT_GRACE = Duration.ofSeconds(5);

    private final Duration grace;

    StopSignals(Duration grace) {
        this.grace = grace;
    }

    @Override
    public JobStop start(PrintStream err, String resumeCommand) {
        AtomicInteger signals = new AtomicInteger();
        // set only once the first signal's notice is printed: a job that ends at once on the request (one
        // between two checks of a short stage) would otherwise exit before the notice, which is then lost
        AtomicBoolean stopRequested = new AtomicBoolean();
        AtomicBoolean ended = new AtomicBoolean();
        Duration wait = resumeCommand == null && grace.compareTo(NOTHING_SENT_GRACE) > 0 ? NOTHING_SENT_GRACE : grace;
        SignalHandler handler = signal -> {
            if (ended.get()) {
                // the job is over and only its output is being written: the user wants that to stop too
                halt(err, "Stopped at once (SIG" + signal.getName() + "), after the job had ended: its output "
                        + "may be cut short.");
            } else if (signals.incrementAndGet() == 1) {
                err.println();
                err.println("Stopping (SIG" + signal.getName() + "): " + (resumeCommand == null
                        ? "nothing is sent in this job; it ends at its next row, within " + wait.toSeconds() + " s."
                        : "no new batch is started; waiting up to " + wait.toSeconds()
                                + " s for the requests in flight.") + " Press Ctrl-C again to stop at once.");
                err.flush();
                stopRequested.set(true);
                watchdog(err, resumeCommand, wait, ended);
            } else {
                abort(err, "Stopped at once (second signal).", resumeCommand);
            }
        };
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), handler);
            } catch (IllegalArgumentException e) {
                // not a signal on this platform, or the JVM runs with -Xrs: the default action stays
            }
        }
        return new JobStop() {
            @Override
            public boolean requested() {
                return stopRequested.get();
            }

            @Override
            public void ended() {
                ended.set(true);
            }
        };
    }

    private static void watchdog(PrintStream err, String resumeCommand, Duration wait, AtomicBoolean ended) {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (ended.get()) {
                return; // the job did end in time; what is left is its output
            }
            abort(err, resumeCommand == null ? "Stopped at once: the job did not end within " + wait.toSeconds() + " s."
                    : "Stopped at once: the requests in flight did not finish within " + wait.toSeconds() + " s.",
                    resumeCommand);
        }, "vlmeta-stop-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Ends a job that is still running, at once.
     *
     * @param resumeCommand the command that continues the job; {@code null} when there is nothing to continue
     */
    private static void abort(PrintStream err, String why, String resumeCommand) {
        if (resumeCommand == null) {
            halt(err, why + " Nothing was sent.");
        } else {
            halt(err, why + " The journal records every request that was started; to continue, run:",
                    "  " + resumeCommand);
        }
    }

    /**
     * Says why, then halts without shutdown hooks or waiting for any thread: the user asked for it.
     *
     * @param lines printed one by one: {@code err} shows a line break inside a line as an escape
     */
    private static void halt(PrintStream err, String... lines) {
        for (String line : lines) {
            err.println(line);
        }
        err.flush();
        TempFolder.closeAll(); // copies of standard input, batch files: the user's metadata
        Runtime.getRuntime().halt(Stops.EXIT_CODE);
    }
}

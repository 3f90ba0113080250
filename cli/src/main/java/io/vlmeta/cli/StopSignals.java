package io.vlmeta.cli;

import io.vlmeta.api.FileDrafts;
import io.vlmeta.api.TempFolder;
import io.vlmeta.engine.Stops;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * (still 130), printing the resume command with its notes; the journal's write-ahead records let
 * {@code --resume} settle the requests cut off. Under {@code --json} such a forced stop leaves the
 * {@code stopped} document on standard output, its {@code error} the lines it printed, unless the job's own
 * document has started there ({@link StdoutClaim}). A signal that comes once the job has ended lets its output
 * (the summary, the {@code --json} document) be finished with the job's exit code; a second one cuts it
 * short ({@link StopPhase}).
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
    public JobStop start(PrintStream err, ResumeCommand resume, StopDocument document) {
        JobPhase phase = new JobPhase();
        // set only once the first signal's notice is printed: a job that ends at once on the request (one
        // between two checks of a short stage) would otherwise exit before the notice, which is then lost
        AtomicBoolean stopRequested = new AtomicBoolean();
        Duration wait = resume == null && grace.compareTo(NOTHING_SENT_GRACE) > 0 ? NOTHING_SENT_GRACE : grace;
        SignalHandler handler = signal -> {
            StopPhase.Reaction reaction = phase.signalled();
            String name = "SIG" + signal.getName();
            switch (reaction) {
                case ASK_TO_STOP -> {
                    err.println();
                    err.println("Stopping (" + name + "): " + (resume == null
                            ? "nothing is sent in this job; it ends at its next row, within " + wait.toSeconds() + " s."
                            : "no new batch is started; waiting up to " + wait.toSeconds()
                                    + " s for the requests in flight.") + " Press Ctrl-C again to stop at once.");
                    err.flush();
                    stopRequested.set(true);
                    watchdog(err, document, resume, wait, phase);
                }
                case ABORT_JOB -> abort(err, document, "Stopped at once (second signal).", resume);
                case FINISH_OUTPUT -> {
                    err.println();
                    err.println("The job had already ended when " + name + " came: its output is being finished, "
                            + "and the exit code is the job's. Press Ctrl-C again to cut the output short.");
                    err.flush();
                }
                case CUT_OUTPUT -> cutOutput(err, document, name, resume);
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
                phase.ended();
            }
        };
    }

    /** The job's {@link StopPhase}, moved on by its signals, its end and the watchdog, one at a time. */
    private static final class JobPhase {
        private StopPhase phase = new StopPhase.Running();

        /** @return what the signal that just came does */
        synchronized StopPhase.Reaction signalled() {
            StopPhase.Reaction reaction = phase.onSignal();
            phase = phase.afterSignal();
            return reaction;
        }

        synchronized void ended() {
            phase = phase.afterEnd();
        }

        /** Runs {@code action} if the job is still stopping, the job unable to end meanwhile. */
        synchronized void ifStillStopping(Runnable action) {
            if (phase instanceof StopPhase.Stopping) {
                action.run();
            }
        }
    }

    private static void watchdog(PrintStream err, StopDocument document, ResumeCommand resume, Duration wait,
                                 JobPhase phase) {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            // a job that did end in time is left to write its output
            phase.ifStillStopping(() -> abort(err, document, resume == null
                    ? "Stopped at once: the job did not end within " + wait.toSeconds() + " s."
                    : "Stopped at once: the requests in flight did not finish within " + wait.toSeconds() + " s.",
                    resume));
        }, "vlmeta-stop-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    /** Ends the process while an ended job's output is written: an upload's may not have said how to go on. */
    private static void cutOutput(PrintStream err, StopDocument document, String signal, ResumeCommand resume) {
        String why = "Stopped at once (" + signal + "), after the job had ended: its output may be cut short.";
        haltWith(err, document, resume == null ? why : why + " The journal says where each field stands; to finish "
                + "what is left, if anything, run:", resume);
    }

    /**
     * Ends a job that is still running, at once.
     *
     * @param resume the command that continues the job and its notes; {@code null} when there is nothing to
     *               continue
     */
    private static void abort(PrintStream err, StopDocument document, String why, ResumeCommand resume) {
        haltWith(err, document, resume == null ? why + " Nothing was sent." : why + " The journal records every "
                + "request that was started; to continue, run:", resume);
    }

    /** Halts after {@code why} and, when there is one, the resume command with its notes, one per line. */
    private static void haltWith(PrintStream err, StopDocument document, String why, ResumeCommand resume) {
        List<String> lines = new ArrayList<>(List.of(why));
        if (resume != null) {
            lines.add("  " + resume.command());
            resume.notes().forEach(note -> lines.add("  (" + note + ")"));
        }
        halt(err, document, lines.toArray(String[]::new));
    }

    /**
     * Says why, leaves the document a script reads, then halts without shutdown hooks or waiting for any thread:
     * the user asked for it.
     *
     * @param document what standard output gets: the same lines as a {@code stopped} document under
     *                 {@code --json} when nothing else is written there
     * @param lines    printed one by one: {@code err} shows a line break inside a line as an escape
     */
    static void halt(PrintStream err, StopDocument document, String... lines) {
        for (String line : lines) {
            err.println(line);
        }
        err.flush();
        document.writeFor(List.of(lines));
        TempFolder.closeAll(); // copies of standard input, batch files: the user's metadata
        FileDrafts.deleteUnfinished(); // an export, a plan or a report not yet moved into place
        Runtime.getRuntime().halt(Stops.EXIT_CODE);
    }
}

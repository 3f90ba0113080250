package io.vlmeta.emulator;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;

/** What a run of {@code vlmeta emulator} that ended by itself printed, and its exit code. */
record EndedRun(int exitCode, String out, String err) {

    /** Runs the command to its end, which a refusal reaches at once; a run still going after 60 s is stopped. */
    static EndedRun of(String... args) throws InterruptedException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exitCode = new AtomicInteger(-1);
        CommandLine command = new CommandLine(new EmulatorCommand()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        Thread thread = new Thread(() -> exitCode.set(command.execute(args)));
        thread.start();
        thread.join(60_000);
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(10_000);
            throw new AssertionError("still running, not refused: " + out + err);
        }
        return new EndedRun(exitCode.get(), out.toString(), err.toString());
    }

    /** @return the first line on standard error; fails when there is none */
    String firstErrorLine() {
        return err.lines().findFirst().orElseThrow(() -> new AssertionError("nothing on stderr; out: " + out));
    }
}

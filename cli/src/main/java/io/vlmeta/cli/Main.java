package io.vlmeta.cli;

import java.nio.file.Path;

/** The {@code vlmeta} program: reads the environment once and runs the command line. */
public final class Main {
    private Main() {
    }

    /** @param args the command line */
    public static void main(String[] args) {
        EarlySignals.installFor(args, System.out, System.err);
        CliContext context = new CliContext(System.getenv(), System.out, System.err, System.console() != null,
                Path.of(System.getProperty("user.home")), System.in,
                CliContext.Progress.decide(Terminals.stderrIsTerminal(), System.getenv()),
                new StopSignals(StopSignals.GRACE));
        int exitCode;
        try {
            exitCode = Cli.execute(context, args);
        } catch (OutOfMemoryError e) {
            // an Error passes picocli's handler; the heap freed by unwinding is enough to say this
            System.err.println(OutOfMemoryAdvice.message(Runtime.getRuntime().maxMemory()));
            exitCode = 1;
        }
        StdoutClaim.PROCESS.yieldToAForcedStop(); // a stop that came as the run ended is finishing its output
        System.exit(exitCode);
    }
}

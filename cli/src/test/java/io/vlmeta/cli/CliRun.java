package io.vlmeta.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real command line run in-process, with captured streams and an injected environment.
 *
 * @param exitCode the exit code
 * @param out      what went to standard output
 * @param err      what went to standard error
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(Map<String, String> environment, Path home, String... args) {
        return withInput(new byte[0], environment, home, args);
    }

    /** Runs with {@code stdin} as standard input. */
    static CliRun withInput(byte[] stdin, Map<String, String> environment, Path home, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int exit = Cli.execute(new CliContext(environment, outStream, errStream, false, home,
                    new ByteArrayInputStream(stdin)), args);
            return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** @return both streams, for failure messages */
    String both() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}

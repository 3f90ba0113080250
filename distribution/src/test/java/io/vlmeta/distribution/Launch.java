package io.vlmeta.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program run as a user would run it, in a clean environment: only the variables given (no inherited
 * PATH, JAVA_HOME or MAVEN_HOME), its streams captured.
 *
 * @param exitCode the exit code
 * @param out      standard output
 * @param err      standard error
 */
record Launch(int exitCode, String out, String err) {

    static Launch run(Path workDir, Map<String, String> environment, List<String> command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir.getParent(), "out", ".txt");
        Path err = Files.createTempFile(workDir.getParent(), "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("still running after 5 minutes: " + command);
        }
        return new Launch(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    static Launch run(Path workDir, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        return run(workDir, environment, new ArrayList<>(List.of(command)));
    }

    /** @return both streams, for failure messages */
    String both() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}

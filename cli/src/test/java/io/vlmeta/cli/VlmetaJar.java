package io.vlmeta.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar, launched as users launch it: {@code java -jar cli/target/vlmeta.jar ...}, with
 * no {@code VL_*} variables inherited and both streams written to files in {@code streams}.
 */
final class VlmetaJar {
    static final Path JAR = Path.of(System.getProperty("vlmeta.jar", "target/vlmeta.jar")).toAbsolutePath();

    /** @param exitCode the exit code, out and err the process's streams */
    record Launch(int exitCode, String out, String err) {
        String both() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** A launched process whose streams go to {@code out} and {@code err}. */
    record Started(Process process, Path out, Path err) {
        Launch await() throws IOException, InterruptedException {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("vlmeta did not finish: " + process.info().commandLine().orElse(""));
            }
            return new Launch(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }
    }

    private VlmetaJar() {
    }

    static Started start(Path workingDir, Path streams, List<String> args) throws IOException {
        return start(workingDir, streams, List.of(), args);
    }

    /** @param jvmOptions options for the JVM, before {@code -jar} (a heap limit, say) */
    static Started start(Path workingDir, Path streams, List<String> jvmOptions, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(args);
        Files.createDirectories(streams);
        Path out = Files.createTempFile(streams, "out", ".txt");
        Path err = Files.createTempFile(streams, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("VL_"));
        return new Started(builder.start(), out, err);
    }

    static Launch run(Path workingDir, Path streams, List<String> args) throws IOException, InterruptedException {
        return start(workingDir, streams, args).await();
    }
}

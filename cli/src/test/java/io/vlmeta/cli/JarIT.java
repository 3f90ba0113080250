package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, launched as users launch it: {@code java -jar cli/target/vlmeta.jar ...}. */
class JarIT {
    private static final Path JAR = Path.of(System.getProperty("vlmeta.jar", "target/vlmeta.jar")).toAbsolutePath();

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    /** @param exitCode the exit code, out and err the process's streams */
    private record Launch(int exitCode, String out, String err) {
        String both() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Launch launch(Path workingDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("VL_"));
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("vlmeta did not finish: " + command);
        }
        return new Launch(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void printsItsVersion() throws Exception {
        Launch run = launch(dir, "--version");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).startsWith("vlmeta 0.1.0");
    }

    @Test
    void findsEveryModulesPluginsThroughTheMergedServiceFiles() throws Exception {
        Launch run = launch(dir, "plugins");

        assertThat(run.exitCode()).as(run.both()).isZero();
        for (String plugin : List.of("csv", "xlsx", "dicom-sidecar", "string", "float", "datetime", "enum",
                "multi-enum", "link", "visual-layer", "report")) {
            assertThat(run.out()).containsPattern("(?m)^\\S+ +" + plugin + " +vlmeta\\.jar ");
        }
    }

    @Test
    void runsTheDemoFromAnyFolderWithTheBundledExamples() throws Exception {
        Launch run = launch(dir, "demo");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("the bundled examples").contains("Successfully uploaded: 6/6 fields");
    }

    @Test
    void uploadsAndRefusesLikeTheInProcessCommand() throws Exception {
        EMULATOR.emulator().addDataset("from-jar", Examples.filenames());
        List<String> args = new ArrayList<>(List.of("upload", "--csv", Examples.METADATA.toString(), "--dataset-id",
                "from-jar", "--base-url", EMULATOR.emulator().baseUrl()));
        args.addAll(Examples.typeFlags());

        Launch uploaded = launch(dir, args.toArray(String[]::new));
        Launch usage = launch(dir, "upload", "--no-such-flag");

        assertThat(uploaded.exitCode()).as(uploaded.both()).isZero();
        assertThat(uploaded.out()).endsWith("Successfully uploaded: 6/6 fields\n");
        assertThat(EMULATOR.emulator().schema("from-jar")).hasSize(6);
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).startsWith("Unknown option: '--no-such-flag'");
    }
}

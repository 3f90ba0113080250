package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code ./vlmeta} launcher script, run by bash in a copy of the checkout's layout, with {@code mvn}
 * and {@code java} on the PATH replaced by scripts that record how they were called.
 */
class LauncherTest {
    private static final Path SCRIPT = Path.of("../vlmeta").toAbsolutePath().normalize();
    /** the downloads' start script, which the launcher runs the jar through */
    private static final String START_SCRIPT = "distribution/src/bin/vlmeta";
    private static final Instant BUILT = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path root;
    private Path jar;
    private Path calls;
    private Path bin;
    /** the launcher's TMPDIR, where its build log goes */
    private Path tmp;

    @BeforeEach
    void checkout() throws IOException {
        Files.copy(SCRIPT, root.resolve("vlmeta"));
        executable(root.resolve("vlmeta"));
        calls = root.resolve("calls.txt");
        bin = Files.createDirectories(root.resolve("fake-bin"));
        tmp = Files.createDirectories(root.resolve("tmp"));
        // the fake mvn prints colour codes and chatter like the real one; none of it may reach the user
        Files.writeString(bin.resolve("mvn"), "#!/usr/bin/env bash\necho \"mvn $*\" >> " + calls + "\n"
                + "printf '\\033[1;34m[INFO]\\033[m Building\\n'\nmkdir -p cli/target && echo jar > cli/target/vlmeta.jar\n");
        // answers the start script's version check as a Java 17 does, then records how it was run
        Files.writeString(bin.resolve("java"), "#!/usr/bin/env bash\nif [ \"$1\" = -version ]; then echo "
                + "'openjdk version \"17.0.1\" 2021-10-19' >&2; exit 0; fi\necho \"java $*\" >> " + calls + "\n");
        executable(bin.resolve("mvn"));
        executable(bin.resolve("java"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Path startScript = root.resolve(START_SCRIPT);
        Files.createDirectories(startScript.getParent());
        Files.copy(SCRIPT.resolveSibling(START_SCRIPT), startScript);
        Files.createDirectories(root.resolve("api/src/main/java"));
        Files.writeString(root.resolve("api/src/main/java/Api.java"), "class Api {}");
        jar = Files.createDirectories(root.resolve("cli/target")).resolve("vlmeta.jar");
        Files.writeString(jar, "jar");
        for (Path file : new Path[] {root.resolve("pom.xml"), root.resolve("api/src/main/java/Api.java"), startScript}) {
            Files.setLastModifiedTime(file, FileTime.from(BUILT.minusSeconds(60)));
        }
        Files.setLastModifiedTime(jar, FileTime.from(BUILT));
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int exitCode, String err, String calls) {
    }

    private Run launch() throws IOException, InterruptedException {
        return launch(root.resolve("err.txt"), true);
    }

    /**
     * Runs the launcher with {@code --version}.
     *
     * @param takeCalls whether to read and clear the recorded calls; runs at the same time leave them to the caller
     */
    private Run launch(Path err, boolean takeCalls) throws IOException, InterruptedException {
        Process process = start(err);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String called = takeCalls && Files.exists(calls) ? Files.readString(calls, StandardCharsets.UTF_8) : "";
        if (takeCalls) {
            Files.deleteIfExists(calls);
        }
        return new Run(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8), called);
    }

    /** Starts the launcher with {@code --version}, its temporary files in {@link #tmp}. */
    private Process start(Path err) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("vlmeta").toString(), "--version")
                .directory(root.toFile()).redirectErrorStream(false).redirectError(err.toFile())
                .redirectOutput(root.resolve("out.txt").toFile());
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("TMPDIR", tmp.toString());
        builder.environment().remove("JAVA_HOME"); // the start script would take the real one from there
        return builder.start();
    }

    /**
     * @return the java command the start script runs: its defaults (JvmDefaultsIT checks which, and when), then
     *         the jar and the arguments
     */
    private Pattern ranTheJar() {
        return Pattern.compile("java -Xlog:all=off:stdout -Xlog:all=warning:stderr -XX:\\+UseSerialGC( -XX:MaxNewSize=96m)?"
                + "( -XX:\\+UseTransparentHugePages)? -jar " + Pattern.quote(jar.toString()) + " --version");
    }

    @Test
    void runsTheJarWithoutBuildingWhenNothingChangedSinceItWasBuilt() throws Exception {
        Run run = launch();

        assertThat(run.exitCode()).isZero();
        assertThat(run.calls()).doesNotContain("mvn").containsPattern(ranTheJar());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void rebuildsQuietlyWhenASourceIsNewerThanTheJarAsAfterAGitPull() throws Exception {
        Files.setLastModifiedTime(root.resolve("api/src/main/java/Api.java"), FileTime.from(BUILT.plusSeconds(60)));

        Run run = launch();

        assertThat(run.exitCode()).isZero();
        assertThat(run.calls()).contains("mvn -B -q").contains("-Dstyle.color=never").contains("-DskipTests")
                .containsPattern(ranTheJar());
        assertThat(run.err()).isEqualTo("Building vlmeta (api/src/main/java/Api.java changed)...\n")
                .doesNotContain("\u001b").doesNotContain("[INFO]");
        assertThat(tmp).as("the build log").isEmptyDirectory();
        assertThat(launch().calls()).as("built once, then up to date").doesNotContain("mvn");
    }

    @Test
    void runsStartedTogetherAfterAChangeBuildOnceAndAllRunTheJar() throws Exception {
        Files.setLastModifiedTime(root.resolve("api/src/main/java/Api.java"), FileTime.from(BUILT.plusSeconds(60)));
        // a build that takes a while, as a real one does: the others start while it runs
        Files.writeString(bin.resolve("mvn"), "#!/usr/bin/env bash\necho \"mvn $*\" >> " + calls + "\nsleep 2\n"
                + "mkdir -p cli/target && echo jar > cli/target/vlmeta.jar\n");

        List<CompletableFuture<Run>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(CompletableFuture.supplyAsync(this::launchUnchecked));
        }
        List<Run> done = runs.stream().map(CompletableFuture::join).toList();

        assertThat(done).allSatisfy(run -> assertThat(run.exitCode()).as(run.err()).isZero());
        String called = Files.readString(calls, StandardCharsets.UTF_8);
        assertThat(called.lines().filter(line -> line.startsWith("mvn "))).as(called).hasSize(1);
        assertThat(called.lines().filter(line -> line.startsWith("java "))).as(called).hasSize(3);
    }

    @Test
    void aRunKilledMidBuildLeavesTheLockToItsBuildAndTheNextRunWaitsForIt() throws Exception {
        Files.delete(jar);
        // a build that outlives the run that started it (killed with -9): it still holds the lock
        Files.writeString(bin.resolve("mvn"), "#!/usr/bin/env bash\necho \"mvn $*\" >> " + calls + "\n"
                + "kill -9 $PPID\nsleep 2\nmkdir -p cli/target && echo jar > cli/target/vlmeta.jar\n");
        Run killed = launch(root.resolve("killed err.txt"), false);
        // 137 when Maven's parent is the launcher itself, 1 when it is the launcher's subshell
        assertThat(killed.exitCode()).isIn(137, 1);

        Run next = launch();

        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(next.err()).contains("Waiting for another run's build of vlmeta to finish...")
                .doesNotContain("Building vlmeta");
        assertThat(next.calls()).containsOnlyOnce("mvn -B -q").containsPattern(ranTheJar());
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aRunStoppedMidBuildRemovesItsBuildLogAndStillEndsByTheSignal(String signal) throws Exception {
        Files.delete(jar);
        Path building = root.resolve("building");
        // a build far longer than the test waits: the signal must stop it, not wait for its end
        Files.writeString(bin.resolve("mvn"), "#!/usr/bin/env bash\ntouch '" + building + "'\nexec sleep 60\n");
        Process run = start(root.resolve("err.txt"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(building) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(building).as("the build started").exists();
        assertThat(tmp).isNotEmptyDirectory(); // its log

        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(run.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(run.waitFor(20, TimeUnit.SECONDS)).as("stopped before its build would have ended").isTrue();

        // 128 + the signal's number: what a shell reports for a process the signal ended
        assertThat(run.exitValue()).isEqualTo(signal.equals("INT") ? 130 : 143);
        assertThat(Files.readString(root.resolve("err.txt"), StandardCharsets.UTF_8))
                .endsWith("vlmeta: the build was stopped; the next run builds again.\n");
        assertThat(tmp).isEmptyDirectory();
        assertThat(calls).doesNotExist(); // the jar was not run
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aRunStoppedWhileWaitingForAnotherBuildEndsByTheSignalAndLeavesNoFlockWaiting(String signal)
            throws Exception {
        Files.delete(jar);
        Path lock = Files.createDirectories(root.resolve("cli/target")).resolve(".vlmeta-build.lock");
        Path held = root.resolve("held");
        // another run's build, holding the lock as the launcher does: on an open file of its own
        Process holder = new ProcessBuilder("bash", "-c", "exec 8>>'" + lock + "'; flock 8; touch '" + held
                + "'; exec sleep 60").start();
        try {
            waitFor(() -> Files.exists(held), "the other build holds the lock");
            Path err = root.resolve("err.txt");
            Process run = start(err);
            waitFor(() -> Files.readString(err, StandardCharsets.UTF_8).contains("Waiting for another run's build"),
                    "the run waits for the lock");

            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(run.pid())).inheritIO().start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(run.waitFor(20, TimeUnit.SECONDS)).as("stopped while the lock is still held").isTrue();

            assertThat(run.exitValue()).isEqualTo(signal.equals("INT") ? 130 : 143);
            assertThat(Files.readString(err, StandardCharsets.UTF_8))
                    .endsWith("vlmeta: stopped while waiting for the other run's build; nothing was run.\n");
            waitFor(() -> waitingFlocks(lock).isEmpty(), "no flock left waiting for the lock");
            assertThat(calls).doesNotExist(); // neither built nor run
        } finally {
            holder.destroyForcibly();
        }
    }

    /** @return the pids of {@code flock 9} processes whose descriptor 9 is {@code lock}: a launcher's wait */
    private static List<Long> waitingFlocks(Path lock) throws IOException {
        List<Long> waiting = new ArrayList<>();
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String command = Files.readString(process.resolve("cmdline"), StandardCharsets.UTF_8);
                    if (command.equals("flock\u00009\u0000")
                            && Files.readSymbolicLink(process.resolve("fd/9")).equals(lock.toRealPath())) {
                        waiting.add(Long.parseLong(process.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // ended meanwhile, or not ours to read
                }
            }
        }
        return waiting;
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws IOException;
    }

    private static void waitFor(Condition condition, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as(what + " within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aLockFileLeftBehindHoldsNothing() throws Exception {
        Files.delete(jar);
        Files.writeString(root.resolve("cli/target/.vlmeta-build.lock"), "");

        Run run = launch();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("Waiting");
        assertThat(run.calls()).contains("mvn -B -q").containsPattern(ranTheJar());
    }

    private Run launchUnchecked() {
        try {
            return launch(Files.createTempFile(root, "err", ".txt"), false);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void rebuildsWhenAPomIsNewerThanTheJar() throws Exception {
        Files.setLastModifiedTime(root.resolve("pom.xml"), FileTime.from(BUILT.plusSeconds(60)));

        assertThat(launch().calls()).contains("mvn -B -q");
    }

    @Test
    void ignoresBuildOutputAndHiddenFoldersNewerThanTheJar() throws Exception {
        Path output = Files.createDirectories(root.resolve("api/target/classes/src"));
        Files.writeString(output.resolve("Api.class"), "x");
        Path journal = Files.createDirectories(root.resolve(".vlmeta/src"));
        Files.writeString(journal.resolve("journal.json"), "{}");

        assertThat(launch().calls()).doesNotContain("mvn");
    }

    @Test
    void showsTheBuildLogOnlyWhenTheBuildFails() throws Exception {
        Files.delete(jar);
        Files.writeString(bin.resolve("mvn"), "#!/usr/bin/env bash\nprintf '\\033[0m\\033[0m'\n"
                + "echo '[ERROR] Api.java:[1,1] expected'\nexit 1\n");

        Run run = launch();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Building vlmeta (first run only)...\n")
                .contains("[ERROR] Api.java:[1,1] expected").contains("the build failed").doesNotContain("\u001b");
        assertThat(tmp).as("the build log").isEmptyDirectory();
        assertThat(run.calls()).doesNotContain("-jar");
    }

    /** Runs {@code command} in the checkout with {@code pathFirst} first on the PATH; @return what java was told */
    private String programSeenByJava(Path pathFirst, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectError(root.resolve("err.txt").toFile()).redirectOutput(root.resolve("out.txt").toFile());
        builder.environment().put("PATH", pathFirst + ":" + bin + ":" + System.getenv("PATH"));
        builder.environment().remove("JAVA_HOME");
        builder.environment().remove("VLMETA_PROGRAM");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(root.resolve("err.txt"))).isZero();
        String called = Files.readString(calls, StandardCharsets.UTF_8);
        Files.delete(calls);
        assertThat(called).doesNotContain("mvn");
        return called.strip();
    }

    @Test
    void tellsJavaTheNameItWasCalledBySoThatTheResumeCommandRunsThisSameScript() throws Exception {
        Files.writeString(bin.resolve("java"), "#!/usr/bin/env bash\nif [ \"$1\" = -version ]; then echo "
                + "'openjdk version \"17.0.1\" 2021-10-19' >&2; exit 0; fi\necho \"program $VLMETA_PROGRAM\" >> "
                + calls + "\n");
        Path real = root.toRealPath().resolve("vlmeta");
        Path links = Files.createDirectories(root.resolve("links"));
        Files.createSymbolicLink(links.resolve("vlmeta"), root.resolve("vlmeta"));
        Path other = Files.createDirectories(root.resolve("other"));
        Files.writeString(other.resolve("vlmeta"), "#!/bin/sh\necho another vlmeta\n");
        executable(other.resolve("vlmeta"));
        Path nothing = Files.createDirectories(root.resolve("empty"));

        assertThat(programSeenByJava(nothing, "./vlmeta")).isEqualTo("program ./vlmeta");
        assertThat(programSeenByJava(nothing, "bash", root.resolve("vlmeta").toString()))
                .isEqualTo("program " + root.resolve("vlmeta"));
        // a bare name may have been found in the current folder or on the PATH: the script's own path is sure
        assertThat(programSeenByJava(nothing, "bash", "vlmeta")).isEqualTo("program " + real);
        assertThat(programSeenByJava(other, "bash", "vlmeta")).isEqualTo("program " + real);
        // through a link on the PATH: the checkout is the link's target, and `vlmeta` runs it again
        assertThat(programSeenByJava(links, "/bin/sh", "-c", "cd / && vlmeta --version")).isEqualTo("program vlmeta");
    }

    @Test
    void runsJavaThroughTheDownloadsStartScriptWhichRefusesAnOldOne() throws Exception {
        Files.writeString(bin.resolve("java"), "#!/usr/bin/env bash\necho 'openjdk version \"11.0.22\"' >&2\n"
                + "echo \"java $*\" >> " + calls + "\n");

        Run run = launch();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("vlmeta needs Java 17 or newer, but " + bin.resolve("java") + " is Java 11.");
        assertThat(run.calls()).doesNotContain("-jar");
    }
}

package io.vlmeta.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/vlmeta from the unpacked tar.gz: how it finds Java, refuses an old one, and hands over the arguments and
 * VLMETA_JAVA_OPTS (through an argument file on a file descriptor, off the command line every user can read).
 */
class StartScriptIT {
    /** the shells bin/vlmeta is written for: dash is Debian's sh, bash the sh of other systems */
    private static final List<String> SHELLS = List.of("/bin/dash", "/bin/bash");

    @TempDir
    Path dir;

    private Path home;
    private Path script;
    private Path tools;
    private Path work;

    @BeforeEach
    void unpack() throws Exception {
        home = Archives.unpack(Archives.archive(".tar.gz"), dir.resolve("unpacked here"));
        script = home.resolve("bin/vlmeta");
        tools = Tools.scriptCommands(dir);
        work = Files.createDirectories(dir.resolve("work"));
    }

    private Launch vlmeta(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        return Launch.run(work, env, command);
    }

    @Test
    void refusesAJava11OnThePathSayingWhichJavaAndWhatIsNeeded() throws Exception {
        Path java11 = Tools.fakeJava(dir, "java11", "openjdk version \"11.0.22\" 2024-01-16");

        Launch run = vlmeta(Map.of("PATH", Tools.path(tools, java11)), "--version");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("vlmeta needs Java 17 or newer, but " + java11.resolve("java")
                + " is Java 11. Set JAVA_HOME to a Java 17+ installation (or put its bin folder first on the PATH),"
                + " or download vlmeta-<version>-linux-x64.tar.gz, which carries its own.\n");
    }

    @Test
    void readsTheOldVersionFormOfJava8FromJavaHome() throws Exception {
        Path bin = Tools.fakeJava(dir, "jdk8/bin", "java version \"1.8.0_402\"");

        Launch run = vlmeta(Map.of("PATH", Tools.path(tools), "JAVA_HOME", bin.getParent().toString()), "--version");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(1);
        assertThat(run.err()).startsWith("vlmeta needs Java 17 or newer, but " + bin.resolve("java")
                + " is Java 8.").doesNotContain("the fake ran");
    }

    @Test
    void takesTheVersionFromTheReleaseFileOfAJdk() throws Exception {
        // java -version would say 17; the JDK's release file, read first, says 11
        Path bin = Tools.fakeJava(dir, "jdk11/bin", "openjdk version \"17.0.1\" 2021-10-19");
        Files.writeString(bin.resolveSibling("release"), "IMPLEMENTOR=\"Example\"\nJAVA_VERSION=\"11.0.22\"\n");

        Launch run = vlmeta(Map.of("PATH", Tools.path(tools), "JAVA_HOME", bin.getParent().toString()), "--version");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(1);
        assertThat(run.err()).startsWith("vlmeta needs Java 17 or newer, but " + bin.resolve("java")
                + " is Java 11.");
    }

    @Test
    void saysSoWhenThereIsNoJavaAtAll() throws Exception {
        Launch run = vlmeta(Map.of("PATH", Tools.path(tools)), "--version");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("vlmeta needs Java 17 or newer, and found none: JAVA_HOME is not set and"
                + " there is no java on the PATH. Install a Java 17+ runtime (for example from https://adoptium.net),"
                + " or download vlmeta-<version>-linux-x64.tar.gz, which carries its own.\n");
    }

    @Test
    void saysSoWhenJavaHomeHoldsNoJava() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("not a jdk"));

        Launch run = vlmeta(Map.of("PATH", Tools.path(tools, Tools.realJava(dir)), "JAVA_HOME", empty.toString()),
                "--version");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(1);
        assertThat(run.err()).startsWith("vlmeta needs Java 17 or newer: JAVA_HOME is set to '" + empty
                + "', but '" + empty.resolve("bin/java") + "' is not a program.");
    }

    @Test
    void passesEveryArgumentThroughUnchangedAndReturnsTheExitCode() throws Exception {
        // blanks, quotes, a glob and a backslash that a careless "$*" or unquoted $@ would split or expand
        String csv = dir.resolve("my data/it's \"*\" a\\b.csv").toString();
        Files.createFile(work.resolve("decoy.csv"));
        Map<String, String> env = Map.of("PATH", Tools.path(tools, Tools.realJava(dir)), "HOME", work.toString());

        Launch viaScript = vlmeta(env, "validate", "--csv", csv, "--string-fields", "a b");
        Launch direct = Launch.run(work, env, Tools.javaHome().resolve("bin/java").toString(), "-jar",
                home.resolve("lib/vlmeta.jar").toString(), "validate", "--csv", csv, "--string-fields", "a b");

        assertThat(viaScript.exitCode()).as(viaScript.both()).isNotZero().isEqualTo(direct.exitCode());
        assertThat(viaScript.err()).contains(csv).isEqualTo(direct.err());
        assertThat(viaScript.out()).isEqualTo(direct.out());
    }

    @Test
    void tellsJavaHowItWasCalledSoThatAStoppedUploadsResumeCommandRepeatsIt() throws Exception {
        // a Java 17 by its release file, whose java prints what the script handed it
        Path jdk = Files.createDirectories(dir.resolve("jdk17/bin")).getParent();
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.9\"\n");
        Path java = Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\necho \"called as: $VLMETA_PROGRAM\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path links = Files.createDirectories(dir.resolve("links"));
        Files.createSymbolicLink(links.resolve("vlmeta"), script);
        Path otherInstall = Files.createDirectories(dir.resolve("another install"));
        Files.copy(script, otherInstall.resolve("vlmeta"), StandardCopyOption.COPY_ATTRIBUTES);
        Function<Path, Map<String, String>> pathWith = folder -> Map.of("PATH", Tools.path(tools, folder),
                "JAVA_HOME", jdk.toString(), "VLMETA_CDS", "0", "HOME", work.toString());
        Map<String, String> fromCheckout = new HashMap<>(pathWith.apply(work));
        fromCheckout.put("VLMETA_PROGRAM", "./vlmeta");

        Launch byPath = Launch.run(work, pathWith.apply(work), script.toString(), "--version");
        Launch byName = Launch.run(work, pathWith.apply(home.resolve("bin")), "/bin/sh", "-c", "vlmeta --version");
        Launch byLinkOnPath = Launch.run(work, pathWith.apply(links), "/bin/sh", "-c", "vlmeta --version");
        Launch anotherOnPath = Launch.run(work, pathWith.apply(otherInstall), script.toString(), "--version");
        Launch byCheckout = Launch.run(work, fromCheckout, script.toString(), "--version");
        // `sh vlmeta` in the bin folder: a bare name is no command to give back, the script's own path is
        Launch bareName = Launch.run(home.resolve("bin"), pathWith.apply(otherInstall), "/bin/sh", "vlmeta",
                "--version");

        assertThat(byPath.out()).as(byPath.both()).isEqualTo("called as: " + script + "\n");
        assertThat(byName.out()).as(byName.both()).isEqualTo("called as: vlmeta\n");
        assertThat(byLinkOnPath.out()).as(byLinkOnPath.both()).isEqualTo("called as: vlmeta\n");
        // typing `vlmeta` there would run the other copy
        assertThat(anotherOnPath.out()).as(anotherOnPath.both()).isEqualTo("called as: " + script + "\n");
        assertThat(byCheckout.out()).as(byCheckout.both()).isEqualTo("called as: ./vlmeta\n");
        assertThat(bareName.out()).as(bareName.both()).isEqualTo("called as: " + script.toRealPath() + "\n");
    }

    @Test
    void runsThroughASymbolicLinkFromAnotherFolder() throws Exception {
        Path link = Files.createDirectories(dir.resolve("local bin")).resolve("vlmeta");
        Files.createSymbolicLink(link, script);
        Map<String, String> env = Map.of("PATH", Tools.path(tools, Tools.realJava(dir)), "HOME", work.toString());

        Launch run = Launch.run(work, env, link.toString(), "--version");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).startsWith("vlmeta " + Archives.VERSION + "\n");
    }

    @Test
    void passesVlmetaJavaOptsToJava() throws Exception {
        Map<String, String> env = Map.of("PATH", Tools.path(tools, Tools.realJava(dir)), "HOME", work.toString(),
                "VLMETA_JAVA_OPTS", "-showversion -Xmx64m");

        Launch run = vlmeta(env, "--version");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.err()).contains("version \"" + System.getProperty("java.version") + "\"");
        assertThat(run.out()).startsWith("vlmeta " + Archives.VERSION + "\n");
    }

    /** @return VLMETA_JAVA_OPTS's -D options printed back by the JVM with -XshowSettings:properties */
    private static Map<String, String> properties(String showSettingsOutput) {
        Map<String, String> properties = new HashMap<>();
        // split at line feeds alone: a value may hold a carriage return
        for (String line : showSettingsOutput.split("\n")) {
            if (line.startsWith("    vlmeta.test.")) {
                properties.put(line.substring(4, line.indexOf(" = ")), line.substring(line.indexOf(" = ") + 3));
            }
        }
        return properties;
    }

    @Test
    void keepsVlmetaJavaOptsOffTheProcessListWhileJavaStillTakesThem() throws Exception {
        for (String shell : SHELLS) {
            if (!Files.isExecutable(Path.of(shell))) {
                continue;
            }
            Path out = dir.resolve("out " + shell.substring(5));
            Path err = dir.resolve("err " + shell.substring(5));
            ProcessBuilder builder = new ProcessBuilder(shell, script.toString(), "validate", "--csv", "-",
                    "--string-fields", "a")
                    .directory(work.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(Map.of("PATH", Tools.path(tools, Tools.realJava(dir.resolve(shell
                    .substring(5)))), "HOME", work.toString(), "VLMETA_CDS", "0",
                    "VLMETA_JAVA_OPTS", "-Djavax.net.ssl.trustStorePassword=S3CRET -XshowSettings:properties"));
            Process process = builder.start();
            // the script execs Java in its own process: its command line is Java's once it names the jar
            Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
            String javaCommandLine = "";
            for (int tries = 0; tries < 600 && !javaCommandLine.contains("-jar"); tries++) {
                Thread.sleep(50);
                javaCommandLine = Files.readString(cmdline, StandardCharsets.ISO_8859_1).replace('\0', ' ');
            }
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write("file_fullpath,a\n/images/1.jpg,x\n".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
            String errors = Files.readString(err, StandardCharsets.ISO_8859_1);

            assertThat(javaCommandLine).as(shell).doesNotContain("S3CRET").doesNotContain("trustStorePassword")
                    .contains(" @/dev/fd/3 -jar ");
            assertThat(errors).as(shell).contains("    javax.net.ssl.trustStorePassword = S3CRET\n");
            assertThat(process.exitValue()).as(shell + errors).isZero();
        }
    }

    @Test
    void passesEveryWordOfVlmetaJavaOptsThroughUnchanged() throws Exception {
        // what an argument file would otherwise read as a quote, an escape, a comment or a line's end, and what
        // the here-document that carries it must not expand
        Map<String, String> values = Map.of(
                "vlmeta.test.quotes", "it's\"quoted\"",
                "vlmeta.test.backslashes", "C:\\trust\\store\\n.p12\\",
                "vlmeta.test.glob", "*",
                "vlmeta.test.comment", "#not#a#comment",
                "vlmeta.test.escapes", "\\n\\r\\t\\f",
                "vlmeta.test.return", "a\rb",
                "vlmeta.test.at", "@not-a-file",
                "vlmeta.test.expansions", "$(id)`id`$HOME${x:-y}");
        StringBuilder options = new StringBuilder("-XshowSettings:properties");
        values.forEach((name, value) -> options.append(" -D").append(name).append('=').append(value));
        Files.createFile(work.resolve("-Dvlmeta.test.glob=decoy")); // what the * would match, expanded

        for (String shell : SHELLS) {
            if (!Files.isExecutable(Path.of(shell))) {
                continue;
            }
            Map<String, String> env = Map.of("PATH", Tools.path(tools, Tools.realJava(dir.resolve(shell
                    .substring(5)))), "HOME", work.toString(), "VLMETA_CDS", "0",
                    "VLMETA_JAVA_OPTS", options.toString());

            Launch run = Launch.run(work, env, shell, script.toString(), "--version");

            assertThat(run.exitCode()).as(shell + run.both()).isZero();
            assertThat(properties(run.err())).as(shell + run.both()).isEqualTo(values);
        }
    }

    @Test
    void anArgumentFileInVlmetaJavaOptsKeepsItsPlaceAmongTheOtherWords() throws Exception {
        // Java opens no argument file named inside another: this one stays on the command line, in its place
        Path first = Files.writeString(work.resolve("first.args"), "-Dvlmeta.test.order=file -Dvlmeta.test.file=read\n");
        Map<String, String> env = Map.of("PATH", Tools.path(tools, Tools.realJava(dir)), "HOME", work.toString(),
                "VLMETA_CDS", "0", "VLMETA_JAVA_OPTS", "-XshowSettings:properties -Dvlmeta.test.order=before @" + first
                        + " -Dvlmeta.test.order=after");

        Launch run = vlmeta(env, "--version");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(properties(run.err())).as(run.both())
                .isEqualTo(Map.of("vlmeta.test.order", "after", "vlmeta.test.file", "read"));
    }
}

package io.vlmeta.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * vlmeta-VERSION.zip and .tar.gz, unpacked into an empty folder whose path has a space, run from a PATH
 * that holds no Maven: with a Java 17+ on the PATH, and with one named by JAVA_HOME only.
 */
class JarArchivesIT {
    @TempDir
    Path dir;

    private Path unpacked(String suffix) throws IOException {
        return Archives.unpack(Archives.archive(suffix), dir.resolve("unpacked here"));
    }

    @ParameterizedTest
    @ValueSource(strings = {".zip", ".tar.gz"})
    void holdsTheStartScriptsTheJarAndTheReadme(String suffix) throws IOException {
        Path home = unpacked(suffix);

        assertThat(home.getFileName()).hasToString("vlmeta-" + Archives.VERSION);
        assertThat(home.resolve("bin/vlmeta")).isExecutable();
        assertThat(home.resolve("bin/vlmeta.cmd")).isRegularFile();
        assertThat(home.resolve("lib/vlmeta.jar")).isRegularFile();
        assertThat(home.resolve("README.md")).hasSameTextualContentAs(Path.of("..", "README.md"));
        try (var files = Files.list(home.resolve("lib"))) {
            assertThat(files).containsExactly(home.resolve("lib/vlmeta.jar"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {".zip", ".tar.gz"})
    void runsVersionAndTheDemoWithTheJavaOnThePath(String suffix) throws Exception {
        Path home = unpacked(suffix);
        Path work = Files.createDirectories(dir.resolve("work"));
        Map<String, String> env = Map.of("PATH", Tools.path(Tools.scriptCommands(dir), Tools.realJava(dir)),
                "HOME", work.toString());

        Launch version = Launch.run(work, env, home.resolve("bin/vlmeta").toString(), "--version");
        Launch demo = Launch.run(work, env, home.resolve("bin/vlmeta").toString(), "demo");

        assertThat(version.exitCode()).as(version.both()).isZero();
        assertThat(version.out()).startsWith("vlmeta " + Archives.VERSION + "\nJava ");
        assertThat(demo.exitCode()).as(demo.both()).isZero();
        assertThat(demo.out()).contains("Validation passed: 12 rows, 6 fields\n")
                .contains("Successfully uploaded: 6/6 fields\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {".zip", ".tar.gz"})
    void runsWithTheJavaNamedByJavaHomeAndNoneOnThePath(String suffix) throws Exception {
        Path home = unpacked(suffix);
        Path work = Files.createDirectories(dir.resolve("work"));
        Map<String, String> env = Map.of("PATH", Tools.path(Tools.scriptCommands(dir)),
                "JAVA_HOME", Tools.javaHome().toString(), "HOME", work.toString());

        Launch version = Launch.run(work, env, home.resolve("bin/vlmeta").toString(), "--version");

        assertThat(version.exitCode()).as(version.both()).isZero();
        assertThat(version.out()).startsWith("vlmeta " + Archives.VERSION + "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {".zip", ".tar.gz", "-linux-x64.tar.gz"})
    void aSha256FileBesideTheArchiveHoldsItsDigest(String suffix) throws Exception {
        Path archive = Archives.archive(suffix);
        Path sha256 = archive.resolveSibling(archive.getFileName() + ".sha256");

        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(archive)));
        assertThat(Files.readString(sha256).strip()).isEqualTo(expected);
    }
}

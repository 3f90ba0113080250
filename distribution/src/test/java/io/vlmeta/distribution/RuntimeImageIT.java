package io.vlmeta.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vlmeta-VERSION-linux-x64.tar.gz on a machine without Java: unpacked into an empty folder and run with a
 * PATH of a shell and a few coreutils only (no java, no Maven) and no JAVA_HOME. The trimmed runtime must
 * do what the full JDK does: the demo (HTTP server and client), an Excel workbook through POI, a Parquet
 * file through parquet-java and Hadoop's classes, DICOM sidecars.
 */
class RuntimeImageIT {
    private static final Path SHARED = Path.of(System.getProperty("vlmeta.shared.dir"));

    @TempDir
    Path dir;

    private Path home;
    private Map<String, String> noJava;
    private Path work;

    @BeforeEach
    void unpack() throws Exception {
        home = Archives.unpack(Archives.archive("-linux-x64.tar.gz"), dir.resolve("unpacked here"));
        work = Files.createDirectories(dir.resolve("work"));
        noJava = Map.of("PATH", Tools.path(Tools.scriptCommands(dir)), "HOME", work.toString());
    }

    private Launch image(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = home.resolve("bin/vlmeta").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        return Launch.run(work, noJava, command);
    }

    /** the same command with the runnable jar on the JDK running the tests, in a folder of its own */
    private Launch fullJdk(String... args) throws Exception {
        Path own = Files.createDirectories(dir.resolve("full-jdk"));
        String[] command = new String[args.length + 3];
        command[0] = Tools.javaHome().resolve("bin/java").toString();
        command[1] = "-jar";
        command[2] = home.resolve("lib/vlmeta.jar").toString();
        System.arraycopy(args, 0, command, 3, args.length);
        return Launch.run(own, Map.of("HOME", own.toString()), command);
    }

    @Test
    void holdsItsOwnRuntimeAndTheJar() {
        assertThat(home.getFileName()).hasToString("vlmeta-" + Archives.VERSION + "-linux-x64");
        assertThat(home.resolve("bin/vlmeta")).isExecutable();
        assertThat(home.resolve("runtime/bin/java")).isExecutable();
        assertThat(home.resolve("lib/vlmeta.jar")).isRegularFile();
        assertThat(home.resolve("runtime/include")).doesNotExist();
        assertThat(home.resolve("runtime/man")).doesNotExist();
    }

    @Test
    void theRuntimeHoldsTheModulesTheBuildAskedFor() throws Exception {
        Launch modules = Launch.run(work, noJava, home.resolve("runtime/bin/java").toString(), "--list-modules");

        Set<String> names = new TreeSet<>();
        modules.out().lines().forEach(line -> names.add(line.replaceFirst("@.*", "")));
        assertThat(names).containsExactlyInAnyOrderElementsOf(
                expand(Arrays.asList(System.getProperty("vlmeta.jlink.modules").split(","))));
    }

    /** the modules asked for and everything they require, as jlink resolves them */
    private static Set<String> expand(java.util.List<String> roots) {
        Set<String> all = new TreeSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (all.add(name)) {
                ModuleLayer.boot().findModule(name).orElseThrow().getDescriptor().requires().stream()
                        .filter(r -> !r.modifiers().contains(java.lang.module.ModuleDescriptor.Requires.Modifier.STATIC))
                        .forEach(r -> todo.push(r.name()));
            }
        }
        return all;
    }

    @Test
    void runsVersionAndTheDemoWithoutAnyJavaOnThePath() throws Exception {
        Launch version = image("--version");
        Launch demo = image("demo");

        assertThat(version.exitCode()).as(version.both()).isZero();
        assertThat(version.out()).startsWith("vlmeta " + Archives.VERSION + "\nJava ");
        assertThat(demo.exitCode()).as(demo.both()).isZero();
        assertThat(demo.out()).contains("Validation passed: 12 rows, 6 fields\n")
                .contains("Successfully uploaded: 6/6 fields\n");
    }

    @Test
    void readsAnExcelWorkbookAsTheFullJdkDoes() throws Exception {
        String book = SHARED.resolve("fixtures/xlsx/libreoffice.xlsx").toString();

        Launch trimmed = image("validate", "--input", book, "--infer");
        Launch full = fullJdk("validate", "--input", book, "--infer");

        assertThat(trimmed.exitCode()).as(trimmed.both()).isEqualTo(full.exitCode()).isEqualTo(3);
        assertThat(trimmed.out()).isEqualTo(full.out())
                .contains("Row 5, field 'notes': Value has 300 characters, exceeds limit of 255");
    }

    @Test
    void readsAParquetFileAsTheFullJdkDoes() throws Exception {
        // parquet-java loads Hadoop classes, which need JDK modules the other inputs do not
        String parquet = Path.of("..", "sources-parquet", "src", "test", "resources", "fixtures", "types.parquet")
                .toAbsolutePath().normalize().toString();

        Launch trimmed = image("validate", "--input", parquet, "--infer");
        Launch full = fullJdk("validate", "--input", parquet, "--infer");

        assertThat(trimmed.exitCode()).as(trimmed.both()).isEqualTo(full.exitCode()).isZero();
        assertThat(trimmed.out()).isEqualTo(full.out()).contains("count_i64: float (from the source: Parquet INT64");
    }

    @Test
    void readsDicomSidecarsAsTheFullJdkDoes() throws Exception {
        String sidecars = SHARED.resolve("fixtures/dicom/json-model-dcmtk").toString();

        Launch trimmed = image("validate", "--input", sidecars, "--infer");
        Launch full = fullJdk("validate", "--input", sidecars, "--infer");

        assertThat(trimmed.exitCode()).as(trimmed.both()).isEqualTo(full.exitCode());
        assertThat(trimmed.out()).isEqualTo(full.out()).contains("Fields to upload: ");
    }
}

package io.vlmeta.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/vlmeta's class data sharing archives (AppCDS) in the user's cache folder, one per job command, with the
 * real Java: written when a command's first run exits, renamed into place and used by its next, made again
 * when the jar changes, and never in the way: standard output (the {@code --json} document) and standard
 * error stay exactly what they are without it.
 */
class ClassDataSharingIT {
    /** the demo's examples, validated with the demo's field flags */
    private static final Path EXAMPLES = Path.of("..", "examples", "metadata.csv").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Path home;
    private Path jar;
    private Path work;
    private Path cache;
    private Path java;
    private Map<String, String> env;

    @BeforeEach
    void unpack() throws Exception {
        // no blank in the jar's path: Java 17 does not use the archive of such a jar (see the last test)
        home = Archives.unpack(Archives.archive(".tar.gz"), dir.resolve("unpacked"));
        jar = home.resolve("lib/vlmeta.jar");
        work = Files.createDirectories(dir.resolve("work"));
        Files.copy(EXAMPLES, work.resolve("metadata.csv"));
        cache = dir.resolve("cache home");
        java = Tools.realJava(dir);
        env = new HashMap<>(Map.of("PATH", Tools.path(Tools.scriptCommands(dir), java),
                "HOME", work.toString(), "XDG_CACHE_HOME", cache.toString()));
    }

    private Launch vlmeta(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/vlmeta").toString()));
        command.addAll(List.of(args));
        return Launch.run(work, environment, command);
    }

    /** the validation every run here does, with the demo's field flags */
    private static final List<String> VALIDATE = List.of("validate", "--csv", "metadata.csv", "--string-fields",
            "caption", "--float-fields", "confidence", "--datetime-fields", "captured_at", "--enum-fields", "weather",
            "--multi-enum-fields", "tags", "--link-fields", "reference_url", "--report", "report.html", "--json");

    private Launch validate(Map<String, String> environment) throws Exception {
        return vlmeta(environment, VALIDATE.toArray(String[]::new));
    }

    private Launch validate() throws Exception {
        return validate(env);
    }

    private Map<String, String> with(String name, String value) {
        Map<String, String> changed = new HashMap<>(env);
        changed.put(name, value);
        return changed;
    }

    /** @return the names of the files in the cache's vlmeta folder */
    private List<String> cached() throws Exception {
        Path folder = cache.resolve("vlmeta");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** @return what a run without the archive prints, to compare every other run with */
    private Launch withoutArchive() throws Exception {
        Launch plain = validate(with("VLMETA_CDS", "0"));
        assertThat(plain.exitCode()).as(plain.both()).isZero();
        assertThat(plain.out()).startsWith("{\"status\":\"validated\"").endsWith("}\n").hasLineCount(1);
        return plain;
    }

    private static void assertSameOutput(Launch run, Launch plain) {
        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).as(run.both()).isEqualTo(plain.out());
        assertThat(run.err()).as(run.both()).isEqualTo(plain.err());
    }

    /** a class only a run that uploads loads: in the archive of the demo, not in that of a validation */
    private static final String UPLOADS = "io.vlmeta.sinks.visuallayer.HttpTransport";

    private void demo() throws Exception {
        Launch run = vlmeta(env, "demo");
        assertThat(run.exitCode()).as(run.both()).isZero();
    }

    /** Runs the validation once more, listing where each class came from; @return whether it mapped the archive */
    private boolean usesTheArchive() throws Exception {
        return loadsFromTheArchive("io.vlmeta.cli.Main", VALIDATE);
    }

    /**
     * Runs a command with the JVM listing where each class came from.
     *
     * @return whether the class came from the archive mapped on top of Java's own
     */
    private boolean loadsFromTheArchive(String className, List<String> args) throws Exception {
        Path classes = dir.resolve("classes.txt");
        Files.deleteIfExists(classes);
        Launch run = vlmeta(with("VLMETA_JAVA_OPTS", "-Xlog:class+load:file=" + classes), args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.both()).isZero();
        return Files.readString(classes).contains(className + " source: shared objects file (top)");
    }

    /** @return the pattern of the name of a command's archive in place, for this jar */
    private String archiveOf(String command) throws Exception {
        return "vlmeta-\\d+-" + Files.size(jar) + "-" + command + "\\.jsa";
    }

    /** @return the name of the one file cached, the validation's archive */
    private String archiveName() throws Exception {
        List<String> files = cached();
        assertThat(files).hasSize(1);
        assertThat(files.get(0)).matches(archiveOf("validate"));
        return files.get(0);
    }

    @Test
    void writesTheArchiveWhenTheFirstRunExitsAndUsesItFromTheNextWithTheSameOutput() throws Exception {
        Launch plain = withoutArchive();
        assertThat(cached()).as("VLMETA_CDS=0").isEmpty();

        Launch first = validate();

        assertSameOutput(first, plain);
        assertThat(cached()).as("the archive and the stamp dated as the jar, both named after the writing process")
                .hasSize(2).allMatch(name -> name.matches("vlmeta-\\d+-\\d+-validate\\.jsa\\.\\d+(\\.jar)?"));

        Launch second = validate();

        assertSameOutput(second, plain);
        Path archive = cache.resolve("vlmeta").resolve(archiveName());
        assertThat(Files.getLastModifiedTime(archive)).isEqualTo(Files.getLastModifiedTime(jar));
        assertThat(usesTheArchive()).isTrue();
    }

    @Test
    void writesNoArchiveForVersionOrHelp() throws Exception {
        assertThat(vlmeta(env, "--version").exitCode()).isZero();
        assertThat(vlmeta(env, "upload", "--help").exitCode()).isZero();
        assertThat(vlmeta(env, "validate", "--version").exitCode()).isZero();

        assertThat(cached()).isEmpty();
    }

    @Test
    void commandsOtherThanTheJobsNeitherWriteNorMapAnArchive() throws Exception {
        assertThat(vlmeta(env, "plugins").exitCode()).isZero();
        assertThat(cached()).isEmpty();
        validate();
        archiveNameAfter(validate());

        assertThat(loadsFromTheArchive("io.vlmeta.cli.Main", List.of("plugins"))).isFalse();
        assertThat(loadsFromTheArchive("io.vlmeta.cli.Main", List.of("--version"))).isFalse();
        archiveName();
    }

    @Test
    void eachJobCommandWritesAnArchiveOfItsOwnAndItsLaterRunsMapIt() throws Exception {
        validate();
        String validation = archiveNameAfter(validate());
        String demoArchive = archiveOf("demo");

        demo();

        assertThat(cached()).as("the validation's archive stays; the demo, which has none, writes its own").hasSize(3)
                .contains(validation).anyMatch(name -> name.matches("vlmeta-\\d+-\\d+-demo\\.jsa\\.\\d+"));
        assertThat(loadsFromTheArchive(UPLOADS, List.of("demo"))).as("the demo's own archive").isTrue();
        assertThat(cached()).hasSize(2).contains(validation).anyMatch(name -> name.matches(demoArchive));
        assertThat(usesTheArchive()).as("the validation's archive, still").isTrue();
        assertThat(cached()).hasSize(2);
    }

    @Test
    void removesTheOneArchiveOfEarlierVersionsAndWhatTheirWritersLeft() throws Exception {
        validate();
        String name = archiveNameAfter(validate());
        Path folder = cache.resolve("vlmeta");
        String thisJar = name.substring(0, name.length() - "-validate.jsa".length()); // vlmeta-ID-SIZE
        // earlier versions kept one archive, vlmeta-ID-SIZE.jsa, for every command: a usable one here
        Path single = Files.copy(folder.resolve(name), folder.resolve(thisJar + ".jsa"));
        Files.setLastModifiedTime(single, Files.getLastModifiedTime(jar));
        // and a writer of one that has ended (no process can have this id), and an earlier jar's upload archive
        Path written = Files.writeString(folder.resolve(thisJar + ".jsa.2147483647"), "written");
        Path stamp = Files.writeString(folder.resolve(thisJar + ".jsa.2147483647.jar"), "");
        Files.setLastModifiedTime(stamp, Files.getLastModifiedTime(jar));
        String id = thisJar.substring(0, thisJar.lastIndexOf('-')); // vlmeta-ID
        Path earlierJar = Files.writeString(folder.resolve(id + "-1-upload.jsa"), "an earlier jar's");

        assertThat(validate().exitCode()).isZero();

        assertThat(single).doesNotExist();
        assertThat(written).doesNotExist();
        assertThat(stamp).doesNotExist();
        assertThat(earlierJar).doesNotExist();
        assertThat(archiveName()).isEqualTo(name);
        assertThat(usesTheArchive()).isTrue();
    }

    @Test
    void aValidationWritingItsArchiveKeepsNoOtherCommandFromWritingAndMappingItsOwn() throws Exception {
        validate();
        Path written = cachedArchiveBeingWritten();
        // as if that validation were still running: this test's own process has the id now in the names
        String alive = Long.toString(ProcessHandle.current().pid());
        Path writing = written.resolveSibling(written.getFileName().toString().replaceFirst("\\d+$", alive));
        Files.move(written, writing);
        Files.move(Path.of(written + ".jar"), Path.of(writing + ".jar"));
        String demoArchive = archiveOf("demo");

        demo();
        assertThat(loadsFromTheArchive(UPLOADS, List.of("demo"))).as("the demo's own archive").isTrue();
        validate(); // another validation does not write one while the first still is

        assertThat(cached()).hasSize(3).contains(writing.getFileName().toString(), writing.getFileName() + ".jar")
                .anyMatch(name -> name.matches(demoArchive));
        assertThat(usesTheArchive()).as("the validation's archive is still being written").isFalse();
    }

    @Test
    void makesTheArchiveAgainForARebuiltJarOfTheSameSize() throws Exception {
        validate();
        String before = archiveNameAfter(validate());
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 600_000));

        assertThat(usesTheArchive()).as("the archive of the jar before").isFalse();
        validate();
        String after = archiveNameAfter(validate());

        assertThat(after).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(cache.resolve("vlmeta").resolve(after)))
                .isEqualTo(Files.getLastModifiedTime(jar));
        assertThat(usesTheArchive()).isTrue();
    }

    @Test
    void replacesTheArchiveOfAnotherVersionOfTheJar() throws Exception {
        validate();
        String before = archiveNameAfter(validate());
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            Files.writeString(zip.getPath("another-version.txt"), "a jar of another size");
        }

        validate();
        String after = archiveNameAfter(validate());

        assertThat(after).isNotEqualTo(before);
        assertThat(usesTheArchive()).isTrue();
    }

    /** @return the one archive's name once the run (the one after the writing one) has put it in place */
    private String archiveNameAfter(Launch run) throws Exception {
        assertThat(run.exitCode()).as(run.both()).isZero();
        return archiveName();
    }

    @Test
    void writesTheArchiveAgainAfterARunThatEndedBeforeWritingIt() throws Exception {
        validate();
        try (Stream<Path> files = Files.list(cache.resolve("vlmeta"))) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.jsa\\.\\d+")).toList()) {
                Files.delete(file); // as if killed before it exited: only its stamp is left
            }
        }

        validate();
        archiveNameAfter(validate());

        assertThat(usesTheArchive()).isTrue();
    }

    @Test
    void runsWithoutAnArchiveWhenTheCacheFolderCannotBeMade() throws Exception {
        Launch plain = withoutArchive();
        Path file = Files.writeString(dir.resolve("a file"), "not a folder");
        env.put("XDG_CACHE_HOME", file.resolve("cache").toString());

        assertSameOutput(validate(), plain);
        assertSameOutput(validate(), plain);
    }

    @Test
    void ignoresAnArchiveTheJvmCannotUse() throws Exception {
        Launch plain = withoutArchive();
        validate();
        Path archive = cache.resolve("vlmeta").resolve(archiveNameAfter(validate()));
        Files.delete(archive);
        Files.writeString(archive, "not an archive");
        Files.setLastModifiedTime(archive, Files.getLastModifiedTime(jar));

        assertSameOutput(validate(), plain);
        assertThat(usesTheArchive()).isFalse();
    }

    @Test
    void twoFirstRunsAtOnceLeaveOneArchive() throws Exception {
        Launch plain = withoutArchive();

        CompletableFuture<Launch> one = CompletableFuture.supplyAsync(this::validateUnchecked);
        CompletableFuture<Launch> two = CompletableFuture.supplyAsync(this::validateUnchecked);

        assertSameOutput(one.join(), plain);
        assertSameOutput(two.join(), plain);
        assertThat(cached()).allMatch(name -> name.matches("vlmeta-\\d+-\\d+-validate\\.jsa(\\.\\d+(\\.jar)?)?"));
        assertSameOutput(validate(), plain);
        archiveName();
        assertThat(usesTheArchive()).isTrue();
    }

    private Launch validateUnchecked() {
        try {
            return validate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs the validate in new namespaces of {@code unshare}, after a shell command in them (which gets
     * the script and its arguments as "$@" to exec); skipped where this machine cannot make them.
     */
    private Launch validateInNamespace(List<String> unshareOptions, String before) throws Exception {
        Path unshare = Path.of("/usr/bin/unshare");
        assumeTrue(Files.isExecutable(unshare), "no unshare");
        List<String> probe = new ArrayList<>(List.of(unshare.toString()));
        probe.addAll(unshareOptions);
        probe.addAll(List.of("/bin/sh", "-c", before + " && true", "sh"));
        Launch tried = Launch.run(work, env, probe);
        assumeTrue(tried.exitCode() == 0, "no such namespace here: " + tried.both());
        List<String> command = new ArrayList<>(List.of(unshare.toString()));
        command.addAll(unshareOptions);
        command.addAll(List.of("/bin/sh", "-c", before + " && exec \"$@\"", "sh", home.resolve("bin/vlmeta").toString()));
        command.addAll(VALIDATE);
        return Launch.run(work, env, command);
    }

    @Test
    void writesNoArchiveWhereLessThan64MiBAreFreeAndTheRunSucceedsAsWithout() throws Exception {
        Launch plain = withoutArchive();
        Path small = Files.createDirectories(dir.resolve("small disk"));
        env.put("XDG_CACHE_HOME", small.toString());

        // a JVM that cannot write its archive exits with 1 and an error on standard output
        for (int run = 0; run < 2; run++) {
            Launch full = validateInNamespace(List.of("--mount"),
                    "/usr/bin/mount -t tmpfs -o size=2m tmpfs '" + small + "'");
            assertSameOutput(full, plain);
        }
    }

    @Test
    void usesTheArchiveWhenEveryRunIsProcessOneAsInAContainer() throws Exception {
        Launch plain = withoutArchive();
        List<String> asProcessOne = List.of("--pid", "--fork", "--mount-proc");

        for (int run = 0; run < 2; run++) {
            assertSameOutput(validateInNamespace(asProcessOne, "true"), plain);
        }

        assertThat(archiveName()).as("the first run's archive, although its writer's id, 1, is alive").isNotNull();
        assertThat(usesTheArchive()).isTrue();
    }

    @Test
    void throwsAwayTheArchiveOfARunThatEndedEarlyAndWritesAFullOne() throws Exception {
        Launch usageError = vlmeta(env, "validate");
        assertThat(usageError.exitCode()).as(usageError.both()).isEqualTo(2);
        Path early = cachedArchiveBeingWritten();
        assertThat(Files.size(early)).as("the usage error's archive").isLessThan(4L << 20);

        validate(); // finds the small archive, throws it away and writes one of its own
        assertThat(Files.exists(early)).isFalse();
        String name = archiveNameAfter(validate());

        assertThat(Files.size(cache.resolve("vlmeta").resolve(name))).isGreaterThanOrEqualTo(4L << 20);
        assertThat(usesTheArchive()).isTrue();
    }

    private Path cachedArchiveBeingWritten() throws Exception {
        List<String> written = cached().stream().filter(name -> name.matches(".*\\.jsa\\.\\d+")).toList();
        assertThat(written).hasSize(1);
        return cache.resolve("vlmeta").resolve(written.get(0));
    }

    @Test
    void writesNoArchiveForAHeapOf31GibibytesOrMoreWhichRunsOnAnotherBaseArchive() throws Exception {
        Launch plain = withoutArchive();

        assertSameOutput(validate(with("VLMETA_JAVA_OPTS", "-Xmx40g")), plain);
        assertSameOutput(validate(with("VLMETA_JAVA_OPTS", "-Xms64m -Xmx32768m")), plain);

        assertThat(cached()).isEmpty();
    }

    @Test
    void leavesClassDataSharingToTheUserWhoChoosesItOrHidesOptionsInAFile() throws Exception {
        Launch plain = withoutArchive();
        validate();
        archiveNameAfter(validate());
        Path own = dir.resolve("own.jsa");
        Path argumentFile = Files.writeString(dir.resolve("java.args"), "-Xshare:off\n");

        Launch writesItsOwn = validate(with("VLMETA_JAVA_OPTS", "-XX:ArchiveClassesAtExit=" + own));
        Launch hidden = validate(with("JDK_JAVA_OPTIONS", "@" + argumentFile));

        assertSameOutput(writesItsOwn, plain);
        assertThat(own).isNotEmptyFile();
        assertThat(hidden.exitCode()).as(hidden.both()).isZero();
        assertThat(hidden.out()).isEqualTo(plain.out());
    }

    @Test
    void falseNoAndOffTurnTheArchiveOffAsZeroDoes() throws Exception {
        Launch plain = withoutArchive();

        for (String off : List.of("false", "no", "OFF")) {
            assertSameOutput(validate(with("VLMETA_CDS", off)), plain);
        }

        assertThat(cached()).isEmpty();
    }

    @Test
    void writesNoArchiveForARelativeHome() throws Exception {
        Launch plain = withoutArchive();
        env.remove("XDG_CACHE_HOME");
        env.put("HOME", "relative home");

        assertSameOutput(validate(), plain);
        assertSameOutput(validate(), plain);

        assertThat(work.resolve("relative home")).doesNotExist();
    }

    @Test
    void runsWithoutAnArchiveWhenACommandItUsesIsMissing() throws Exception {
        Launch plain = withoutArchive();
        env.put("PATH", Tools.path(Tools.commands(dir.resolve("needed only"), Tools.NEEDED_COMMANDS), java));

        assertSameOutput(validate(), plain);
        assertSameOutput(validate(), plain);
        assertThat(cached()).isEmpty();
    }

    @Test
    void writesNoArchiveWhenJavaOptionsCouldStopTheJvmFromWritingOne() throws Exception {
        Launch plain = withoutArchive();

        assertSameOutput(validate(with("VLMETA_JAVA_OPTS", "-Xshare:off")), plain);

        assertThat(cached()).isEmpty();
        assertSameOutput(validate(with("VLMETA_JAVA_OPTS", "-Xmx256m -Dfile.encoding=UTF-8")), plain);
        assertThat(cached()).isNotEmpty();
    }

    @Test
    void writesNoArchiveForAJarWhosePathHoldsABlank() throws Exception {
        Launch plain = withoutArchive();
        home = Archives.unpack(Archives.archive(".tar.gz"), dir.resolve("unpacked here"));

        assertSameOutput(validate(), plain);
        assertSameOutput(validate(), plain);
        assertThat(cached()).isEmpty();
    }

    @Test
    void writesAndUsesTheArchiveWithTheRuntimeOfTheSelfContainedDownload() throws Exception {
        home = Archives.unpack(Archives.archive("-linux-x64.tar.gz"), dir.resolve("self-contained"));
        jar = home.resolve("lib/vlmeta.jar");
        env.put("PATH", Tools.path(Tools.scriptCommands(dir.resolve("no java"))));
        Launch plain = withoutArchive();

        assertSameOutput(validate(), plain);
        assertSameOutput(validate(), plain);

        archiveName();
        assertThat(usesTheArchive()).isTrue();
    }
}

package io.vlmeta.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector, compilers and pages bin/vlmeta gives Java when the user chose none (the Serial collector, its
 * young generation capped at 96 MB when Java sees 4 GiB of memory or more; transparent huge pages where the
 * kernel gives them on request; C1 alone for a validate, upload or plan of a small input file and for an
 * emulator of small datasets; C2 with less loop and inlining work for an input of 64 MiB to 1 GiB), read back
 * from the running JVM with
 * {@code -XX:+PrintCommandLineFlags}, which prints the flags in effect as the first line of standard output.
 */
class JvmDefaultsIT {
    private static final String SERIAL = "-XX:+UseSerialGC";
    private static final String C1_ALONE = "-XX:TieredStopAtLevel=1";
    private static final long MIB = 1024 * 1024;
    /** -XX:MaxNewSize=96m as -XX:+PrintCommandLineFlags prints it, in bytes */
    private static final String YOUNG_CAP = "-XX:MaxNewSize=" + 96 * MIB;
    private static final long FOUR_GIB = 4096 * MIB;
    private static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";
    private static final Path THP_SETTING = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    @TempDir
    Path dir;

    private Path script;
    private String path;
    private Path work;

    @BeforeEach
    void unpack() throws Exception {
        Path home = Archives.unpack(Archives.archive(".tar.gz"), dir.resolve("unpacked here"));
        script = home.resolve("bin/vlmeta");
        path = Tools.path(Tools.scriptCommands(dir), Tools.realJava(dir));
        work = Files.createDirectories(dir.resolve("work"));
    }

    /** The flags Java ran with, and the run itself for failure messages. */
    private record Flags(List<String> options, Launch run) {
        boolean has(String option) {
            return options.contains(option);
        }

        /** @return whether any option chose the compilers (-XX:TieredStopAtLevel, -XX:-TieredCompilation ...) */
        boolean choosesCompilers() {
            return options.stream().anyMatch(option -> option.contains("Tiered"));
        }
    }

    private Flags flags(Map<String, String> extraEnvironment, String userJavaOptions, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        return flagsOf(extraEnvironment, userJavaOptions, command);
    }

    private Flags flagsOf(Map<String, String> extraEnvironment, String userJavaOptions, List<String> command)
            throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("PATH", path,
                "HOME", work.toString(), "VLMETA_CDS", "0",
                "VLMETA_JAVA_OPTS", ("-XX:+PrintCommandLineFlags " + userJavaOptions).strip()));
        env.putAll(extraEnvironment);
        Launch run = Launch.run(work, env, command);
        String firstLine = run.out().lines().findFirst().orElse("");
        assertThat(firstLine).as(run.both()).startsWith("-XX:");
        return new Flags(List.of(firstLine.strip().split(" ")), run);
    }

    private Path fileOf(String name, long bytes) throws Exception {
        Path file = work.resolve(name);
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(bytes); // no disk written: the launcher only asks for the size
        }
        return file;
    }

    private Path smallCsv() throws Exception {
        return Files.writeString(work.resolve("small metadata.csv"), "file_fullpath,a\n/images/1.jpg,x\n");
    }

    @Test
    void theSerialCollectorAndBothCompilersWhenTheUserChoseNothing() throws Exception {
        Flags flags = flags(Map.of(), "", "--version");

        assertThat(flags.run().exitCode()).as(flags.run().both()).isZero();
        assertThat(flags.has(SERIAL)).as(flags.run().both()).isTrue();
        assertThat(flags.choosesCompilers()).as(flags.run().both()).isFalse();
    }

    @Test
    void aCollectorNamedInVlmetaJavaOptsReplacesTheSerialOneWithoutAConflict() throws Exception {
        Flags flags = flags(Map.of(), "-XX:+UseParallelGC", "--version");

        // Java refuses to start with two collectors: a zero exit code is the proof there was one
        assertThat(flags.run().exitCode()).as(flags.run().both()).isZero();
        assertThat(flags.has("-XX:+UseParallelGC")).as(flags.run().both()).isTrue();
        assertThat(flags.has(SERIAL)).as(flags.run().both()).isFalse();
        assertThat(flags.has(YOUNG_CAP)).as(flags.run().both()).isFalse();
    }

    @Test
    void aCollectorNamedInAVariableJavaReadsItselfReplacesTheSerialOne() throws Exception {
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
            Flags flags = flags(Map.of(variable, "-XX:+UseG1GC"), "", "--version");

            assertThat(flags.run().exitCode()).as(variable + ": " + flags.run().both()).isZero();
            assertThat(flags.has("-XX:+UseG1GC")).as(variable + ": " + flags.run().both()).isTrue();
            assertThat(flags.has(SERIAL)).as(variable + ": " + flags.run().both()).isFalse();
        }
    }

    @Test
    void optionsHiddenInAFileGetNoDefaultAtAll() throws Exception {
        Path csv = smallCsv();
        Path argumentFile = Files.writeString(work.resolve("g1.args"), "-XX:+UseG1GC\n");
        Path optionsFile = Files.writeString(work.resolve("g1.options"), "-XX:+UseG1GC\n");

        Flags argumentsInVlmetaJavaOpts = flags(Map.of(), "@" + argumentFile, "validate", "--csv", csv.toString(),
                "--no-such-option");
        Flags argumentsInJdkJavaOptions = flags(Map.of("JDK_JAVA_OPTIONS", "@" + argumentFile), "", "validate",
                "--csv", csv.toString(), "--no-such-option");
        Flags optionsFileOption = flags(Map.of(), "-XX:VMOptionsFile=" + optionsFile, "--version");
        Flags quoted = flags(Map.of("JDK_JAVA_OPTIONS", "\"-Xmx64m\""), "", "--version");

        for (Flags flags : List.of(argumentsInVlmetaJavaOpts, argumentsInJdkJavaOptions, optionsFileOption, quoted)) {
            // Java refuses two collectors, and warns on standard output of a cap as large as the heap
            assertThat(flags.run().exitCode()).as(flags.run().both()).isIn(0, 2);
            assertThat(flags.run().out()).as(flags.run().both()).doesNotContain("warning").doesNotContain("Error");
            assertThat(flags.has(SERIAL)).as(flags.run().both()).isFalse();
            assertThat(flags.has(YOUNG_CAP)).as(flags.run().both()).isFalse();
            assertThat(flags.choosesCompilers()).as(flags.run().both()).isFalse();
        }
    }

    @Test
    void anOldGenerationSizeOfTheUsersLeavesTheCollectorToJava() throws Exception {
        Flags flags = flags(Map.of(), "-XX:OldSize=2g", "--version");

        // the Serial collector warns on standard output of an old generation that does not fit its heap
        assertThat(flags.run().exitCode()).as(flags.run().both()).isZero();
        assertThat(flags.run().out()).as(flags.run().both()).doesNotContain("warning");
        assertThat(flags.has(SERIAL)).as(flags.run().both()).isFalse();
    }

    @Test
    void aStarInTheUsersOptionsReachesJavaAsAStar() throws Exception {
        Files.writeString(work.resolve("a file a glob would list"), "");

        Flags flags = flags(Map.of(), "-Dvlmeta.probe=* -XshowSettings:properties", "--version");

        assertThat(flags.run().exitCode()).as(flags.run().both()).isZero();
        assertThat(flags.run().err()).as(flags.run().both()).contains("vlmeta.probe = *")
                .doesNotContain("a file a glob would list");
    }

    @Test
    void c1AloneForValidatingASmallCsvInEitherFormOfTheOption() throws Exception {
        Path csv = smallCsv();

        Flags separate = flags(Map.of(), "", "validate", "--csv", csv.toString(), "--string-fields", "a");
        Flags joined = flags(Map.of(), "", "validate", "--csv=" + csv, "--string-fields", "a");

        assertThat(separate.has(C1_ALONE)).as(separate.run().both()).isTrue();
        assertThat(separate.has(SERIAL)).as(separate.run().both()).isTrue();
        assertThat(joined.has(C1_ALONE)).as(joined.run().both()).isTrue();
    }

    @Test
    void c1AloneForUploadingAndPlanningASmallFileGivenAsInput() throws Exception {
        Path csv = smallCsv();

        Flags upload = flags(Map.of(), "", "upload", "--input", csv.toString(), "--no-such-option");
        Flags plan = flags(Map.of(), "", "plan", "--input=" + csv, "--no-such-option");

        assertThat(upload.has(C1_ALONE)).as(upload.run().both()).isTrue();
        assertThat(plan.has(C1_ALONE)).as(plan.run().both()).isTrue();
    }

    @Test
    void bothCompilersForACsvOf64MiBOrMore() throws Exception {
        // an unknown option ends the run at the command line, before the 64 MiB would be read
        Flags atLimit = flags(Map.of(), "", "validate", "--csv", fileOf("big.csv", 64 * MIB).toString(),
                "--no-such-option");
        Flags belowLimit = flags(Map.of(), "", "validate", "--csv", fileOf("less.csv", 64 * MIB - 1).toString(),
                "--no-such-option");

        assertThat(atLimit.run().exitCode()).as(atLimit.run().both()).isEqualTo(2);
        assertThat(atLimit.choosesCompilers()).as(atLimit.run().both()).isFalse();
        assertThat(belowLimit.has(C1_ALONE)).as(belowLimit.run().both()).isTrue();
    }

    @Test
    void leanerC2LoopAndInliningWorkForAnInputFrom64MiBToUnderOneGibibyteOfText() throws Exception {
        List<String> lean = List.of("-XX:LoopUnrollLimit=1", "-XX:-UseSuperWord", "-XX:-PartialPeelLoop",
                "-XX:InlineSmallCode=1000");

        Flags from = validatingFileOf("64 MiB.csv", 64 * MIB);
        Flags under = validatingFileOf("just under a GiB.csv", 1024 * MIB - 1);
        Flags packed = validatingFileOf("8 MiB of Parquet.parquet", 8 * MIB); // counted as 64 MiB of text
        Flags gibibyte = validatingFileOf("a GiB.csv", 1024 * MIB);
        Flags small = validatingFileOf("under 64 MiB.csv", 64 * MIB - 1);
        Flags theirs = flags(Map.of(), "-XX:LoopUnrollLimit=60", "validate", "--input",
                fileOf("theirs.csv", 64 * MIB).toString(), "--no-such-option");

        for (Flags flags : List.of(from, under, packed)) {
            assertThat(flags.options()).as(flags.run().both()).containsAll(lean).doesNotContain(C1_ALONE);
        }
        for (Flags flags : List.of(gibibyte, small)) {
            assertThat(flags.options()).as(flags.run().both()).doesNotContainAnyElementsOf(lean);
        }
        assertThat(small.has(C1_ALONE)).as(small.run().both()).isTrue();
        // the user's value comes after the script's and is the one Java keeps
        assertThat(theirs.options()).as(theirs.run().both()).contains("-XX:LoopUnrollLimit=60")
                .doesNotContain("-XX:LoopUnrollLimit=1");
    }

    @Test
    void anyOfTheLeanerC2OptionsInJavasOwnVariablesLeavesThemAllToTheUser() throws Exception {
        Path input = fileOf("a 64 MiB input.csv", 64 * MIB);
        // Java reads these variables before its command line, where the script's options would win
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
            for (String option : List.of("-XX:LoopUnrollLimit=60", "-XX:+UseSuperWord", "-XX:+PartialPeelLoop",
                    "-XX:InlineSmallCode=2500")) {
                Flags flags = flags(Map.of(variable, option), "", "validate", "--input", input.toString(),
                        "--no-such-option");

                assertThat(flags.options()).as(variable + "=" + option + ": " + flags.run().both())
                        .contains(option).doesNotContain("-XX:LoopUnrollLimit=1", "-XX:-UseSuperWord",
                                "-XX:-PartialPeelLoop", "-XX:InlineSmallCode=1000");
            }
        }
    }

    @Test
    void noLeanerC2OptionsForAJavaWithoutTheServerVm() throws Exception {
        // a java program of its own folder, without lib/server beside it, as a Zero or client VM's JDK is laid out
        Path jdk = Files.createDirectories(work.resolve("zero-jdk/bin"));
        Path java = jdk.resolve("java");
        Files.writeString(java, "#!/bin/sh\nexec " + Tools.javaHome().resolve("bin/java") + " \"$@\"\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        Path input = fileOf("another 64 MiB input.csv", 64 * MIB);

        Flags flags = flags(Map.of("JAVA_HOME", jdk.getParent().toString()), "", "validate", "--input",
                input.toString(), "--no-such-option");

        assertThat(flags.options()).as(flags.run().both()).doesNotContain("-XX:LoopUnrollLimit=1");
    }

    /** @return the flags of a validate of a file of that name and size, stopped at the command line */
    private Flags validatingFileOf(String name, long bytes) throws Exception {
        return flags(Map.of(), "", "validate", "--input", fileOf(name, bytes).toString(), "--no-such-option");
    }

    @Test
    void workbooksParquetAndGzipFilesHaveAnEighthOfTheLimitInAnyLetterCase() throws Exception {
        // they pack about 8 times more rows into a byte: a gzip'd JSON Lines file of 38 MiB holds a million
        for (String name : List.of("big.xlsx", "big.parquet", "big.jsonl.gz", "big.Xlsx", "big.XLSM", "big.csv.GZ")) {
            Flags big = validatingFileOf(name, 8 * MIB);
            assertThat(big.choosesCompilers()).as(name + ": " + big.run().both()).isFalse();
        }
        for (String name : List.of("small.xlsx", "small.Parquet", "small.jsonl.gz")) {
            Flags small = validatingFileOf(name, 8 * MIB - 1);
            assertThat(small.has(C1_ALONE)).as(name + ": " + small.run().both()).isTrue();
        }
    }

    @Test
    void bothCompilersForAnExportOf16MiBOrMoreThatIsOverHalfTheInput() throws Exception {
        Path csv = smallCsv();
        Path bigExport = fileOf("export of a million media.csv", 16 * MIB);
        Path smallExport = fileOf("small export.csv", 16 * MIB - 1);
        Path input = fileOf("input twice the export.csv", 32 * MIB);

        Flags big = flags(Map.of(), "", "validate", "--csv", csv.toString(), "--export-file", bigExport.toString(),
                "--no-such-option");
        Flags bigJoined = flags(Map.of(), "", "validate", "--csv", csv.toString(), "--export-file=" + bigExport,
                "--no-such-option");
        Flags small = flags(Map.of(), "", "validate", "--csv", csv.toString(), "--export-file", smallExport.toString(),
                "--no-such-option");
        Flags halfTheInput = flags(Map.of(), "", "validate", "--csv", input.toString(), "--export-file",
                bigExport.toString(), "--no-such-option");
        Flags unknown = flags(Map.of(), "", "validate", "--csv", csv.toString(), "--export-file", "/dev/stdin",
                "--no-such-option");

        assertThat(big.choosesCompilers()).as(big.run().both()).isFalse();
        assertThat(bigJoined.choosesCompilers()).as(bigJoined.run().both()).isFalse();
        assertThat(small.has(C1_ALONE)).as(small.run().both()).isTrue();
        assertThat(halfTheInput.has(C1_ALONE)).as(halfTheInput.run().both()).isTrue();
        assertThat(unknown.choosesCompilers()).as(unknown.run().both()).isFalse();
    }

    @Test
    void c1AloneForTheDemoWhoseRowsAreBundled() throws Exception {
        Flags demo = flags(Map.of(), "", "demo", "--no-such-option");

        assertThat(demo.run().exitCode()).as(demo.run().both()).isEqualTo(2);
        assertThat(demo.has(C1_ALONE)).as(demo.run().both()).isTrue();
        assertThat(demo.has(SERIAL)).as(demo.run().both()).isTrue();
    }

    @Test
    void c1AloneForAnEmulatorWhoseDatasetsHoldLessThan16MiBInAll() throws Exception {
        Path half = fileOf("half of the media.csv", 8 * MIB);
        Path lessThanHalf = fileOf("less than half.csv", 8 * MIB - 1);

        Flags none = flags(Map.of(), "", "emulator", "--no-such-option");
        Flags small = flags(Map.of(), "", "emulator", "--dataset", "a=" + half, "--dataset=b=" + lessThanHalf,
                "--no-such-option");
        Flags big = flags(Map.of(), "", "emulator", "--dataset", "a=" + half, "--dataset=b=" + half,
                "--no-such-option");
        Flags pipe = flags(Map.of(), "", "emulator", "--dataset", "a=/dev/stdin", "--no-such-option");
        Path arguments = Files.writeString(work.resolve("emulator arguments.txt"), "--dataset a=" + half);
        Flags argumentFile = flags(Map.of(), "", "emulator", "@" + arguments, "--no-such-option");
        Flags userChoice = flags(Map.of(), "-XX:TieredStopAtLevel=4", "emulator", "--no-such-option");

        assertThat(none.run().exitCode()).as(none.run().both()).isEqualTo(2);
        assertThat(none.has(C1_ALONE)).as(none.run().both()).isTrue();
        assertThat(small.has(C1_ALONE)).as(small.run().both()).isTrue();
        assertThat(big.choosesCompilers()).as(big.run().both()).isFalse();
        assertThat(pipe.choosesCompilers()).as(pipe.run().both()).isFalse();
        assertThat(argumentFile.choosesCompilers()).as(argumentFile.run().both()).isFalse();
        assertThat(userChoice.options()).as(userChoice.run().both()).doesNotContain(C1_ALONE);
    }

    @Test
    void bothCompilersForStandardInputAFolderOrAnotherCommand() throws Exception {
        Path folder = Files.createDirectories(work.resolve("sidecars"));
        Path csv = smallCsv();

        Flags stdin = flags(Map.of(), "", "validate", "--csv", "-", "--no-such-option");
        Flags sidecars = flags(Map.of(), "", "validate", "--input", folder.toString(), "--no-such-option");
        Flags export = flags(Map.of(), "", "export", "--csv", csv.toString(), "--no-such-option");

        for (Flags flags : List.of(stdin, sidecars, export)) {
            assertThat(flags.choosesCompilers()).as(flags.run().both()).isFalse();
            assertThat(flags.has(SERIAL)).as(flags.run().both()).isTrue();
        }
    }

    @Test
    void aCompilerOptionOfTheUsersReplacesTheDefault() throws Exception {
        Path csv = smallCsv();

        Flags flags = flags(Map.of(), "-XX:TieredStopAtLevel=4", "validate", "--csv", csv.toString(),
                "--no-such-option");

        assertThat(flags.options()).as(flags.run().both()).doesNotContain(C1_ALONE);
        assertThat(flags.has(SERIAL)).as(flags.run().both()).isTrue();
    }

    @Test
    void theYoungGenerationIsCappedWhenJavaSeesFourGibibytesOrMore() throws Exception {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();

        Flags flags = flags(Map.of(), "", "--version");

        assertThat(flags.run().exitCode()).as(flags.run().both()).isZero();
        assertThat(flags.has(YOUNG_CAP)).as(flags.run().both() + " with " + memory + " bytes of memory")
                .isEqualTo(memory >= FOUR_GIB);
    }

    @Test
    void aHeapOrYoungGenerationSizeOfTheUsersLeavesTheYoungGenerationToThem() throws Exception {
        for (String option : List.of("-Xmx512m", "-Xmn64m", "-XX:MaxHeapSize=700m", "-XX:NewSize=32m",
                "-XX:NewRatio=3", "-XX:MaxRAMPercentage=10")) {
            Flags flags = flags(Map.of(), option, "--version");

            assertThat(flags.run().exitCode()).as(option + ": " + flags.run().both()).isZero();
            assertThat(flags.has(YOUNG_CAP)).as(option + ": " + flags.run().both()).isFalse();
            assertThat(flags.has(SERIAL)).as(option + ": " + flags.run().both()).isTrue();
        }
        Flags small = flags(Map.of(), "-Xmx64m", "--version");
        // Java's warning when a cap reaches the whole heap would go to standard output, ahead of --json
        assertThat(small.run().out()).as(small.run().both()).doesNotContain("warning");
    }

    @Test
    void noCapWhenLessThanFourGibibytesOfMemoryAreSeen() throws Exception {
        // /proc/meminfo replaced, for the script alone, by one of a 2 GB machine: needs a mount namespace
        Path meminfo = Files.writeString(work.resolve("meminfo"), "MemTotal:        2000000 kB\nMemFree: 1 kB\n");
        Path unshare = Path.of("/usr/bin/unshare");
        Path mount = Path.of("/usr/bin/mount");
        assumeTrue(Files.isExecutable(unshare) && Files.isExecutable(mount), "no unshare or mount");
        Launch probe = Launch.run(work, Map.of(), unshare.toString(), "--mount", mount.toString(), "--bind",
                meminfo.toString(), "/proc/meminfo");
        assumeTrue(probe.exitCode() == 0, "no mount namespace here: " + probe.both());

        Flags flags = flagsOf(Map.of(), "", List.of(unshare.toString(), "--mount", "/bin/sh", "-c",
                mount + " --bind \"$1\" /proc/meminfo && shift && exec \"$@\"", "sh", meminfo.toString(),
                script.toString(), "--version"));

        assertThat(flags.run().exitCode()).as(flags.run().both()).isZero();
        assertThat(flags.has(SERIAL)).as(flags.run().both()).isTrue();
        assertThat(flags.has(YOUNG_CAP)).as(flags.run().both()).isFalse();
    }
    @Test
    void javasOwnWarningsGoToStandardErrorAndLeaveStandardOutputToTheJob() throws Exception {
        Path reserved = Path.of("/proc/sys/vm/nr_hugepages");
        assumeTrue(Files.isReadable(reserved) && Files.readString(reserved).strip().equals("0"),
                "Java warns of -XX:+UseLargePages only where no large pages are reserved");
        Map<String, String> env = Map.of("PATH", path, "HOME", work.toString(), "VLMETA_CDS", "0",
                "VLMETA_JAVA_OPTS", "-XX:+UseLargePages");

        Launch run = Launch.run(work, env, List.of(script.toString(), "--version"));

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).as(run.both()).startsWith("vlmeta ").doesNotContain("[warning]");
        assertThat(run.err()).as(run.both()).contains("[warning][pagesize] UseLargePages disabled");
    }

    @Test
    void loggingSetInJavasOwnVariablesIsLeftAsTheUserSetIt() throws Exception {
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
            Path log = work.resolve(variable + ".log");
            Map<String, String> env = Map.of("PATH", path, "HOME", work.toString(), "VLMETA_CDS", "0",
                    variable, "-Xlog:gc:file=" + log);

            Launch run = Launch.run(work, env, List.of(script.toString(), "--version"));

            assertThat(run.exitCode()).as(run.both()).isZero();
            assertThat(log).as(variable + ": " + run.both()).content().contains("[gc] Using Serial");
        }
    }

    @Test
    void transparentHugePagesWhereTheKernelGivesThemToMemoryThatAsksForThem() throws Exception {
        String setting = Files.isReadable(THP_SETTING) ? Files.readString(THP_SETTING).strip() : "(none)";

        Flags flags = flags(Map.of(), "", "--version");

        assertThat(flags.run().exitCode()).as(flags.run().both()).isZero();
        assertThat(flags.has(HUGE_PAGES)).as(flags.run().both() + " with the kernel's setting " + setting)
                .isEqualTo(setting.contains("[madvise]"));
        assertThat(flags.run().out()).as(flags.run().both()).doesNotContain("warning");
    }

    @Test
    void aPageOptionOfTheUsersLeavesPagesToThem() throws Exception {
        for (String option : List.of("-XX:-UseTransparentHugePages", "-XX:LargePageSizeInBytes=2m", "-XX:-UseHugeTLBFS",
                "-XX:-UseSHM")) {
            Flags flags = flags(Map.of(), option, "--version");

            assertThat(flags.run().exitCode()).as(option + ": " + flags.run().both()).isZero();
            assertThat(flags.has(HUGE_PAGES)).as(option + ": " + flags.run().both()).isFalse();
            assertThat(flags.has(SERIAL)).as(option + ": " + flags.run().both()).isTrue();
        }
    }

    @Test
    void hugePagesOnlyWhenTheKernelsSettingIsMadvise() throws Exception {
        // the kernel's setting replaced, for the script alone, by each one it can have: needs a mount namespace
        Path unshare = Path.of("/usr/bin/unshare");
        Path mount = Path.of("/usr/bin/mount");
        assumeTrue(Files.isExecutable(unshare) && Files.isExecutable(mount) && Files.exists(THP_SETTING),
                "no unshare, mount or transparent huge pages");
        Path probeFile = Files.writeString(work.resolve("probe"), "always [madvise] never\n");
        Launch probe = Launch.run(work, Map.of(), unshare.toString(), "--mount", mount.toString(), "--bind",
                probeFile.toString(), THP_SETTING.toString());
        assumeTrue(probe.exitCode() == 0, "no mount namespace here: " + probe.both());

        for (Map.Entry<String, Boolean> setting : Map.of("always [madvise] never", true,
                "[always] madvise never", false, "always madvise [never]", false, "", false).entrySet()) {
            Path fake = Files.writeString(work.resolve("thp setting"), setting.getKey() + "\n");
            Flags flags = flagsOf(Map.of(), "", List.of(unshare.toString(), "--mount", "/bin/sh", "-c",
                    mount + " --bind \"$1\" " + THP_SETTING + " && shift && exec \"$@\"", "sh", fake.toString(),
                    script.toString(), "--version"));

            assertThat(flags.run().exitCode()).as(setting + ": " + flags.run().both()).isZero();
            assertThat(flags.has(HUGE_PAGES)).as(setting + ": " + flags.run().both()).isEqualTo(setting.getValue());
        }
    }
}

package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command line read before it is parsed (early signal handlers, refusals) reads @files as the parser does. */
class ArgumentFilesTest {
    @TempDir
    Path dir;

    @Test
    void aJobWrittenWholeInAFileIsAJobAndItsJsonOptionIsSeen() throws Exception {
        Path file = Files.writeString(dir.resolve("job.txt"),
                "validate --csv \"my metadata.csv\"\n# a comment\n--json\n");

        String[] args = {"@" + file};

        assertThat(ArgumentFiles.read(args)).containsExactly("validate", "--csv", "my metadata.csv", "--json");
        assertThat(Cli.runsAJob(args)).isTrue();
        assertThat(Cli.asksForJson(args)).isTrue();
    }

    @Test
    void aFileNamedInsideAFileIsReadToo() throws Exception {
        Path inner = Files.writeString(dir.resolve("inner.txt"), "--json");
        Path outer = Files.writeString(dir.resolve("outer.txt"), "--csv m.csv @" + inner);

        assertThat(Cli.asksForJson(new String[] {"upload", "@" + outer})).isTrue();
    }

    @Test
    void aJsonOptionAfterTheEndOfOptionsInAFileIsNoOption() throws Exception {
        Path file = Files.writeString(dir.resolve("args.txt"), "--csv m.csv -- --json");

        assertThat(Cli.asksForJson(new String[] {"validate", "@" + file})).isFalse();
    }

    @Test
    void aPipeIsLeftForTheParserToReadOnce() throws Exception {
        Path fifo = dir.resolve("args.fifo");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        String[] args = {"validate", "@" + fifo};

        // reading it would block until a writer came, and take its words from the parser
        assertThat(ArgumentFiles.read(args)).isSameAs(args);
        assertThat(Cli.asksForJson(args)).isFalse();
    }

    @Test
    void aFolderGivenAsAnArgumentFileIsAUsageErrorWithoutATrace() {
        CliRun run = CliRun.of(java.util.Map.of(), dir, "validate", "--json", "@" + dir);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: Cannot read the argument file '@" + dir + "': " + dir + " is a folder. "
                + "An argument starting with @ names a file of arguments; write @@ for a word that starts with @.\n");
        assertThat(run.out()).startsWith("{\"status\":\"error\",\"exit_code\":2,").hasLineCount(1);
    }

    @Test
    void argumentsWithoutFilesAndMissingFilesStayAsGiven() {
        String[] plain = {"validate", "--csv", "m.csv", "--json"};
        String[] missing = {"validate", "@" + dir.resolve("no such file.txt")};
        String[] escaped = {"validate", "--string-fields", "@@handle"};

        assertThat(ArgumentFiles.read(plain)).isSameAs(plain);
        assertThat(ArgumentFiles.read(missing)).containsExactly(missing);
        assertThat(ArgumentFiles.read(escaped)).isSameAs(escaped); // @@ starts a word, which names no file
        assertThat(Cli.asksForJson(missing)).isFalse();
    }
}

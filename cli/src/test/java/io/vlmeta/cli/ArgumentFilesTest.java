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
        Path file = Files.writeString(dir.resolve("job.txt"), "validate --csv \"my metadata.csv\"\n# a comment\n--json\n");

        String[] args = {"@" + file};

        assertThat(Cli.withArgumentFilesRead(args)).containsExactly("validate", "--csv", "my metadata.csv", "--json");
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
    void argumentsWithoutFilesAndMissingFilesStayAsGiven() {
        String[] plain = {"validate", "--csv", "m.csv", "--json"};
        String[] missing = {"validate", "@" + dir.resolve("no such file.txt")};
        String[] escaped = {"validate", "--string-fields", "@@handle"};

        assertThat(Cli.withArgumentFilesRead(plain)).isSameAs(plain);
        assertThat(Cli.withArgumentFilesRead(missing)).containsExactly(missing);
        assertThat(Cli.withArgumentFilesRead(escaped)).containsExactly("validate", "--string-fields", "@handle");
        assertThat(Cli.asksForJson(missing)).isFalse();
    }
}

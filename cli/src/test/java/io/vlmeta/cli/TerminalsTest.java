package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the name of standard error's file tells about it being a terminal, before a shell is asked. */
class TerminalsTest {
    @TempDir
    Path dir;

    private Path link(String target) throws IOException {
        return Files.createSymbolicLink(dir.resolve("fd-" + Math.abs(target.hashCode())), Path.of(target));
    }

    @Test
    void rulesOutPipesSocketsFilesAndDevNull() throws Exception {
        for (String target : new String[] {"pipe:[4711]", "socket:[815]", "/home/ann/run.log",
            "/tmp/err (deleted)", "/dev/null"}) {
            assertThat(Terminals.notATerminal(link(target))).as(target).isTrue();
        }
    }

    @Test
    void leavesOtherDevicesToTheTerminalTest() throws Exception {
        for (String target : new String[] {"/dev/pts/3", "/dev/tty1", "/dev/console", "/dev/ttyS0"}) {
            assertThat(Terminals.notATerminal(link(target))).as(target).isFalse();
        }
        assertThat(Terminals.notATerminal(dir.resolve("no such link"))).isFalse();
    }

    @Test
    void answersForTheTestsOwnStandardErrorWithoutAShell() throws Exception {
        Path stderr = Path.of("/proc/self/fd/2");
        assumeTrue(Files.isSymbolicLink(stderr), "no /proc here");

        // the tests' standard error is a pipe or a file: the name says so, as the shell's test does
        assertThat(Terminals.notATerminal(stderr)).isTrue();
        assertThat(new ProcessBuilder("sh", "-c", "[ -t 2 ]").redirectError(ProcessBuilder.Redirect.INHERIT)
                .start().waitFor()).isEqualTo(1);
        assertThat(Terminals.stderrIsTerminal()).isFalse();
    }
}

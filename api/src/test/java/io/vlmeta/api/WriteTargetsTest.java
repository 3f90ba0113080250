package io.vlmeta.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteTargetsTest {
    @TempDir
    Path dir;

    /** Stands for /dev, with shm inside it standing for /dev/shm: the real system folders are never touched. */
    private Path system;
    private WriteTargets targets;

    @BeforeEach
    void systemFolderOfTheTestsOwn() throws Exception {
        dir = dir.toRealPath();
        system = Files.createDirectories(dir.resolve("dev"));
        Files.createDirectories(system.resolve("shm"));
        targets = new WriteTargets(List.of(system), List.of(system.resolve("shm")));
    }

    @Test
    void aPipeIsRefusedAndStaysAPipe() throws Exception {
        Path pipe = fifo(dir.resolve("out.csv"));

        assertThat(targets.whyNotReplaceable(pipe)).contains("is a pipe");
        assertThat(Files.isRegularFile(pipe, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(pipe, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void aLinkToAPipeIsRefusedNamingWhereItLeadsAndStaysALink() throws Exception {
        Path pipe = fifo(dir.resolve("pipe"));
        Path link = Files.createSymbolicLink(dir.resolve("report.html"), pipe);

        assertThat(targets.whyNotReplaceable(link)).contains("is a link to " + pipe + ", a pipe");
        assertThat(Files.readSymbolicLink(link)).isEqualTo(pipe);
    }

    @Test
    void aFolderABlankPathAndADashAreRefused() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("up.json"));

        assertThat(targets.whyNotReplaceable(folder)).contains("is a folder");
        assertThat(targets.whyNotReplaceable(Path.of(""))).contains("is empty");
        assertThat(targets.whyNotReplaceable(Path.of("-")))
                .contains("is '-', which names a file called '-' here, not standard output");
    }

    @Test
    void aPathIntoASystemFolderIsRefusedAlsoThroughALinkedParentFolderOrALinkedName() throws Exception {
        Files.writeString(system.resolve("null"), "stands for a device");
        Path devlink = Files.createSymbolicLink(dir.resolve("devlink"), system);
        Path named = Files.createSymbolicLink(dir.resolve("out.csv"), system.resolve("null"));

        assertThat(targets.whyNotReplaceable(system.resolve("x.csv")))
                .contains("leads into " + system + ", where the system keeps its devices and standard streams");
        assertThat(targets.whyNotReplaceable(devlink.resolve("x.csv"))).contains("leads to " + system.resolve("x.csv")
                + ", into " + system + ", where the system keeps its devices and standard streams");
        assertThat(targets.whyNotReplaceable(devlink.resolve("null"))).contains("leads to " + system.resolve("null")
                + ", into " + system + ", where the system keeps its devices and standard streams");
        assertThat(targets.whyNotReplaceable(named)).contains("leads to " + system.resolve("null")
                + ", into " + system + ", where the system keeps its devices and standard streams");
        assertThat(Files.readString(system.resolve("null"))).isEqualTo("stands for a device");
        assertThat(system.resolve("x.csv")).doesNotExist();
    }

    @Test
    void aLinkInASystemFolderIsRefusedThoughItLeadsToAnOrdinaryFileForTheMoveWouldReplaceTheLink()
            throws Exception {
        // as /dev/stdout leads to the file standard output was sent to
        Path file = Files.writeString(dir.resolve("redirected.txt"), "standard output");
        Path stdout = Files.createSymbolicLink(system.resolve("stdout"), file);

        assertThat(targets.whyNotReplaceable(stdout))
                .contains("leads into " + system + ", where the system keeps its devices and standard streams");
        assertThat(Files.readSymbolicLink(stdout)).isEqualTo(file);
    }

    @Test
    void anOpenFolderInsideASystemFolderTakesFiles() {
        assertThat(targets.whyNotReplaceable(system.resolve("shm/x.csv"))).isEmpty();
        assertThat(targets.whyNotReplaceable(system.resolve("shm/new/x.csv"))).isEmpty();
    }

    @Test
    void aNewAnExistingOrALinkedRegularFileMayBeReplaced() throws Exception {
        Path existing = Files.writeString(dir.resolve("plan.yaml"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), existing);
        Path folderLink = Files.createSymbolicLink(dir.resolve("reports"), Files.createDirectories(dir.resolve("r")));

        assertThat(targets.whyNotReplaceable(existing)).isEmpty();
        assertThat(targets.whyNotReplaceable(link)).isEmpty();
        assertThat(targets.whyNotReplaceable(dir.resolve("not/yet/made.csv"))).isEmpty();
        assertThat(targets.whyNotReplaceable(folderLink.resolve("x.html"))).isEmpty();
        assertThat(targets.whyNotReplaceable(Path.of("relative-name.csv"))).isEmpty();
    }

    @Test
    void aLinkLoopEndsWithoutARefusalOfItsOwn() throws Exception {
        Path a = dir.resolve("a");
        Files.createSymbolicLink(a, dir.resolve("b"));
        Files.createSymbolicLink(dir.resolve("b"), a);

        assertThat(targets.whyNotReplaceable(a)).isEmpty(); // the move reports the loop in the system's words
    }

    @Test
    void theRefusalIsOneUsageLineNamingThePathWhyAndWhatToGiveInstead() throws Exception {
        Path pipe = fifo(dir.resolve("plan.yaml"));

        assertThatThrownBy(() -> targets.check(pipe, "Cannot write the plan to -o", "name a file, e.g. -o plan.yaml"))
                .isInstanceOf(VlmetaException.class)
                .hasMessage("Cannot write the plan to -o '" + pipe + "': it is a pipe; name a file, e.g. -o plan.yaml.")
                .extracting(e -> ((VlmetaException) e).code().exitCode()).isEqualTo(2);
    }

    private static Path fifo(Path path) throws Exception {
        assertThat(new ProcessBuilder("mkfifo", path.toString()).start().waitFor()).isZero();
        return path;
    }
}

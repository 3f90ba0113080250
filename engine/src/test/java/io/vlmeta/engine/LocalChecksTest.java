package io.vlmeta.engine;

import io.vlmeta.api.VlmetaException;
import io.vlmeta.api.WriteTargets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalChecksTest {
    @TempDir
    Path dir;

    @Test
    void refusesWhenTheTemporaryFolderCannotHoldTheBatchFilesSayingHowMuchIsNeededAndFree() throws IOException {
        Path input = Files.write(dir.resolve("big.csv"), new byte[1 << 20]);
        long free = Files.getFileStore(dir).getUsableSpace();
        // one MB of input per field: more fields than the disk has megabytes cannot fit
        int fields = (int) Math.min(Integer.MAX_VALUE, (free >> 20) + 1);

        assertThatThrownBy(() -> LocalChecks.freeSpace(input, fields, dir))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code().exitCode()).isEqualTo(1))
                .hasMessageStartingWith("Not enough free disk for the upload's batch files in " + dir + ": about ")
                .hasMessageContaining(" needed (" + fields + " fields of a 1.0 MB input), ")
                .hasMessageContaining(" free; free some space or point java.io.tmpdir elsewhere");
    }

    @Test
    void acceptsAnInputTheTemporaryFolderHasRoomFor() throws IOException {
        Path input = Files.writeString(dir.resolve("small.csv"), "file_fullpath,a\nx.jpg,1\n");

        assertThatCode(() -> LocalChecks.freeSpace(input, 3, dir)).doesNotThrowAnyException();
    }

    @Test
    void createsAMissingStateFolderAndLeavesNoProbeBehind() throws IOException {
        Path state = dir.resolve("a/b/state");

        LocalChecks.writableFolder(state);

        assertThat(state).isDirectory();
        try (var files = Files.list(state)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void acceptsAReportInAFolderStillToBeCreated() {
        assertThatCode(() -> LocalChecks.writableFile(dir.resolve("new/sub/report.html"),
                LocalChecks.REPORT_REFUSED, LocalChecks.REPORT_INSTEAD))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesARejectsFileInAFolderWhereNoFileCanBeMadeEvenForRoot() {
        // permissions let root write anywhere; /proc still takes no new file, whoever asks
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc")), "needs Linux's /proc");

        assertThatThrownBy(() -> LocalChecks.writableFile(Path.of("/proc/nope/rejects.csv"),
                LocalChecks.REJECTS_REFUSED, LocalChecks.REJECTS_INSTEAD))
                .isInstanceOf(VlmetaException.class)
                .hasMessage("Cannot write the rejected rows to --rejects '/proc/nope/rejects.csv': the folder /proc does"
                        + " not let files be created in it; " + LocalChecks.REJECTS_INSTEAD + ".");
    }

    @Test
    void aStateFolderThatIsAFileOrUnderAFileIsSaidToBeOne() throws IOException {
        Path file = Files.writeString(dir.resolve("state"), "x");

        assertThatThrownBy(() -> LocalChecks.writableFolder(file))
                .hasMessage("Cannot keep the resume journal in --state-dir '" + file + "': it is a file, not a folder;"
                        + " give --state-dir a folder this user can write.");
        assertThatThrownBy(() -> LocalChecks.writableFolder(file.resolve("deeper")))
                .hasMessage("Cannot keep the resume journal in --state-dir '" + file.resolve("deeper") + "': " + file
                        + " in its path is a file, not a folder; give --state-dir a folder this user can write.");
    }

    @Test
    void aStateFolderWhereNoFileCanBeMadeSaysSoWithoutTheSystemsWords() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc")), "needs Linux's /proc");

        assertThatThrownBy(() -> LocalChecks.writableFolder(Path.of("/proc/vlmeta-state")))
                .hasMessage("Cannot keep the resume journal in --state-dir '/proc/vlmeta-state': the folder /proc does"
                        + " not let files be created in it; give --state-dir a folder this user can write.");
    }

    @Test
    void sizesBytesInUnitsPeopleRead() {
        assertThat(LocalChecks.bytes(512)).isEqualTo("0.5 KB");
        assertThat(LocalChecks.bytes(3L << 20)).isEqualTo("3.0 MB");
        assertThat(LocalChecks.bytes(5L << 30)).isEqualTo("5.0 GB");
    }

    @Test
    void aReportIntoASystemFolderThroughALinkedFolderIsRefusedNamingTheFileAndWhatToGiveInstead() throws IOException {
        Path system = Files.createDirectories(dir.toRealPath().resolve("dev"));
        Files.writeString(system.resolve("null.html"), "stands for a device");
        Path devlink = Files.createSymbolicLink(dir.resolve("devlink"), system);
        WriteTargets targets = new WriteTargets(List.of(system), List.of());

        assertThatThrownBy(() -> LocalChecks.replaceableReport(devlink.resolve("null"), targets))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code().exitCode()).isEqualTo(2))
                .hasMessage("Cannot write the report to --report '" + devlink.resolve("null.html") + "': it leads to "
                        + system.resolve("null.html") + ", into " + system + ", where the system keeps its devices "
                        + "and standard streams; " + LocalChecks.REPORT_INSTEAD + ".");
        assertThat(system.resolve("null.html")).hasContent("stands for a device");
    }

    @Test
    void aReportWhoseJsonSiblingIsAPipeIsRefusedNamingTheSibling() throws Exception {
        Path json = dir.resolve("r.json");
        assertThat(new ProcessBuilder("mkfifo", json.toString()).start().waitFor()).isZero();

        assertThatThrownBy(() -> LocalChecks.replaceableReport(dir.resolve("r.html"), WriteTargets.SYSTEM))
                .hasMessage("Cannot write the report's JSON file, beside --report " + dir.resolve("r.html") + ", to '"
                        + json + "': it is a pipe; " + LocalChecks.REPORT_INSTEAD + ".");
        assertThat(Files.isRegularFile(json)).isFalse();
        assertThat(Files.exists(json)).isTrue();
    }

    @Test
    void aReportOfOrdinaryFilesPasses() {
        assertThatCode(() -> LocalChecks.replaceableReport(dir.resolve("new/r.html"), WriteTargets.SYSTEM))
                .doesNotThrowAnyException();
    }
}

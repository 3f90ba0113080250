package io.vlmeta.sources.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.SourceRequest;
import io.vlmeta.api.VlmetaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input that cannot be read is refused in FileFaults' words, as every file vlmeta reads, never in the system's
 * own. Permission denied, which does not stop the superuser, is also built as Java builds it.
 */
class UnreadableInputTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileIsSaidNotToExist() {
        Path missing = dir.resolve("missing.xlsx");

        assertThat(refusal(missing)).isEqualTo("INPUT_UNREADABLE: " + missing + " does not exist.");
    }

    @Test
    void aFolderGivenAsTheFileIsSaidToBeOne() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("data.xlsx"));

        assertThat(refusal(folder)).isEqualTo("INPUT_UNREADABLE: " + folder + " is a folder, not an Excel workbook.");
    }

    @Test
    void aSymbolicLinkToNothingIsSaidToBeOneNamingWhereItPoints() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("linked.xlsx"), dir.resolve("gone.xlsx"));

        assertThat(refusal(link)).isEqualTo("INPUT_UNREADABLE: " + link + " is a symbolic link to "
                + dir.resolve("gone.xlsx") + ", which does not exist.");
    }

    @Test
    void aPathThroughAFileIsSaidNotToExist() throws IOException {
        Path through = Files.writeString(dir.resolve("notes.txt"), "x").resolve("data.xlsx");

        assertThat(refusal(through)).isEqualTo("INPUT_UNREADABLE: " + through + " does not exist.");
    }

    @Test
    void aFileThisUserMayNotReadIsSaidToBeOne() throws IOException {
        Path locked = Files.writeString(dir.resolve("locked.xlsx"), "x");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "the superuser reads any file, so permission cannot be denied");

        assertThat(refusal(locked)).isEqualTo("INPUT_UNREADABLE: " + locked + " cannot be read (no permission).");
    }

    @Test
    void aFailureWhileTheWorkbookIsReadIsSaidInWordsWithoutTheSystemsText() throws IOException {
        Path file = Files.writeString(dir.resolve("data.xlsx"), "x");

        VlmetaException failing = WorkbookFailures.translate(new IOException("Input/output error"), file, "data.xlsx",
                "data.xlsx, sheet 'metadata'");
        VlmetaException damaged = WorkbookFailures.translate(new java.util.zip.ZipException("invalid stored block "
                + "lengths"), file, "data.xlsx", "data.xlsx, sheet 'metadata'");

        assertThat(failing.code().name() + ": " + failing.getMessage()).isEqualTo("INPUT_UNREADABLE: data.xlsx cannot "
                + "be read (an input/output error of the system).");
        assertThat(damaged.code().name() + ": " + damaged.getMessage()).isEqualTo("INPUT_UNREADABLE: data.xlsx, sheet "
                + "'metadata' is damaged: its compressed content cannot be unpacked; open the file in a spreadsheet "
                + "program and save it again.");
    }

    @Test
    void aWorkbookPoiCannotReadIsRefusedWithoutJavasNames() throws IOException {
        Path file = Files.writeString(dir.resolve("data.xlsx"), "x");

        VlmetaException refused = WorkbookFailures.translate(new IllegalStateException("Can't open the specified "
                + "file"), file, "data.xlsx", "data.xlsx");

        assertThat(refused.code().name() + ": " + refused.getMessage()).isEqualTo("INPUT_UNREADABLE: data.xlsx could "
                + "not be read as an Excel workbook; open it in a spreadsheet program and save it again as .xlsx.");
    }

    /** @return the refusal of opening {@code file}, as code and message */
    private static String refusal(Path file) {
        VlmetaException refused = catchThrowableOfType(() -> new XlsxSourceProvider().open(new SourceRequest(file, null,
                Map.of()), ProblemReporter.DISCARD).close(), VlmetaException.class);
        assertThat(refused).as("a refusal of " + file).isNotNull();
        return refused.code().name() + ": " + refused.getMessage();
    }
}

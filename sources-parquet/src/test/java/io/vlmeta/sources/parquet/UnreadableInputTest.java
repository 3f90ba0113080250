package io.vlmeta.sources.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.SourceRequest;
import io.vlmeta.api.VlmetaException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
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
        Path missing = dir.resolve("missing.parquet");

        assertThat(refusal(missing)).isEqualTo("INPUT_UNREADABLE: " + missing + " does not exist.");
    }

    @Test
    void aFolderThisUserMayNotListIsSaidToBeOne() throws IOException {
        Path locked = Files.createDirectories(dir.resolve("parts"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(locked), "the superuser lists any folder, so permission cannot be denied");

            assertThat(refusal(locked)).isEqualTo("INPUT_UNREADABLE: Folder " + locked + " cannot be listed (no "
                    + "permission).");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aFolderThatCannotBeListedIsSaidInWordsWithoutTheSystemsText() {
        VlmetaException denied = ParquetInputs.unlistable(dir, new AccessDeniedException(dir.toString()));
        VlmetaException failing = ParquetInputs.unlistable(dir, new FileSystemException(dir.toString(), null,
                "Input/output error"));

        assertThat(denied.getMessage()).isEqualTo("Folder " + dir + " cannot be listed (no permission).");
        assertThat(failing.getMessage()).isEqualTo("Folder " + dir + " cannot be listed (an input/output error of the "
                + "system).");
        assertThat(failing.code()).isEqualTo(ErrorCode.INPUT_UNREADABLE);
    }

    @Test
    void aPartFileThisUserMayNotReadIsNamedAndSaidToBeOne() throws IOException {
        Path parts = Files.createDirectories(dir.resolve("parts"));
        Path locked = Files.writeString(parts.resolve("part-00000.parquet"), "x");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "the superuser reads any file, so permission cannot be denied");

        assertThat(refusal(parts)).isEqualTo("INPUT_UNREADABLE: " + locked + " cannot be read (no permission).");
    }

    @Test
    void aSymbolicLinkToNothingIsSaidToBeOneNamingWhereItPoints() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("linked.parquet"), dir.resolve("gone.parquet"));

        assertThat(refusal(link)).isEqualTo("INPUT_UNREADABLE: " + link + " is a symbolic link to "
                + dir.resolve("gone.parquet") + ", which does not exist.");
    }

    @Test
    void aPathThroughAFileIsSaidNotToExist() throws IOException {
        Path through = Files.writeString(dir.resolve("notes.txt"), "x").resolve("data.parquet");

        assertThat(refusal(through)).isEqualTo("INPUT_UNREADABLE: " + through + " does not exist.");
    }

    @Test
    void aFileThisUserMayNotReadIsSaidToBeOne() throws IOException {
        Path locked = Files.writeString(dir.resolve("locked.parquet"), "x");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "the superuser reads any file, so permission cannot be denied");

        assertThat(refusal(locked)).isEqualTo("INPUT_UNREADABLE: " + locked + " cannot be read (no permission).");
    }

    /** @return the refusal of opening {@code file}, as code and message */
    private static String refusal(Path file) {
        VlmetaException refused = catchThrowableOfType(() -> new ParquetSourceProvider().open(new SourceRequest(file, null,
                Map.of()), ProblemReporter.DISCARD).close(), VlmetaException.class);
        assertThat(refused).as("a refusal of " + file).isNotNull();
        return refused.code().name() + ": " + refused.getMessage();
    }
}

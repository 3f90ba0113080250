package io.vlmeta.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The reasons for faults a test cannot cause for real on every machine (permissions do not stop the root
 * user; a full disk): the exceptions Java throws for them are built here as it builds them.
 */
class FileProblemsTest {
    private static final Path LIST = Path.of("lists", "files.txt");
    /** In a folder that exists: the reason is read from what stands at the path before the exception. */
    private static final Path DUMP = Path.of(System.getProperty("java.io.tmpdir"), "vlmeta-state.json");

    @Test
    void aFileListWithoutReadPermissionSaysPermissionDenied() {
        String reason = FileProblems.whyFileListUnreadable(LIST, new AccessDeniedException(LIST.toString()));

        assertThat(reason).isEqualTo("it cannot be read (permission denied); allow reading it, or give a UTF-8 text"
                + " file with one file name per line, or an export CSV with a 'filename' column");
    }

    @Test
    void anUnknownReadFailureGetsAGeneralSentenceWithoutTheExceptionsWords() {
        String reason = FileProblems.whyFileListUnreadable(LIST,
                new FileSystemException(LIST.toString(), null, "Input/output error in sun.nio.fs.UnixException"));

        assertThat(reason).isEqualTo("it cannot be read as a file list; give a UTF-8 text file with one file name per"
                + " line, or an export CSV with a 'filename' column");
    }

    @Test
    void aDumpWithoutWritePermissionSaysPermissionDenied() {
        String reason = FileProblems.whyDumpUnwritable(DUMP, new AccessDeniedException(DUMP.toString()));

        assertThat(reason).isEqualTo("permission denied (the folder " + DUMP.toAbsolutePath().getParent()
                + " or the file cannot be written); give --dump a file in a folder you can write to, on a disk with room");
    }

    @Test
    void aDumpOnAFullDiskSaysTheDiskIsFull() {
        String reason = FileProblems.whyDumpUnwritable(DUMP, new IOException("No space left on device"));

        assertThat(reason).isEqualTo("the disk is full; give --dump a file in a folder you can write to, on a disk"
                + " with room");
    }

    @Test
    void anUnknownWriteFailureGetsAGeneralSentenceWithoutTheExceptionsWords() {
        String reason = FileProblems.whyDumpUnwritable(DUMP, new IOException("Stream Closed"));

        assertThat(reason).isEqualTo("the system could not write it (an input/output error); give --dump a file in a"
                + " folder you can write to, on a disk with room");
    }
}

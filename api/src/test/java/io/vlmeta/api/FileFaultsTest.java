package io.vlmeta.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults are made for real where a test can make them (a folder where the file goes, a missing folder, a path
 * through a file, a system folder that takes no files); permission denied and a full disk, which do not stop
 * the root user or need a full disk, are built as Java builds them.
 */
class FileFaultsTest {
    @TempDir
    Path dir;

    /** @return what writing {@code file} as the program does throws */
    private static IOException writing(Path file) {
        try {
            Files.writeString(file, "x");
        } catch (IOException e) {
            return e;
        }
        throw new AssertionError(file + " was written");
    }

    @Test
    void aFolderWhereTheFileGoesIsSaidToBeAFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("out.csv"));

        assertThat(FileFaults.whyUnwritable(folder, writing(folder))).isEqualTo("it is a folder");
    }

    @Test
    void aMissingFolderIsNamed() {
        Path file = dir.resolve("gone/out.csv");

        assertThat(FileFaults.whyUnwritable(file, writing(file)))
                .isEqualTo("its folder " + dir.resolve("gone") + " does not exist");
    }

    @Test
    void aFileInThePathIsNamed() throws IOException {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file");
        Path file = blocker.resolve("deeper/out.csv");

        assertThat(FileFaults.whyUnwritable(file, writing(blocker.resolve("out.csv"))))
                .isEqualTo(blocker + " in its path is a file, not a folder");
    }

    @Test
    void aSystemFolderThatTakesNoFilesIsNamed() {
        Path file = Path.of("/proc/vlmeta-out.csv");

        assertThat(FileFaults.whyUnwritable(file, writing(file)))
                .isEqualTo("the folder /proc does not let files be created in it");
    }

    @Test
    void permissionDeniedNamesTheFolder() {
        Path file = dir.resolve("out.csv");

        assertThat(FileFaults.whyUnwritable(file, new AccessDeniedException(file.toString())))
                .isEqualTo("permission denied (the folder " + dir + " or the file cannot be written)");
        assertThat(FileFaults.whyUnwritable(file, new FileSystemException(file.toString(), null, "Permission denied")))
                .isEqualTo("permission denied (the folder " + dir + " or the file cannot be written)");
    }

    @Test
    void aFullDiskAndAReadOnlyFileSystemAreSaidInWords() {
        Path file = dir.resolve("out.csv");

        assertThat(FileFaults.whyUnwritable(file, new IOException("No space left on device")))
                .isEqualTo("the disk is full");
        assertThat(FileFaults.whyUnwritable(file, new FileSystemException(file.toString(), null,
                "Read-only file system"))).isEqualTo("the folder " + dir + " is on a read-only file system");
    }

    @Test
    void anUnknownFailureGetsAGeneralSentenceWithoutTheExceptionsWords() {
        Path file = dir.resolve("out.csv");

        assertThat(FileFaults.whyUnwritable(file, new IOException("Stream Closed in sun.nio.ch.FileChannelImpl")))
                .isEqualTo("the system could not write it (an input/output error)");
    }

    @Test
    void readFailuresAreSaidOfTheFile() throws IOException {
        Path missing = dir.resolve("missing.txt");
        Path folder = Files.createDirectories(dir.resolve("folder"));

        assertThat(FileFaults.whyUnreadable(missing, new NoSuchFileException(missing.toString())))
                .isEqualTo("does not exist");
        assertThat(FileFaults.whyUnreadable(folder, new IOException("Is a directory"))).isEqualTo("is a folder");
        assertThat(FileFaults.whyUnreadable(missing, new AccessDeniedException(missing.toString())))
                .isEqualTo("cannot be read (no permission)");
        assertThat(FileFaults.whyUnreadable(missing, new MalformedInputException(1))).isEqualTo("is not UTF-8 text");
    }

    @Test
    void aPathThatIsNoReadableFileIsSaidToBeWhatItIsBeforeItIsOpened() throws Exception {
        Path file = Files.writeString(dir.resolve("plan.yaml"), "version: 1\n");
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), Path.of("gone.yaml"));
        Path pipe = dir.resolve("pipe.yaml");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();

        assertThat(FileFaults.whyNotAReadableFile(file)).isEmpty();
        assertThat(FileFaults.whyNotAReadableFile(dir.resolve("missing.yaml"))).contains("does not exist");
        assertThat(FileFaults.whyNotAReadableFile(folder)).contains("is a folder");
        assertThat(FileFaults.whyNotAReadableFile(link))
                .contains("is a symbolic link to gone.yaml, which does not exist");
        assertThat(FileFaults.whyNotAReadableFile(pipe))
                .contains("is not a regular file (a pipe, a device or a socket)");
    }

    @Test
    void aSymbolicLinkToNothingIsSaidToBeOneNamingWhereItPoints() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("b.json"), dir.resolve("gone/b.json"));

        assertThat(FileFaults.whyUnreadable(link, reading(link)))
                .isEqualTo("is a symbolic link to " + dir.resolve("gone/b.json") + ", which does not exist");
    }

    @Test
    void aLoopOfSymbolicLinksIsSaidToBeOneAndNotToPointToNothing() throws IOException {
        Path loopA = dir.resolve("loopA");
        Path loopB = Files.createSymbolicLink(dir.resolve("loopB"), Path.of("loopA"));
        Files.createSymbolicLink(loopA, Path.of("loopB"));

        assertThat(FileFaults.whyUnreadable(loopA, reading(loopA))).isEqualTo("is a symbolic link to loopB in a loop "
                + "of symbolic links, which leads to no file (" + loopA + " -> " + loopB + " -> " + loopA + ")");
    }

    @Test
    void aFolderInThePathThatIsALoopOfLinksIsSaidToBeOne() throws IOException {
        Files.createSymbolicLink(dir.resolve("loopB"), Path.of("loopA"));
        Path inside = Files.createSymbolicLink(dir.resolve("loopA"), Path.of("loopB")).resolve("data.csv");

        assertThat(FileFaults.whyUnreadable(inside, reading(inside)))
                .isEqualTo("cannot be reached: a folder in its path is a loop of symbolic links");
    }

    @Test
    void aLinkToALinkToNothingNamesWhereTheChainEnds() throws IOException {
        Path last = Files.createSymbolicLink(dir.resolve("last.csv"), dir.resolve("gone.csv"));
        Path first = Files.createSymbolicLink(dir.resolve("first.csv"), last);

        assertThat(FileFaults.whyUnreadable(first, reading(first))).isEqualTo("is a symbolic link to " + last
                + ", which leads on to " + dir.resolve("gone.csv") + ", which does not exist");
    }

    @Test
    void aNameWithControlCharactersIsShownEscapedOnOneLine() throws IOException {
        Path file = dir.resolve("da\nta\t.csv");

        assertThat(FileFaults.shown("a\nb\rc\td\u001Be\u009Bf\\g.csv")).isEqualTo("a\\nb\\rc\\td\\u001Be\\u009Bf\\g.csv");
        assertThat(FileFaults.unreadableInput(file, file.toString(), reading(file)).getMessage())
                .isEqualTo(dir + "/da\\nta\\t.csv does not exist.");
    }

    @Test
    void aLinkToANameWithALineBreakShowsItEscaped() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("b.json"), Path.of("gone\n.json"));

        assertThat(FileFaults.whyUnreadable(link, reading(link)))
                .isEqualTo("is a symbolic link to gone\\n.json, which does not exist");
    }

    @Test
    void aDamagedInputEndsTheRunAsAFailureReadingInputNotAsValidationFailed() {
        java.util.zip.ZipException failure = new java.util.zip.ZipException("invalid stored block lengths");

        VlmetaException damaged = FileFaults.damagedInput("data.jsonl.gz is not a complete gzip file.", failure);

        assertThat(damaged.getMessage()).isEqualTo("data.jsonl.gz is not a complete gzip file.");
        assertThat(damaged.code()).isEqualTo(ErrorCode.INPUT_UNREADABLE);
        assertThat(damaged.code().exitCode()).isEqualTo(1);
        assertThat(damaged.getCause()).isSameAs(failure);
    }

    @Test
    void anInputFolderThatCannotBeListedIsRefusedNamingItWithWhyInWords() {
        Path folder = dir.resolve("lock\ndic");

        VlmetaException refusal = FileFaults.unlistableInput(folder, folder.toString(), new AccessDeniedException(folder.toString()));

        assertThat(refusal.getMessage()).isEqualTo("Folder " + dir + "/lock\\ndic cannot be listed (no permission).");
        assertThat(refusal.code()).isEqualTo(ErrorCode.INPUT_UNREADABLE);
    }

    @Test
    void aPathThroughAFileIsSaidNotToExist() throws IOException {
        Path through = Files.writeString(dir.resolve("export.csv"), "x").resolve("x.csv");

        assertThat(FileFaults.whyUnreadable(through, reading(through))).isEqualTo("does not exist");
    }

    @Test
    void aFileInputStreamsFailureIsToldByTheReasonAfterItsPath() throws IOException {
        Path file = dir.resolve("fifo");
        Path oddlyNamed = Files.writeString(dir.resolve("permission denied"), "x");

        // FileInputStream words its failures "path (reason)", the path holding any words at all
        assertThat(FileFaults.whyUnreadable(file, new FileNotFoundException(file + " (Permission denied)")))
                .isEqualTo("cannot be read (no permission)");
        assertThat(FileFaults.whyUnreadable(file, new FileNotFoundException(file + " (No such file or directory)")))
                .isEqualTo("does not exist");
        assertThat(FileFaults.whyUnreadable(oddlyNamed, new FileNotFoundException(oddlyNamed + " (Input/output error)")))
                .isEqualTo("cannot be read (an input/output error of the system)");
    }

    @Test
    void listingFailuresAreSaidOfTheFolder() throws IOException {
        Path missing = dir.resolve("missing");
        Path file = Files.writeString(dir.resolve("a.txt"), "x");

        assertThat(FileFaults.whyNotListed(dir, new AccessDeniedException(dir.toString())))
                .isEqualTo("cannot be listed (no permission)");
        assertThat(FileFaults.whyNotListed(missing, listing(missing))).isEqualTo("does not exist");
        assertThat(FileFaults.whyNotListed(file, listing(file))).isEqualTo("is a file, not a folder");
        assertThat(FileFaults.whyNotListed(dir, new IOException("Input/output error")))
                .isEqualTo("cannot be listed (an input/output error of the system)");
    }

    /** @return what reading {@code file} as the program does throws */
    private static IOException reading(Path file) {
        try {
            Files.readAllBytes(file);
        } catch (IOException e) {
            return e;
        }
        throw new AssertionError(file + " was read");
    }

    /** @return what listing {@code folder} as the program does throws */
    private static IOException listing(Path folder) {
        try (var entries = Files.list(folder)) {
            entries.count();
        } catch (IOException e) {
            return e;
        }
        throw new AssertionError(folder + " was listed");
    }

    @Test
    void anInputThatCannotBeReadIsRefusedNamedAsGivenWithWhyInWordsAndTheFailureAsItsCause() throws IOException {
        Path file = Files.writeString(dir.resolve("data.csv"), "x");
        FileSystemException failure = new FileSystemException(file.toString(), null, "Input/output error");

        VlmetaException denied = FileFaults.unreadableInput(file, "data.csv", new AccessDeniedException(file.toString()));
        VlmetaException deniedByStream = FileFaults.unreadableInput(file, "data.csv",
                new FileNotFoundException(file + " (Permission denied)"));
        VlmetaException failing = FileFaults.unreadableInput(file, "data.csv", failure);

        assertThat(denied.getMessage()).isEqualTo("data.csv cannot be read (no permission).");
        assertThat(deniedByStream.getMessage()).isEqualTo("data.csv cannot be read (no permission).");
        assertThat(failing.getMessage()).isEqualTo("data.csv cannot be read (an input/output error of the system).");
        assertThat(failing.code()).isEqualTo(ErrorCode.INPUT_UNREADABLE);
        assertThat(failing.getCause()).isSameAs(failure);
    }
}

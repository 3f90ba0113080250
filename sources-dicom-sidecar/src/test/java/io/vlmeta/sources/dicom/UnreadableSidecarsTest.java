package io.vlmeta.sources.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.core.JsonFactory;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.ErrorKind;
import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.SourceRequest;
import io.vlmeta.api.VlmetaException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sidecars that cannot be read say why, in one message naming the file: hostile JSON the parser refuses
 * (1,001 levels deep, numbers too long), files the file system will not hand over, and the case where
 * no sidecar at all can be read.
 */
class UnreadableSidecarsTest {
    private static final String GOOD = "{\"00080060\": {\"vr\": \"CS\", \"Value\": [\"CT\"]}}";

    @TempDir
    Path dir;

    private VlmetaException openFails(Map<String, String> options) {
        return catchThrowableOfType(VlmetaException.class,
                () -> new DicomSidecarSourceProvider().open(new SourceRequest(dir, null, options), ProblemReporter.DISCARD));
    }

    @Test
    void arraysNested1001DeepAreOneErrorNamingTheFileLineAndColumn() throws IOException {
        Files.writeString(dir.resolve("a.json"), GOOD);
        Path deep = Files.writeString(dir.resolve("deep.json"), "[".repeat(1001) + "]".repeat(1001));

        SourceRun run = SourceRun.of(dir, Map.of());

        assertThat(run.keys()).containsExactly("a");
        assertThat(run.renderedProblems()).containsExactly("Row 1: Sidecar " + deep + " is beyond the limits of the JSON "
                + "reader (line 1, column 1001: Document nesting depth (1001) exceeds the maximum allowed (1000)); "
                + "a DICOM sidecar nests a few levels deep and holds no value that long.");
    }

    @Test
    void sequencesNested1001DeepInsideAnAttributeAreTheSameError() throws IOException {
        Files.writeString(dir.resolve("a.json"), GOOD);
        String open = "{\"00081115\": {\"vr\": \"SQ\", \"Value\": [";
        // each level is an object then an array: 500 levels of sequence items exceed 1000
        Path deep = Files.writeString(dir.resolve("deep.json"),
                "{\"00081115\": {\"vr\": \"SQ\", \"Value\": [" + open.repeat(500) + "]}}".repeat(501));

        SourceRun run = SourceRun.of(dir, Map.of());

        assertThat(run.keys()).containsExactly("a");
        assertThat(run.renderedProblems()).singleElement().asString()
                .startsWith("Row 1: Sidecar " + deep + " is beyond the limits of the JSON reader (line 1, column ")
                .contains(": Document nesting depth (1001) exceeds the maximum allowed (1000)); ");
    }

    @Test
    void aNumberLongerThanTheParserReadsIsOneErrorNamingTheFile() throws IOException {
        Files.writeString(dir.resolve("a.json"), GOOD);
        Path longNumber = Files.writeString(dir.resolve("long.json"),
                "{\"00280010\": {\"vr\": \"US\", \"Value\": [" + "1".repeat(1001) + "]}}");

        SourceRun run = SourceRun.of(dir, Map.of());

        assertThat(run.renderedProblems()).containsExactly("Row 1: Sidecar " + longNumber + " is beyond the limits of "
                + "the JSON reader (line 1, column 37: Number value length (1001) exceeds the maximum allowed (1000)); "
                + "a DICOM sidecar nests a few levels deep and holds no value that long.");
    }

    @Test
    void aSidecarAloneTooDeepFailsTheSourceAsBadInputWithoutAnyParserException() throws IOException {
        Path deep = Files.writeString(dir.resolve("deep.json"), "[".repeat(1001) + "]".repeat(1001));

        VlmetaException failure = openFails(Map.of());

        assertThat(failure.code()).isEqualTo(ErrorCode.INPUT_UNREADABLE);
        assertThat(failure.code().kind()).isEqualTo(ErrorKind.USER);
        assertThat(failure).hasMessage("The only sidecar matching '*.json' in " + dir + " could not be read:\n  - Sidecar "
                + deep + " is beyond the limits of the JSON reader (line 1, column 1001: Document nesting depth (1001) "
                + "exceeds the maximum allowed (1000)); a DICOM sidecar nests a few levels deep and holds no value that long.");
        assertThat(failure.getCause()).isNull();
    }

    @Test
    void aSymbolicLinkToAMissingFileSaysItsTargetDoesNotExist() throws IOException {
        Files.writeString(dir.resolve("a.json"), GOOD);
        Path dangling = Files.createSymbolicLink(dir.resolve("b.json"), dir.resolve("gone/b.json"));

        SourceRun run = SourceRun.of(dir, Map.of());

        assertThat(run.keys()).containsExactly("a");
        assertThat(run.renderedProblems()).containsExactly("Row 1: Sidecar " + dangling + " is a symbolic link to " + dir.resolve("gone/b.json") + ", which does not exist.");
    }

    @Test
    void aSymbolicLinkToAFolderSaysItIsAFolder() throws IOException {
        Files.writeString(dir.resolve("a.json"), GOOD);
        Path folder = Files.createDirectory(dir.resolve("series"));
        Path link = Files.createSymbolicLink(dir.resolve("series.json"), folder);

        SourceRun run = SourceRun.of(dir, Map.of());

        assertThat(run.keys()).containsExactly("a");
        assertThat(run.renderedProblems()).containsExactly("Row 1: Sidecar " + link + " is a folder.");
    }

    @Test
    void aFileThisUserMayNotReadSaysPermissionDenied() throws IOException {
        Files.writeString(dir.resolve("a.json"), GOOD);
        Path locked = Files.writeString(dir.resolve("b.json"), GOOD);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "the superuser reads any file, so permission cannot be denied");

        SourceRun run = SourceRun.of(dir, Map.of());

        assertThat(run.keys()).containsExactly("a");
        assertThat(run.renderedProblems()).containsExactly("Row 1: Sidecar " + locked + " cannot be read (no permission).");
    }

    @Test
    void aSidecarRemovedAfterTheFolderWasListedSaysItDoesNotExist() throws IOException {
        Path missing = dir.resolve("removed.json");

        UnreadableSidecarException failure = catchThrowableOfType(UnreadableSidecarException.class,
                () -> new SidecarJsonReader(JsonFactory.builder().build()).read(missing));

        assertThat(failure).hasMessage("does not exist");
    }

    @Test
    void aFolderThatCannotBeListedIsNamedWithWhyInTheSharedWords() throws IOException {
        Path file = Files.writeString(dir.resolve("a.json"), GOOD);

        assertThat(UnlistableFolder.refusal(dir, new AccessDeniedException(file.getParent().resolve("deep").toString())))
                .hasMessage("Folder " + dir.resolve("deep") + " cannot be listed (no permission).");
        assertThat(UnlistableFolder.refusal(dir, new IOException("Input/output error")))
                .hasMessage("Folder " + dir + " cannot be listed (an input/output error of the system).");
    }

    @Test
    void whenNoSidecarCanBeReadTheSourceSaysSoWithTheFirstThreeReasons() throws IOException {
        Path a = Files.writeString(dir.resolve("a.json"), "{");
        Path b = Files.writeString(dir.resolve("b.json"), "[]");
        Path c = Files.createSymbolicLink(dir.resolve("c.json"), dir.resolve("nowhere.json"));
        Files.writeString(dir.resolve("d.json"), "not json");
        Files.writeString(dir.resolve("e.json"), "");

        VlmetaException failure = openFails(Map.of());

        assertThat(failure.code()).isEqualTo(ErrorCode.INPUT_MALFORMED);
        assertThat(failure).hasMessage("None of the 5 sidecars matching '*.json' in " + dir + " could be read; the first reasons:"
                + "\n  - Sidecar " + a + " is not valid JSON (line 1, column 2: Unexpected end-of-input: expected close "
                + "marker for Object); a sidecar holds one JSON object."
                + "\n  - Sidecar " + b + " cannot be read: it is an empty JSON array, a DICOMweb metadata response without instances."
                + "\n  - Sidecar " + c + " is a symbolic link to " + dir.resolve("nowhere.json")
                + ", which does not exist."
                + "\n  and 2 more.");
    }

    @Test
    void whenEverySidecarIsUnreadableByTheFileSystemTheInputIsUnreadable() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("a.json"), dir.resolve("elsewhere.json"));

        VlmetaException failure = openFails(Map.of());

        assertThat(failure.code()).isEqualTo(ErrorCode.INPUT_UNREADABLE);
        assertThat(failure).hasMessage("The only sidecar matching '*.json' in " + dir + " could not be read:\n  - Sidecar "
                + link + " is a symbolic link to " + dir.resolve("elsewhere.json") + ", which does not exist.");
    }

    @Test
    void aFolderThisUserMayNotListSaysPermissionDenied() throws IOException {
        Files.writeString(dir.resolve("a.json"), GOOD);
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.writeString(locked.resolve("b.json"), GOOD);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(locked), "the superuser lists any folder, so permission cannot be denied");

            VlmetaException failure = openFails(Map.of());

            assertThat(failure.code()).isEqualTo(ErrorCode.INPUT_UNREADABLE);
            assertThat(failure).hasMessage("Folder " + locked + " cannot be listed (no permission).");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void contentAfterTheJsonObjectIsAnErrorWithLineAndColumn() throws IOException {
        Files.writeString(dir.resolve("a.json"), GOOD);
        Path twoObjects = Files.writeString(dir.resolve("two.json"), GOOD + "\n{\"00080060\": {\"vr\": \"CS\"}}");

        SourceRun run = SourceRun.of(dir, Map.of());

        assertThat(run.keys()).containsExactly("a");
        assertThat(run.renderedProblems()).containsExactly("Row 1: Sidecar " + twoObjects + " is not valid JSON (line 2, "
                + "column 2: Unexpected '{' after the end of the JSON value); a sidecar holds one JSON object.");
    }

    @Test
    void aNameGivenTwiceInOneObjectIsAnErrorWithLineAndColumn() throws IOException {
        Files.writeString(dir.resolve("a.json"), GOOD);
        Path twice = Files.writeString(dir.resolve("twice.json"),
                "{\"00080060\": {\"vr\": \"CS\", \"Value\": [\"CT\"]},\n \"00080060\": {\"vr\": \"CS\", \"Value\": [\"MR\"]}}");

        SourceRun run = SourceRun.of(dir, Map.of());

        assertThat(run.keys()).containsExactly("a");
        assertThat(run.renderedProblems()).singleElement().asString()
                .startsWith("Row 1: Sidecar " + twice + " is not valid JSON (line 2, column ")
                .contains("Duplicate field '00080060'");
    }
}

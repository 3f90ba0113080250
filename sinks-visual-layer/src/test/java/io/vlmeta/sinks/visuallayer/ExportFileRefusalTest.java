package io.vlmeta.sinks.visuallayer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.VlmetaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file given as the export that is no export at all (empty, a single JSON value, a folder, a path that
 * names nothing, one that cannot be read) is refused with its own sentence, in plain words, saying what an
 * export holds; the exit code tells a malformed export from one that could not be read.
 */
class ExportFileRefusalTest {
    private static final String WHAT_AN_EXPORT_HOLDS = "an export is the dataset's CSV (with the columns 'filename' "
            + "and 'media_id') or its metadata.json (an object with 'media_items', or an array of items).";

    @TempDir
    Path dir;

    private VlmetaException refusal(Path file) {
        try {
            ExportReader.read(file, file.getFileName().toString(), (path, id) -> { });
        } catch (VlmetaException e) {
            return e;
        }
        throw new AssertionError(file + " was read as an export");
    }

    private VlmetaException refusal(String name, byte[] content) throws IOException {
        return refusal(Files.write(dir.resolve(name), content));
    }

    private VlmetaException refusal(String name, String content) throws IOException {
        return refusal(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEmptyFileIsRefusedAsEmptyWhateverBlanksItHolds() throws IOException {
        for (String blank : new String[] {"", " \n\r\n\t", "\uFEFF", "\uFEFF\n  \n"}) {
            VlmetaException refusal = refusal("e.csv", blank);

            assertThat(refusal.getMessage()).as("'%s'", blank).isEqualTo("The export e.csv is empty: "
                    + WHAT_AN_EXPORT_HOLDS);
            assertThat(refusal.code()).isEqualTo(ErrorCode.INPUT_MALFORMED);
        }
    }

    @Test
    void aFileHoldingOnlyNullIsRefusedAsNotAnExport() throws IOException {
        VlmetaException refusal = refusal("metadata.json", "null\n");

        assertThat(refusal.getMessage()).isEqualTo("The export metadata.json holds only null, not an export: "
                + WHAT_AN_EXPORT_HOLDS);
        assertThat(refusal.code()).isEqualTo(ErrorCode.INPUT_MALFORMED);
    }

    @Test
    void aFileHoldingASingleJsonValueIsRefusedAsNotAnExport() throws IOException {
        assertThat(refusal("s.json", "\"images/a.jpg\"").getMessage()).isEqualTo("The export s.json holds a single "
                + "JSON string, not an export: " + WHAT_AN_EXPORT_HOLDS);
        assertThat(refusal("n.json", " -12.5e3\n").getMessage()).isEqualTo("The export n.json holds a single JSON "
                + "number, not an export: " + WHAT_AN_EXPORT_HOLDS);
        assertThat(refusal("t.json", "true").getMessage()).isEqualTo("The export t.json holds only true, not an "
                + "export: " + WHAT_AN_EXPORT_HOLDS);
        assertThat(refusal("n.json", "42").code()).isEqualTo(ErrorCode.INPUT_MALFORMED);
    }

    @Test
    void aCsvHeaderOfUnnamedColumnsNamesThemSo() throws IOException {
        assertThat(refusal("e.csv", ",\na.jpg,1\n").getMessage()).isEqualTo("The export e.csv needs the columns "
                + "'filename' and 'media_id'; it has: (unnamed), (unnamed).");
    }

    @Test
    void aFolderIsRefusedAsAFolderAndAsUnreadable() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("exports"));

        VlmetaException refusal = refusal(folder);

        assertThat(refusal.getMessage()).isEqualTo("The export file exports is a folder: give the export file "
                + "itself, the dataset's CSV export or its metadata.json.");
        assertThat(refusal.code()).isEqualTo(ErrorCode.INPUT_UNREADABLE);
    }

    @Test
    void aPathThroughAFileIsRefusedAsOneThatDoesNotExist() throws IOException {
        Path file = Files.writeString(dir.resolve("export.csv"), "filename,media_id\n");

        VlmetaException refusal = refusal(file.resolve("x.csv"));

        assertThat(refusal.getMessage()).isEqualTo("The export file x.csv does not exist.");
        assertThat(refusal.code()).isEqualTo(ErrorCode.INPUT_UNREADABLE);
    }

    @Test
    void aFileThatCannotBeReadIsRefusedInTheWordsOfEveryFileVlmetaReads() throws IOException {
        Path file = Files.writeString(dir.resolve("e.csv"), "filename,media_id\n");

        VlmetaException denied = ExportReader.readFailure(file, "e.csv", new AccessDeniedException(file.toString()));
        VlmetaException failing = ExportReader.readFailure(file, "e.csv", new FileSystemException(file.toString(), null,
                "Input/output error"));
        VlmetaException unexplained = ExportReader.readFailure(file, "e.csv", new IOException("java.io.IOException: x"));

        assertThat(denied.getMessage()).isEqualTo("The export file e.csv cannot be read (no permission).");
        assertThat(failing.getMessage()).isEqualTo("The export file e.csv cannot be read (an input/output error of "
                + "the system).");
        assertThat(unexplained.getMessage()).isEqualTo("The export file e.csv cannot be read (an input/output error "
                + "of the system).");
        assertThat(java.util.List.of(denied.code(), failing.code(), unexplained.code()))
                .containsOnly(ErrorCode.INPUT_UNREADABLE);
    }

    @Test
    void anExportWhoseNameHoldsALineBreakIsNamedOnOneLine() {
        assertThat(refusal(dir.resolve("ex\nport.csv")).getMessage()).isEqualTo("The export file ex\\nport.csv does not "
                + "exist.");
    }

    @Test
    void aFileMissingOrASymbolicLinkToNothingIsRefusedSayingWhichItIs() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("linked.csv"), dir.resolve("gone.csv"));

        assertThat(refusal(dir.resolve("missing.csv")).getMessage()).isEqualTo("The export file missing.csv does not "
                + "exist.");
        assertThat(refusal(link).getMessage()).isEqualTo("The export file linked.csv is a symbolic link to "
                + dir.resolve("gone.csv") + ", which does not exist.");
        assertThat(refusal(link).code()).isEqualTo(ErrorCode.INPUT_UNREADABLE);
    }

    @Test
    void aFileThisUserMayNotReadIsRefusedAsSuch() throws IOException {
        Path locked = Files.writeString(dir.resolve("locked.csv"), "filename,media_id\n");
        Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(locked),
                "the superuser reads any file, so permission cannot be denied");

        assertThat(refusal(locked).getMessage()).isEqualTo("The export file locked.csv cannot be read (no permission).");
    }

    @Test
    void aHeaderOfManyColumnsIsListedByItsFirstTenEachCutShortAndHowManyMore() throws IOException {
        StringBuilder header = new StringBuilder("c0,").append("x".repeat(5_000));
        for (int i = 2; i < 200_000; i++) {
            header.append(",c").append(i);
        }

        VlmetaException refusal = refusal("wide.csv", header + "\na.jpg,1\n");

        assertThat(refusal.getMessage()).isEqualTo("The export wide.csv needs the columns 'filename' and 'media_id'; "
                + "it has: c0, " + "x".repeat(40) + "..., c2, c3, c4, c5, c6, c7, c8, c9 and 199990 more.");
    }

    @Test
    void blankTextLongerThanThePeekIsReadPastWhetherNothingOrAValueFollows() throws IOException {
        String blanks = "\uFEFF" + " ".repeat(70_000) + "\n".repeat(3) + "\t".repeat(70_000);

        assertThat(refusal("e.csv", blanks).getMessage()).isEqualTo("The export e.csv is empty: " + WHAT_AN_EXPORT_HOLDS);
        assertThat(refusal("n.json", blanks + "null\n").getMessage()).isEqualTo("The export n.json holds only null, "
                + "not an export: " + WHAT_AN_EXPORT_HOLDS);
    }
}

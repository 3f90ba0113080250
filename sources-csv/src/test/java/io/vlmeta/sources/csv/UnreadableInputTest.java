package io.vlmeta.sources.csv;

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
        Path missing = dir.resolve("missing.csv");

        assertThat(refusal(missing)).isEqualTo("INPUT_UNREADABLE: " + missing + " does not exist.");
    }

    @Test
    void aFolderGivenAsTheFileIsSaidToBeOne() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("data.csv"));

        assertThat(refusal(folder)).isEqualTo("INPUT_UNREADABLE: " + folder + " is a folder, not a CSV file.");
    }

    @Test
    void aGzipFileReadAsCsvIsRefusedAsAFailureReadingItNamingItsFormat() throws IOException {
        Path gzipped = Files.write(dir.resolve("data.csv"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3});

        assertThat(refusal(gzipped)).isEqualTo("INPUT_UNREADABLE: " + gzipped + " is gzip-compressed data, not CSV"
                + " text; decompress it first (gunzip), or read gzipped JSON Lines with --source jsonl.");
    }

    @Test
    void aWorkbookOrParquetFileReadAsCsvIsRefusedNamingItsFormat() throws IOException {
        Path workbook = Files.write(dir.resolve("book.csv"), new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});
        Path parquet = Files.writeString(dir.resolve("table.csv"), "PAR1 columns PAR1");

        assertThat(refusal(workbook)).isEqualTo("INPUT_UNREADABLE: " + workbook + " is a zip package (such as an .xlsx"
                + " workbook), not CSV text; read a workbook with --source xlsx, or unpack the CSV file from it.");
        assertThat(refusal(parquet)).isEqualTo("INPUT_UNREADABLE: " + parquet + " is a Parquet file, not CSV text;"
                + " read it with --source parquet.");
    }

    @Test
    void aSymbolicLinkToNothingIsSaidToBeOneNamingWhereItPoints() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("linked.csv"), dir.resolve("gone.csv"));

        assertThat(refusal(link)).isEqualTo("INPUT_UNREADABLE: " + link + " is a symbolic link to "
                + dir.resolve("gone.csv") + ", which does not exist.");
    }

    @Test
    void aPathThroughAFileIsSaidNotToExist() throws IOException {
        Path through = Files.writeString(dir.resolve("notes.txt"), "x").resolve("data.csv");

        assertThat(refusal(through)).isEqualTo("INPUT_UNREADABLE: " + through + " does not exist.");
    }

    @Test
    void aFileThisUserMayNotReadIsSaidToBeOne() throws IOException {
        Path locked = Files.writeString(dir.resolve("locked.csv"), "x");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "the superuser reads any file, so permission cannot be denied");

        assertThat(refusal(locked)).isEqualTo("INPUT_UNREADABLE: " + locked + " cannot be read (no permission).");
    }

    /** @return the refusal of opening {@code file}, as code and message */
    private static String refusal(Path file) {
        VlmetaException refused = catchThrowableOfType(() -> new CsvSourceProvider().open(new SourceRequest(file, null,
                Map.of()), ProblemReporter.DISCARD).close(), VlmetaException.class);
        assertThat(refused).as("a refusal of " + file).isNotNull();
        return refused.code().name() + ": " + refused.getMessage();
    }
}

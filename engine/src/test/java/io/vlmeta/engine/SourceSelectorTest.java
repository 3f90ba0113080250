package io.vlmeta.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.SourceProvider;
import io.vlmeta.api.SourceRequest;
import io.vlmeta.api.VlmetaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input that cannot be read at all is refused in FileFaults' words before any source is asked, the same
 * whether or not the source was named; permission denied, which does not stop the superuser, is tried only
 * when it can be.
 */
class SourceSelectorTest {
    @TempDir
    Path dir;

    /** Claims files named *.csv, as a table source does, and folders with a file in them, as a folder source. */
    private static final Map<String, SourceProvider> SOURCES = new LinkedHashMap<>();

    static {
        SOURCES.put("csv", new NamedSource("csv", path -> !Files.isDirectory(path) && path.toString().endsWith(".csv")));
        SOURCES.put("folders", new NamedSource("folders", path -> Files.isDirectory(path) && hasEntries(path)));
    }

    @Test
    void aSymbolicLinkToNothingIsSaidToBeOneWhetherOrNotTheSourceIsNamed() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("dangling.csv"), Path.of("gone.csv"));

        assertThat(refusal(null, link)).isEqualTo("INPUT_UNREADABLE 1: " + link
                + " is a symbolic link to gone.csv, which does not exist.");
        assertThat(refusal("csv", link)).isEqualTo(refusal(null, link));
    }

    @Test
    void aLoopOfSymbolicLinksIsSaidToBeOne() throws IOException {
        Path loopA = dir.resolve("loopA.csv");
        Path loopB = Files.createSymbolicLink(dir.resolve("loopB.csv"), Path.of("loopA.csv"));
        Files.createSymbolicLink(loopA, Path.of("loopB.csv"));

        assertThat(refusal(null, loopA)).isEqualTo("INPUT_UNREADABLE 1: " + loopA + " is a symbolic link to loopB.csv"
                + " in a loop of symbolic links, which leads to no file (" + loopA + " -> " + loopB + " -> " + loopA
                + ").");
    }

    @Test
    void aMissingInputIsSaidNotToExistWithItsNameOnOneLine() {
        Path missing = dir.resolve("da\nta.csv");

        assertThat(refusal(null, missing)).isEqualTo("INPUT_UNREADABLE 1: " + dir + "/da\\nta.csv does not exist.");
    }

    @Test
    void aFileNoSourceClaimsIsAUsageErrorNamingItOnOneLine() throws IOException {
        Path text = Files.writeString(dir.resolve("notes\t.txt"), "x");

        assertThat(refusal(null, text)).isEqualTo("USAGE 2: No installed source can read " + dir + "/notes\\t.txt. "
                + "Name one with --source (installed: csv, folders).");
    }

    @Test
    void aFolderNoSourceClaimsIsAnInputThatCannotBeRead() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder.csv"));

        assertThat(refusal(null, folder)).isEqualTo("INPUT_UNREADABLE 1: " + folder + " is a folder, and no installed"
                + " source finds anything in it to read; give a file, or a folder of what a source reads (installed: "
                + "csv, folders).");
    }

    @Test
    void aFolderThisUserMayNotListIsSaidToBeOneWhetherOrNotTheSourceIsNamed() throws IOException {
        Path locked = Files.createDirectories(dir.resolve("lockdic"));
        Files.writeString(locked.resolve("a.json"), "{}");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(locked), "the superuser lists any folder, so permission cannot be denied");

            assertThat(refusal(null, locked)).isEqualTo("INPUT_UNREADABLE 1: Folder " + locked
                    + " cannot be listed (no permission).");
            assertThat(refusal("folders", locked)).isEqualTo(refusal(null, locked));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aFileThisUserMayNotReadIsSaidToBeOneWhetherOrNotTheSourceIsNamed() throws IOException {
        Path locked = Files.writeString(dir.resolve("locked.csv"), "x");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "the superuser reads any file, so permission cannot be denied");

        assertThat(refusal(null, locked)).isEqualTo("INPUT_UNREADABLE 1: " + locked + " cannot be read (no "
                + "permission).");
        assertThat(refusal("csv", locked)).isEqualTo(refusal(null, locked));
    }

    @Test
    void aReadableInputGetsTheSourceThatClaimsIt() throws IOException {
        Path table = Files.writeString(dir.resolve("data.csv"), "x");

        assertThat(SourceSelector.select(SOURCES, null, table, table.toString()).name()).isEqualTo("csv");
    }

    /** @return the code, exit code and message of selecting a source for {@code input} */
    private static String refusal(String requested, Path input) {
        VlmetaException refused = catchThrowableOfType(() -> SourceSelector.select(SOURCES, requested, input,
                input.toString()), VlmetaException.class);
        assertThat(refused).as("a refusal of " + input).isNotNull();
        return refused.code().name() + " " + refused.code().exitCode() + ": " + refused.getMessage();
    }

    private static boolean hasEntries(Path folder) {
        try (var entries = Files.list(folder)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    private record NamedSource(String name, java.util.function.Predicate<Path> claims) implements SourceProvider {
        @Override
        public String description() {
            return name;
        }

        @Override
        public int score(Path path) {
            return claims.test(path) ? 50 : 0;
        }

        @Override
        public RecordSource open(SourceRequest request, ProblemReporter reporter) {
            throw new UnsupportedOperationException("not read here");
        }
    }
}

package io.vlmeta.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file put in place from a draft stays what it was: a link stays a link, a file keeps its permissions. */
class FileDraftsTest {
    @TempDir
    Path dir;

    /** @return {@code file} after its content was replaced the way a plan or an export is */
    private static Path replace(Path file, String content) throws IOException {
        Path place = FileDrafts.place(file);
        Path draft = FileDrafts.draftBeside(place);
        Files.writeString(draft, content);
        FileDrafts.keepPermissions(draft, place);
        Files.move(draft, place, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return place;
    }

    @Test
    void aLinkToAFileStaysALinkAndTheFileItNamesGetsTheContent() throws IOException {
        Path real = Files.writeString(Files.createDirectories(dir.resolve("real")).resolve("plan.yaml"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("plan.yaml"), real);

        Path place = replace(link, "new");

        assertThat(place).isEqualTo(real.toRealPath());
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
    }

    @Test
    void anExistingFileKeepsItsPermissions() throws IOException {
        Path shared = Files.writeString(dir.resolve("shared.yaml"), "old");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
        Path own = Files.writeString(dir.resolve("own.yaml"), "old");
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rw-------"));

        replace(shared, "new");
        replace(own, "new");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(own))).isEqualTo("rw-------");
        assertThat(Files.readString(shared)).isEqualTo("new");
    }

    @Test
    void aNewFileGetsThePermissionsAnyNewFileGetsThere() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain.txt"));

        Path made = replace(dir.resolve("sub/new.yaml"), "new");

        assertThat(Files.getPosixFilePermissions(made)).isEqualTo(Files.getPosixFilePermissions(plain));
        try (var left = Files.list(made.getParent())) {
            assertThat(left).containsExactly(made); // no draft left beside it
        }
    }
}

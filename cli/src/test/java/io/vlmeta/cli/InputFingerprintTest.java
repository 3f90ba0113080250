package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFingerprintTest {
    @TempDir
    Path dir;

    @Test
    void aFilesFingerprintIsItsSizeTimeAndSha256() throws Exception {
        Path file = Files.writeString(dir.resolve("a.csv"), "abc");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-02T03:04:05.678Z")));

        InputFingerprint print = InputFingerprint.of(file);

        assertThat(print).isEqualTo(new InputFingerprint(3, Instant.parse("2026-01-02T03:04:05Z"), null,
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")); // SHA-256("abc"), FIPS 180-2
    }

    @Test
    void aFileWithTheSameBytesIsUnchangedWhateverItsTime() throws Exception {
        Path file = Files.writeString(dir.resolve("a.csv"), "abc");
        InputFingerprint before = InputFingerprint.of(file);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2031-01-01T00:00:00Z")));

        assertThat(InputFingerprint.of(file).sameContentAs(before)).isTrue();
        Files.writeString(file, "abd");
        InputFingerprint after = InputFingerprint.of(file);
        assertThat(after.sameContentAs(before)).isFalse();
        assertThat(after.differenceFrom(before)).startsWith("size 3 bytes (same), modified ");
    }

    @Test
    void aFoldersFingerprintNoticesAnAddedFile() throws Exception {
        Files.writeString(dir.resolve("a.json"), "{}");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.json"), "{}");
        InputFingerprint before = InputFingerprint.of(dir);

        Files.writeString(dir.resolve("sub/c.json"), "{\"x\": 1}");
        InputFingerprint after = InputFingerprint.of(dir);

        assertThat(before.files()).isEqualTo(2);
        assertThat(before.size()).isEqualTo(4);
        assertThat(after.sameContentAs(before)).isFalse();
        assertThat(after.differenceFrom(before)).startsWith("files 2 → 3, size 4 → 12 bytes, modified ");
        assertThat(InputFingerprint.of(dir).sameContentAs(after)).isTrue();
    }
}

package io.vlmeta.cli;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FileFaults;
import io.vlmeta.api.VlmetaException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What a plan remembers of its input, to tell whether the input changed since the plan was written.
 * A file: its size, modification time and the SHA-256 of its bytes. A folder (DICOM sidecars): the
 * total size of its files, the newest modification time, the file count, and the SHA-256 of its
 * listing (each file's relative path, size and modification time), since hashing thousands of
 * sidecars would read them a third time.
 *
 * @param size     bytes
 * @param modified last modified, to the second, UTC
 * @param files    a folder's file count; {@code null} for a file
 * @param sha256   hex SHA-256 of the content (file) or listing (folder)
 */
record InputFingerprint(long size, Instant modified, Long files, String sha256) {

    /** @throws VlmetaException (input unreadable) when the input cannot be read */
    static InputFingerprint of(Path input) {
        try {
            return Files.isDirectory(input) ? ofFolder(input) : ofFile(input);
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, "Cannot read " + input + " to fingerprint it: it "
                    + FileFaults.whyUnreadable(input, e) + ".", e);
        }
    }

    private static InputFingerprint ofFile(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return new InputFingerprint(Files.size(file), seconds(Files.getLastModifiedTime(file).toInstant()), null,
                HexFormat.of().formatHex(digest.digest()));
    }

    private static InputFingerprint ofFolder(Path folder) throws IOException {
        List<String> lines = new ArrayList<>();
        long size = 0;
        Instant newest = Instant.EPOCH;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) walk.sorted()::iterator) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (!attributes.isRegularFile()) {
                    continue;
                }
                Instant modified = seconds(attributes.lastModifiedTime().toInstant());
                size += attributes.size();
                newest = modified.isAfter(newest) ? modified : newest;
                lines.add(folder.relativize(file) + "\t" + attributes.size() + "\t" + modified);
            }
        }
        MessageDigest digest = newDigest();
        lines.forEach(line -> digest.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
        return new InputFingerprint(size, newest, (long) lines.size(), HexFormat.of().formatHex(digest.digest()));
    }

    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** @return true when the content (a folder: the listing) is the same; the modification time alone does not count */
    boolean sameContentAs(InputFingerprint other) {
        return Objects.equals(sha256, other.sha256) && size == other.size && Objects.equals(files, other.files);
    }

    private static String bytes(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** @return e.g. {@code "size 1,204 → 1,310 bytes, modified 2026-11-30T10:00:00Z → 2026-12-01T09:12:44Z"} */
    String differenceFrom(InputFingerprint before) {
        List<String> parts = new ArrayList<>();
        if (before.files != null && !before.files.equals(files)) {
            parts.add("files " + before.files + " → " + files);
        }
        parts.add(before.size == size ? "size " + bytes(size) + " bytes (same)"
                : "size " + bytes(before.size) + " → " + bytes(size) + " bytes");
        parts.add(Objects.equals(before.modified, modified) ? "modified " + modified + " (same)"
                : "modified " + before.modified + " → " + modified);
        return String.join(", ", parts);
    }
}

package io.vlmeta.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stable identity of a job's input for the resume journal: the same file, unchanged, gives the
 * same key; an edited file (size or modification time) gives another, so a resume never continues
 * with different data.
 */
final class JobKeys {

    private JobKeys() {
    }

    static String of(JobSpec spec) {
        Path input = spec.input().toAbsolutePath().normalize();
        StringBuilder identity = new StringBuilder(input.toString());
        try {
            identity.append('|').append(Files.isRegularFile(input) ? Files.size(input) : 0)
                    .append('|').append(Files.getLastModifiedTime(input).toMillis());
        } catch (IOException e) {
            identity.append("|unreadable");
        }
        identity.append('|').append(spec.keyColumn()).append('|').append(spec.sourceOptions());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

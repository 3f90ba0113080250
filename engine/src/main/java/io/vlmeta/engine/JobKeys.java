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
 * with different data. Input without a path of its own (standard input) is known by its bytes'
 * digest, so piping the same bytes again resumes the same job.
 */
final class JobKeys {

    private JobKeys() {
    }

    static String of(JobSpec spec) {
        StringBuilder identity = new StringBuilder();
        if (spec.inputDigest() != null) {
            identity.append("sha256:").append(spec.inputDigest());
        } else {
            fileIdentity(spec.input().toAbsolutePath().normalize(), identity);
        }
        identity.append('|').append(spec.keyColumn()).append('|').append(spec.sourceOptions());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void fileIdentity(Path input, StringBuilder identity) {
        identity.append(input);
        try {
            identity.append('|').append(Files.isRegularFile(input) ? Files.size(input) : 0)
                    .append('|').append(Files.getLastModifiedTime(input).toMillis());
        } catch (IOException e) {
            identity.append("|unreadable");
        }
    }
}

package io.vlmeta.engine;

import io.vlmeta.api.FileFaults;
import io.vlmeta.api.JobKey;
import io.vlmeta.api.SourceProvider;
import io.vlmeta.api.SourceRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * The resume journal's key of a job: a digest of the input's content. The same bytes give the same key
 * wherever they lie and whatever their modification time, so a resume after a {@code touch}, a
 * checkout or a copy finds the journal of the run it continues; an edited input gives another key, so
 * a resume never continues with other data. How the bytes are read (source, source options,
 * matching, date formats...) is not in the key but beside it ({@link JobSettings}): the journal keeps
 * them, and a resume that reads the same bytes otherwise is refused naming the settings that differ. A folder is known by the files its source reads ({@link SourceProvider#contentFiles}), each
 * with its path relative to the folder, so a sidecar moved to another image's name is a change.
 * Standard input is known by the digest of its bytes taken as they were copied.
 */
final class JobKeys {
    private static final int BUFFER = 1 << 16;

    private JobKeys() {
    }

    /**
     * Starts digesting the input on a thread of its own, beside the validation pass, for a job that
     * opens a journal; a validation, which never does, digests nothing unless its key is asked for.
     *
     * @return the key, known once the input is digested; {@link JobKey#abandon()} stops the digest
     */
    static JobKey start(JobSpec spec, SourceProvider source, SourceRequest request) {
        Map<String, String> settings = JobSettings.of(spec, source.name());
        if (spec.inputDigest() != null) {
            return JobKey.of(key("sha256:" + spec.inputDigest())).readingWith(settings);
        }
        if (spec.mode() == JobSpec.Mode.VALIDATE) {
            return JobKey.whenAsked(() -> of(spec, source, request, () -> false)).readingWith(settings);
        }
        CompletableFuture<String> pending = new CompletableFuture<>();
        Thread digest = new Thread(() -> {
            try {
                pending.complete(of(spec, source, request, pending::isCancelled));
            } catch (CancellationException e) {
                // abandoned: nobody waits for it
            } catch (RuntimeException e) {
                pending.completeExceptionally(e);
            }
        }, "vlmeta-input-digest");
        digest.setDaemon(true); // a job that ends without asking for its key does not wait for it
        digest.start();
        return JobKey.pending(pending).readingWith(settings);
    }

    /**
     * @param stop whether to give up (checked between reads)
     * @return the key as {@link #start} computes it, on the calling thread
     * @throws io.vlmeta.api.VlmetaException (input unreadable) when a file cannot be read or the folder listed
     */
    static String of(JobSpec spec, SourceProvider source, SourceRequest request, BooleanSupplier stop) {
        if (spec.inputDigest() != null) {
            return key("sha256:" + spec.inputDigest());
        }
        Path input = request.path();
        try {
            List<Path> files = source.contentFiles(request);
            if (!Files.isDirectory(input)) {
                return key("sha256:" + hex(digestOf(input, stop)));
            }
            MessageDigest folder = sha256();
            for (Path file : files) {
                // a file's place is part of the content: a sidecar renamed is another image's metadata
                String line = input.relativize(file) + "\0" + folderFileDigest(file, stop) + "\n";
                folder.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return key("folder-sha256:" + hex(folder.digest()));
        } catch (IOException e) {
            throw FileFaults.unreadableInput(input, spec.inputLabel(), e);
        }
    }

    /**
     * @return the file's digest, or {@code unreadable} for one that cannot be read: the source skips such a
     *     sidecar with a problem of its own row, and the same folder must keep giving the same key
     */
    private static String folderFileDigest(Path file, BooleanSupplier stop) {
        try {
            return hex(digestOf(file, stop));
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static byte[] digestOf(Path file, BooleanSupplier stop) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (stop.getAsBoolean()) {
                    throw new CancellationException("the job ended before its journal was needed");
                }
                digest.update(buffer, 0, read);
            }
        }
        return digest.digest();
    }

    private static String key(String content) {
        return HexFormat.of().formatHex(sha256().digest(content.getBytes(StandardCharsets.UTF_8)), 0, 12);
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

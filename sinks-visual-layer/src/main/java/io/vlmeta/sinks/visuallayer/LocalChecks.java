package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.SinkRequest;
import io.vlmeta.api.VlmetaException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What is checked on this machine before the first request that changes anything: a job that cannot
 * write its rejects file or its batch files would otherwise find out halfway, with values already on
 * the server. (The journal proves its folder writable when it is opened.)
 */
final class LocalChecks {
    /** Room assumed per entry in a batch file: a media id, a value and JSON around them. */
    static final long BYTES_PER_ENTRY = 400;

    private LocalChecks() {
    }

    /** @throws VlmetaException ({@link Journal#STATE_UNWRITABLE}) naming the path and what to do */
    static void check(SinkRequest request, Path workDir) {
        if (request.rejectsFile() != null) {
            writable(request.rejectsFile(), "--rejects");
        }
        request.option("report").map(Path::of).ifPresent(report -> writable(report, "--report"));
        long needed = BYTES_PER_ENTRY * request.batchSize() * (2L + request.parallel());
        try {
            long free = Files.getFileStore(workDir).getUsableSpace();
            if (free < needed) {
                throw new VlmetaException(Journal.STATE_UNWRITABLE, String.format(Locale.ROOT, "The temporary "
                        + "folder %s has %,d MB free; batch files of %,d entries for %d fields at once need about "
                        + "%,d MB: free some space or lower --batch-size.", workDir, free >> 20, request.batchSize(),
                        request.parallel(), needed >> 20));
            }
        } catch (IOException e) {
            // the batch file itself reports a full disk, naming the folder
        }
    }

    private static void writable(Path file, String option) {
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        boolean ok = Files.exists(absolute) ? Files.isWritable(absolute) && !Files.isDirectory(absolute)
                : parent != null && (Files.isDirectory(parent) ? Files.isWritable(parent) : creatable(parent));
        if (!ok) {
            throw new VlmetaException(Journal.STATE_UNWRITABLE, "Cannot write " + option + " file " + file
                    + ": choose a path in a folder you can write to; nothing was sent.");
        }
    }

    private static boolean creatable(Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.isDirectory(existing) && Files.isWritable(existing);
    }
}

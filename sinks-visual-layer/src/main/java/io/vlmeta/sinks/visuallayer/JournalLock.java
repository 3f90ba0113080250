package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.ErrorKind;
import io.vlmeta.api.VlmetaException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The exclusive hold of one run on a journal, as git's {@code index.lock}: a lock file created
 * exclusively, holding the owner's pid and start time, and an operating-system lock on it
 * ({@link FileChannel#tryLock()}) for as long as the run lives. A run killed with {@code -9} leaves
 * the file but not the operating-system lock, so the next run recognises the file as stale and takes it
 * over; a live run keeps both, and a second run refuses at once, naming the first.
 */
final class JournalLock implements AutoCloseable {
    /** Another run holds the journal. Exit code 1, as for any job that cannot run now. */
    static final ErrorCode LOCKED = new ErrorCode("JOURNAL_LOCKED", ErrorKind.USER, 1);

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private JournalLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param file the lock file, e.g. {@code <journal>.lock}
     * @throws VlmetaException {@link #LOCKED} when a live run holds it; {@link Journal#STATE_UNWRITABLE}
     *                         when it cannot be created
     */
    static JournalLock acquire(Path file) {
        for (int attempt = 1; ; attempt++) {
            JournalLock lock = tryAcquire(file);
            if (lock != null || attempt == 3) {
                if (lock == null) {
                    throw refusal(file);
                }
                return lock;
            }
        }
    }

    /** @return the hold, or {@code null} when the file was deleted by its releasing owner meanwhile */
    private static JournalLock tryAcquire(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            FileChannel channel;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        StandardOpenOption.READ);
            } catch (FileAlreadyExistsException exists) {
                channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
            }
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw refusal(file);
            }
            if (!Files.exists(file)) { // its owner released and deleted it between our open and our lock
                lock.release();
                channel.close();
                return null;
            }
            ProcessHandle self = ProcessHandle.current();
            String owner = self.pid() + " " + self.info().startInstant().orElse(Instant.now()) + "\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(owner.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new JournalLock(file, channel, lock);
        } catch (IOException e) {
            throw new VlmetaException(Journal.STATE_UNWRITABLE, "Cannot create the journal lock " + file + ": "
                    + e.getMessage() + "; check --state-dir.", e);
        }
    }

    private static VlmetaException refusal(Path file) {
        String owner = owner(file).orElse("another process");
        return new VlmetaException(LOCKED, "Another vlmeta run (" + owner + ") is uploading this job: its journal "
                + file.resolveSibling(file.getFileName().toString().replaceFirst("\\.lock$", "")) + " is locked. "
                + "Wait for it to end; two runs on one journal would send the same batches twice.");
    }

    /** @return {@code "pid 123, started 2026-...Z"} from the lock file, when readable */
    static Optional<String> owner(Path file) {
        try {
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).strip().split(" ");
            if (parts.length == 2) {
                return Optional.of("pid " + parts[0] + ", started " + parts[1]);
            }
        } catch (IOException e) {
            // the refusal still stands without the owner's name
        }
        return Optional.empty();
    }

    /** Deletes the lock file, then releases the lock: a run waiting on it never sees a half-released hold. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover lock file without an OS lock is recognised as stale
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock in any case
        }
    }
}

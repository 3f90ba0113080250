package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.ErrorKind;
import io.vlmeta.api.FileFaults;
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
 * The exclusive hold of one run on a journal: an operating-system lock ({@link FileChannel#tryLock()})
 * on a lock file beside it for as long as the run lives, the file holding the owner's pid and start
 * time while it does. A second run refuses at once, naming the first; a run killed with {@code -9} loses
 * the operating-system lock with its process, and the next run takes the file over.
 *
 * <p>The file is never deleted, only emptied when its owner is done (as dpkg and apt keep theirs). A run
 * that deleted it on release would let a waiting run lock the deleted file while a third creates and
 * locks a new one: two owners, and the same batches sent twice.
 */
final class JournalLock implements AutoCloseable {
    /** Another run holds the journal. Exit code 1, as for any job that cannot run now. */
    static final ErrorCode LOCKED = new ErrorCode("JOURNAL_LOCKED", ErrorKind.USER, 1);

    /** How long a refused run waits for the owner's name to appear in the lock file. */
    private static final long OWNER_WRITE_WAIT_NANOS = 1_000_000_000L;

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

    /**
     * @return the hold, or {@code null} when the file was deleted between our open and our lock (by hand, or
     *         by a release of an earlier version, which deleted it)
     */
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
            if (!Files.exists(file)) { // deleted between our open and our lock: the lock is on no file
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
                    + FileFaults.whyUnwritable(file, e) + "; check --state-dir.", e);
        }
    }

    private static VlmetaException refusal(Path file) {
        String owner = ownerOnceWritten(file).orElse("another process");
        return new VlmetaException(LOCKED, "Another vlmeta run (" + owner + ") is uploading this job: its journal "
                + file.resolveSibling(file.getFileName().toString().replaceFirst("\\.lock$", "")) + " is locked. "
                + "Wait for it to end; two runs on one journal would send the same batches twice.");
    }

    /**
     * The owner takes the operating-system lock before it writes its name into the file, so a run that
     * finds the lock taken may read the file in between: give the owner a moment to write it.
     */
    private static Optional<String> ownerOnceWritten(Path file) {
        long deadline = System.nanoTime() + OWNER_WRITE_WAIT_NANOS;
        while (true) {
            Optional<String> owner = owner(file);
            if (owner.isPresent() || System.nanoTime() > deadline) {
                return owner;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return owner;
            }
        }
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

    /**
     * Empties the lock file, then releases the lock: the next owner's name is never mistaken for this
     * one's while it writes it. The file stays, for every run to lock the same one.
     */
    @Override
    public void close() {
        try {
            channel.truncate(0);
        } catch (IOException e) {
            // the next owner truncates it before writing its own name in any case
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock in any case
        }
    }
}

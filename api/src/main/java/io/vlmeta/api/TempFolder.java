package io.vlmeta.api;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A run's private temporary folder (copies of standard input, batch files, row logs: the user's
 * metadata), which the next run deletes when this one ended without deleting it: killed with SIGKILL,
 * halted by a forced stop, or cut by a power loss.
 *
 * <p>The folder holds a lock file, {@value #LOCK_FILE}, locked for as long as the folder is open
 * ({@link FileChannel#tryLock()}: a POSIX {@code fcntl} record lock on Linux and macOS). The kernel
 * releases the lock when its process ends, however it ends, and sees it from every process on the same
 * file system, containers included, which a process id would not. So a folder whose lock another run can
 * take belongs to no live run. {@link #create} sweeps the folders of its own prefix that are so
 * abandoned and last changed more than {@link #SETTLED} ago (the moment between making a folder and
 * locking it). A folder without a lock file (made by an earlier version, or by another program) is never
 * touched.
 *
 * @since 0.1
 */
public final class TempFolder implements AutoCloseable {
    /** The lock file's name inside each folder. */
    public static final String LOCK_FILE = ".vlmeta-lock";
    /**
     * How long a folder must have been unchanged before a sweep may delete it: far longer than the
     * moment between making a folder and locking it, short enough that a run resumed at once after a
     * kill finds the killed run's folder gone.
     */
    static final Duration SETTLED = Duration.ofSeconds(10);

    /** the folders of this process not closed yet, for {@link #closeAll} */
    private static final Set<TempFolder> OPEN = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private TempFolder(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Makes a folder in the system's temporary folder ({@code java.io.tmpdir}) and locks it, then deletes
     * the abandoned folders of earlier runs with the same prefix. A folder that cannot be swept is left.
     *
     * @param prefix the start of the folder's name, e.g. {@code "vlmeta-upload-"}; also what is swept
     * @return the open folder; {@link #close()} deletes it
     * @throws IOException when the folder or its lock file cannot be made
     */
    public static TempFolder create(String prefix) throws IOException {
        return create(systemFolder(), prefix);
    }

    /** @return the system's temporary folder ({@code java.io.tmpdir}), where {@link #create(String)} makes folders */
    public static Path systemFolder() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** {@link #create(String)} in {@code parent} instead of the system's temporary folder. */
    static TempFolder create(Path parent, String prefix) throws IOException {
        Path folder = Files.createTempDirectory(parent, prefix);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IOException("the new folder " + folder + " is locked by another process");
            }
            TempFolder created = new TempFolder(folder, channel, lock);
            OPEN.add(created);
            sweep(parent, prefix, folder);
            return created;
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            deleteTree(folder);
            throw e;
        }
    }

    /** @return the folder */
    public Path path() {
        return path;
    }

    /**
     * Deletes every folder of this process not closed yet. For a process about to halt ({@link
     * Runtime#halt}, a forced stop), which runs no {@code finally} and no shutdown hook: the user's
     * metadata must not stay behind in the temporary folder, even for the next run to sweep.
     */
    public static void closeAll() {
        for (TempFolder folder : OPEN) {
            folder.close();
        }
    }

    /** Deletes the folder and everything in it, then releases its lock; never throws. */
    @Override
    public void close() {
        OPEN.remove(this);
        deleteContents(path);
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
        deleteEmptied(path);
    }

    /** Deletes the abandoned folders named {@code prefix*} in {@code parent}, other than {@code own}. */
    private static void sweep(Path parent, String prefix, Path own) {
        Instant settledBefore = Instant.now().minus(SETTLED);
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent, prefix + "*")) {
            for (Path folder : folders) {
                if (!folder.equals(own) && Files.isDirectory(folder) && !Files.isSymbolicLink(folder)
                        && Files.getLastModifiedTime(folder).toInstant().isBefore(settledBefore)) {
                    sweepIfAbandoned(folder);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a sweep is a courtesy: the run goes on without it
        }
    }

    private static void sweepIfAbandoned(Path folder) {
        Path lockFile = folder.resolve(LOCK_FILE);
        if (!Files.isRegularFile(lockFile)) {
            return; // not one of ours, or from before folders were locked: its owner cannot be known
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return; // a live run holds it
            }
            deleteContents(folder);
            lock.release();
        } catch (OverlappingFileLockException inThisProcess) {
            return;
        } catch (IOException e) {
            return; // not ours to open: another user's folder
        }
        deleteEmptied(folder);
    }

    /** Deletes everything in {@code folder} but its lock file, deepest first. */
    private static void deleteContents(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .filter(path -> !path.equals(folder) && !path.equals(folder.resolve(LOCK_FILE)))
                    .forEach(TempFolder::deleteQuietly);
        } catch (IOException | RuntimeException e) {
            // what is left is left for the next sweep
        }
    }

    private static void deleteTree(Path folder) {
        deleteContents(folder);
        deleteEmptied(folder);
    }

    /**
     * Deletes a folder {@link #deleteContents} emptied: its lock file, then the folder. A file written meanwhile
     * (a forced stop deletes the folder while the job's threads still write batch files) is deleted too, a few
     * times over; if files keep coming, the lock file stays, released, so that the next run's sweep finds the
     * folder abandoned and deletes it. A folder left without its lock file would never be swept.
     */
    private static void deleteEmptied(Path folder) {
        for (int attempt = 0; attempt < 3 && !holdsOnlyItsLock(folder); attempt++) {
            deleteContents(folder);
        }
        if (!holdsOnlyItsLock(folder)) {
            return;
        }
        deleteQuietly(folder.resolve(LOCK_FILE));
        deleteQuietly(folder);
        if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            // a file came between the check and the delete: the lock file goes back, unlocked, for the sweep
            try {
                Files.createFile(folder.resolve(LOCK_FILE));
            } catch (IOException e) {
                // there already, or the folder went after all
            }
        }
    }

    private static boolean holdsOnlyItsLock(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.allMatch(entry -> entry.getFileName().toString().equals(LOCK_FILE));
        } catch (IOException | RuntimeException e) {
            return true; // gone already, or unreadable: nothing more to do here
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // left for the next sweep
        }
    }

    @Override
    public String toString() {
        return "TempFolder[" + path + "]";
    }
}

package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.Location;
import io.vlmeta.api.VlmetaException;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The source rows of a job's upload (key, file, sheet, row), kept on disk once for all its fields:
 * a row gives one entry to each of several fields, one after another, so the fields' {@link RowSpill}s
 * point here instead of each writing the row again. Each record is found by its position in the file.
 *
 * <p>Thread-safe: fields append from the reading thread and read back from the threads that finish them.
 */
final class RowLog implements AutoCloseable {
    private final Path file;
    private final SpillWriter out;
    private String lastFile;
    private long lastFilePosition = -1;
    /**
     * The record written last, published whole so that the other fields' entries of its row find it
     * without taking the lock (one per entry otherwise); {@code null} before the first.
     */
    private volatile Last last;

    RowLog(Path directory) {
        try {
            this.file = Files.createTempFile(directory, "rows-", ".log");
            this.out = new SpillWriter(Files.newOutputStream(file), 1 << 16);
        } catch (IOException e) {
            throw RowSpill.spillFailure(directory.resolve("rows.log"), e);
        }
    }

    /**
     * Records where an entry came from, or finds the record just written for the same row: fields are
     * handed the same key and location objects for one row, so identity tells it without comparing.
     *
     * @return the record's position, for {@link #read}
     */
    long append(String key, Location location) {
        long position = lastPosition(key, location);
        return position >= 0 ? position : appendNew(key, location);
    }

    /** @return where the last record starts when it is of this key and location object, else -1 */
    private long lastPosition(String key, Location location) {
        Last written = last;
        return written != null && written.key() == key && written.location() == location ? written.position() : -1;
    }

    private synchronized long appendNew(String key, Location location) {
        long position = lastPosition(key, location);
        if (position >= 0) {
            return position; // another thread wrote it while this one waited for the lock
        }
        try {
            // sources repeat one file name for every row: write it once, and point at it
            if (!location.file().equals(lastFile)) {
                lastFilePosition = out.position();
                out.writeText(location.file());
                lastFile = location.file();
            }
            position = out.position();
            out.writeLong(lastFilePosition);
            out.writeByte(location.sheet() != null ? 1 : 0); // read as a boolean
            if (location.sheet() != null) {
                out.writeText(location.sheet());
            }
            out.writeLong(location.row());
            out.writeText(key);
        } catch (IOException e) {
            throw RowSpill.spillFailure(file, e);
        }
        last = new Last(key, location, position);
        return position;
    }

    /** @return the key and location recorded at {@code position} (a value {@link #append} returned) */
    synchronized Row read(long position) {
        try {
            out.flush();
            try (RandomAccessFile rows = new RandomAccessFile(file.toFile(), "r")) {
                rows.seek(position);
                long filePosition = rows.readLong();
                String sheet = rows.readBoolean() ? readText(rows) : null;
                long row = rows.readLong();
                String key = readText(rows);
                rows.seek(filePosition);
                return new Row(key, new Location(readText(rows), sheet, row));
            }
        } catch (IOException e) {
            throw RowSpill.spillFailure(file, e);
        }
    }

    static String readText(RandomAccessFile file) throws IOException {
        byte[] bytes = new byte[file.readInt()];
        file.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file; the sink's folder is removed at close
        }
    }

    /** The last record: the row's key and location objects, and where the record starts. */
    private record Last(String key, Location location, long position) {
    }

    /** A source row: the key the user gave and where it is. */
    record Row(String key, Location location) {
    }
}

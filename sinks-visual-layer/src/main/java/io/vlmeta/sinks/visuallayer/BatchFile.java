package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FileFaults;
import io.vlmeta.api.Location;
import io.vlmeta.api.VlmetaException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One batch being written to disk as the JSON array the upload endpoint takes
 * ({@code [{"media_id": "...", "value": ...}, ...]}). Entries go straight to the file through an
 * {@link EntryJsonWriter}, so a queued batch costs disk, not heap.
 */
final class BatchFile {
    private final Path path;
    private final int number;
    private final long firstEntry;
    private final EntryJsonWriter json;
    private int count;
    private String firstMedia;
    private String lastMedia;
    private Location firstLocation;
    private Location lastLocation;

    /**
     * @param number     the batch's number in its task, from 1
     * @param firstEntry the 0-based index of its first entry in the task
     */
    BatchFile(Path directory, String fieldName, int number, long firstEntry) {
        this.number = number;
        this.firstEntry = firstEntry;
        try {
            this.path = Files.createTempFile(directory, "batch-", ".json");
            this.json = new EntryJsonWriter(Files.newOutputStream(path), 1 << 16);
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INTERNAL, "Cannot write a batch of field '" + fieldName
                    + "' to the temporary folder " + directory + ": "
                    + FileFaults.whyUnwritable(directory.resolve("batch.json"), e) + ".", e);
        }
    }

    void add(String mediaId, Object value, Location location) throws IOException {
        if (count == 0) {
            firstMedia = mediaId;
            firstLocation = location;
        }
        lastMedia = mediaId;
        lastLocation = location;
        json.write(mediaId, value);
        count++;
    }

    /**
     * @param inDoubt true for a batch an earlier run may have sent: it is settled by reading back before
     *                it is sent again
     * @return the finished batch, ready to send
     */
    Pending close(boolean inDoubt) throws IOException {
        json.close();
        return new Pending(path, new JournalState.Batch(number, firstEntry, count, firstMedia, lastMedia,
                rows(firstLocation, lastLocation)), inDoubt);
    }

    /** @return e.g. {@code "rows 2-101 of metadata.csv"} */
    static String rows(Location first, Location last) {
        if (first == null) {
            return "no rows";
        }
        String where = first.file() + (first.sheet() == null ? "" : " sheet " + first.sheet());
        return first.row() == last.row() ? "row " + first.row() + " of " + where
                : "rows " + first.row() + "-" + last.row() + " of " + where;
    }

    int count() {
        return count;
    }

    /** Drops an unfinished batch. */
    void discard() {
        try {
            json.abandon();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a temporary file; the sink's folder is removed at close
        }
    }

    /**
     * A batch written in full.
     *
     * @param file    the JSON file
     * @param batch   what the journal records of it
     * @param inDoubt true when an earlier run may have sent it: settled by reading back first
     */
    record Pending(Path file, JournalState.Batch batch, boolean inDoubt) {
    }
}

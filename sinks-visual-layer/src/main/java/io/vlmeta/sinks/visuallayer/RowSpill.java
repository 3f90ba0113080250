package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.Entry;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FileFaults;
import io.vlmeta.api.Location;
import io.vlmeta.api.VlmetaException;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where every entry of one field's task came from, kept on disk so that the server's
 * {@code row_index} (the entry's position in the task) can be mapped back to a file, row and value
 * without holding the rows in memory: a data file of variable-length records (the row's position in
 * the job's {@link RowLog}, which all fields share, and the value), and an offsets file of one
 * fixed-size {@code long} per entry. Written by the reader thread, read after the upload.
 */
final class RowSpill implements AutoCloseable {
    private static final int VALUE_LIMIT = 1_000;
    private static final byte TEXT = 0;
    private static final byte LIST = 1;

    private final RowLog rows;
    private final Path data;
    private final Path offsets;
    private final SpillWriter dataOut;
    private final SpillWriter offsetsOut;
    private long count;

    /** @param rows where the entries' source rows are recorded, shared with the job's other fields */
    RowSpill(Path directory, RowLog rows) {
        this.rows = rows;
        try {
            this.data = Files.createTempFile(directory, "values-", ".bin");
            this.offsets = Files.createTempFile(directory, "values-", ".idx");
            this.dataOut = new SpillWriter(Files.newOutputStream(data), 1 << 16);
            this.offsetsOut = new SpillWriter(Files.newOutputStream(offsets), 1 << 14);
        } catch (IOException e) {
            throw spillFailure(directory.resolve("values.bin"), e);
        }
    }

    /** Records the next entry of the task. */
    void append(Entry entry) {
        long row = rows.append(entry.key(), entry.location());
        try {
            offsetsOut.writeLong(dataOut.position());
            dataOut.writeLong(row);
            writeValue(entry.value());
            count++;
        } catch (IOException e) {
            throw spillFailure(data, e);
        }
    }

    long count() {
        return count;
    }

    /**
     * Reads back where entry {@code index} came from.
     *
     * @return the entry's source, or {@code null} when the index is outside the task
     */
    Spilled read(long index) {
        if (index < 0 || index >= count) {
            return null;
        }
        long row;
        String value;
        try {
            dataOut.flush();
            offsetsOut.flush();
            try (RandomAccessFile offsetFile = new RandomAccessFile(offsets.toFile(), "r");
                 RandomAccessFile dataFile = new RandomAccessFile(data.toFile(), "r")) {
                offsetFile.seek(index * Long.BYTES);
                dataFile.seek(offsetFile.readLong());
                row = dataFile.readLong();
                value = readValue(dataFile);
            }
        } catch (IOException e) {
            throw spillFailure(data, e);
        }
        RowLog.Row source = rows.read(row);
        return new Spilled(source.key(), source.location(), value);
    }

    /**
     * Writes the value so that {@link #readValue} gives its text as a person reads it (lists as
     * {@code a, b}, at most {@value #VALUE_LIMIT} characters), without building that text now: a
     * list's items are written one by one and joined only when a rejection is read back.
     */
    private void writeValue(Object value) throws IOException {
        if (value instanceof String text) { // most values: written as valueText would give it, without asking
            dataOut.writeByte(TEXT);
            dataOut.writeText(shorten(text));
        } else if (value instanceof List<?> list && joinedLength(list) <= VALUE_LIMIT) {
            dataOut.writeByte(LIST);
            dataOut.writeInt(list.size());
            for (Object item : list) {
                dataOut.writeText(String.valueOf(item));
            }
        } else {
            dataOut.writeByte(TEXT);
            dataOut.writeText(shorten(valueText(value)));
        }
    }

    private static String readValue(RandomAccessFile file) throws IOException {
        if (file.readByte() == TEXT) {
            return RowLog.readText(file);
        }
        String[] items = new String[file.readInt()];
        for (int i = 0; i < items.length; i++) {
            items[i] = RowLog.readText(file);
        }
        return String.join(", ", items);
    }

    /** @return the length of the list's text as {@link #valueText} writes it, or more once it passes the limit */
    private static long joinedLength(List<?> list) {
        long length = 2L * Math.max(0, list.size() - 1);
        for (Object item : list) {
            length += item instanceof String text ? text.length() : VALUE_LIMIT + 1;
            if (length > VALUE_LIMIT) {
                return length;
            }
        }
        return length;
    }

    /** @return the value as a person reads it: lists as {@code a, b} */
    static String valueText(Object value) {
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    private static String shorten(String text) {
        return text.length() > VALUE_LIMIT ? text.substring(0, VALUE_LIMIT) + "..." : text;
    }

    /**
     * @param file the temporary file being written or read, never null
     * @param e    what writing or reading it threw, never null
     */
    static VlmetaException spillFailure(Path file, IOException e) {
        return new VlmetaException(ErrorCode.INTERNAL, "Cannot keep the upload's row map in the temporary folder "
                + file.toAbsolutePath().getParent() + ": " + FileFaults.whyUnwritable(file, e) + ".", e);
    }

    @Override
    public void close() {
        try {
            dataOut.close();
            offsetsOut.close();
            Files.deleteIfExists(data);
            Files.deleteIfExists(offsets);
        } catch (IOException e) {
            // temporary files; the sink's folder is removed at close
        }
    }

    /** Where one entry came from. */
    record Spilled(String key, Location location, String value) {
    }
}

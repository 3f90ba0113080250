package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.Entry;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.Location;
import io.vlmeta.api.VlmetaException;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where every entry of one field's task came from, kept on disk so that the server's
 * {@code row_index} (the entry's position in the task) can be mapped back to a file, row and value
 * without holding the rows in memory: a data file of variable-length records, and an offsets file
 * of one fixed-size {@code long} per entry. Written by the reader thread, read after the upload.
 */
final class RowSpill implements AutoCloseable {
    private static final int VALUE_LIMIT = 1_000;
    private static final byte TEXT = 0;
    private static final byte LIST = 1;

    private final Path data;
    private final Path offsets;
    private final SpillWriter dataOut;
    private final SpillWriter offsetsOut;
    private long count;
    private String lastFile;
    private long lastFilePosition;

    RowSpill(Path directory) {
        try {
            this.data = Files.createTempFile(directory, "rows-", ".bin");
            this.offsets = Files.createTempFile(directory, "rows-", ".idx");
            this.dataOut = new SpillWriter(Files.newOutputStream(data), 1 << 16);
            this.offsetsOut = new SpillWriter(Files.newOutputStream(offsets), 1 << 14);
        } catch (IOException e) {
            throw spillFailure(e);
        }
    }

    /** Records the next entry of the task. */
    void append(Entry entry) {
        try {
            Location location = entry.location();
            // sources repeat one file name for every row: write it once, and point at it
            if (!location.file().equals(lastFile)) {
                lastFilePosition = dataOut.position();
                dataOut.writeText(location.file());
                lastFile = location.file();
            }
            offsetsOut.writeLong(dataOut.position());
            dataOut.writeLong(lastFilePosition);
            dataOut.writeByte(location.sheet() != null ? 1 : 0); // read as a boolean
            if (location.sheet() != null) {
                dataOut.writeText(location.sheet());
            }
            dataOut.writeLong(location.row());
            dataOut.writeText(entry.key());
            writeValue(entry.value());
            count++;
        } catch (IOException e) {
            throw spillFailure(e);
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
        try {
            dataOut.flush();
            offsetsOut.flush();
            try (RandomAccessFile offsetFile = new RandomAccessFile(offsets.toFile(), "r");
                 RandomAccessFile dataFile = new RandomAccessFile(data.toFile(), "r")) {
                offsetFile.seek(index * Long.BYTES);
                dataFile.seek(offsetFile.readLong());
                long filePosition = dataFile.readLong();
                String sheet = dataFile.readBoolean() ? readText(dataFile) : null;
                long row = dataFile.readLong();
                String key = readText(dataFile);
                String value = readValue(dataFile);
                dataFile.seek(filePosition);
                String file = readText(dataFile);
                return new Spilled(key, new Location(file, sheet, row), value);
            }
        } catch (IOException e) {
            throw spillFailure(e);
        }
    }

    /**
     * Writes the value so that {@link #readValue} gives its text as a person reads it (lists as
     * {@code a, b}, at most {@value #VALUE_LIMIT} characters), without building that text now: a
     * list's items are written one by one and joined only when a rejection is read back.
     */
    private void writeValue(Object value) throws IOException {
        if (value instanceof List<?> list && joinedLength(list) <= VALUE_LIMIT) {
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
            return readText(file);
        }
        String[] items = new String[file.readInt()];
        for (int i = 0; i < items.length; i++) {
            items[i] = readText(file);
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

    private static String readText(RandomAccessFile file) throws IOException {
        byte[] bytes = new byte[file.readInt()];
        file.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
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

    private static VlmetaException spillFailure(IOException e) {
        return new VlmetaException(ErrorCode.INTERNAL, "Cannot keep the upload's row map in the temporary folder: "
                + e.getMessage(), e);
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

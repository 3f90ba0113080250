package io.vlmeta.emulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A dataset's media: file names and media ids by dense ordinal, and an open-addressing index from
 * media id to ordinal. Ids are kept as two {@code long}s and names in a {@link BytePool}, so ten
 * million media cost a few hundred megabytes rather than gigabytes. Immutable once built, so reads
 * need no lock.
 */
final class MediaCatalog {
    private final long[] mostSignificant;
    private final long[] leastSignificant;
    private final long[] nameAddresses;
    private final BytePool names = new BytePool();
    /** ordinal + 1 by hash slot; 0 marks an empty slot. */
    private final int[] slots;
    private final int mask;

    private MediaCatalog(int size) {
        mostSignificant = new long[size];
        leastSignificant = new long[size];
        nameAddresses = new long[size];
        int capacity = Integer.highestOneBit(Math.max(4, size) * 2 - 1) << 1;
        slots = new int[capacity];
        mask = capacity - 1;
    }

    /**
     * @param datasetId the dataset the ids derive from
     * @param filenames the media file names, unique, in the order the export lists them
     * @throws IllegalArgumentException for a blank or repeated file name
     */
    static MediaCatalog of(String datasetId, List<String> filenames) {
        MediaCatalog catalog = new MediaCatalog(filenames.size());
        MediaIds.Deriver ids = new MediaIds.Deriver(datasetId);
        long[] id = new long[2];
        int ordinal = 0;
        for (String filename : filenames) {
            if (filename == null || filename.isBlank()) {
                throw new IllegalArgumentException("dataset '" + datasetId + "': file name " + (ordinal + 1) + " is blank");
            }
            byte[] name = filename.getBytes(StandardCharsets.UTF_8);
            ids.derive(name, id);
            if (!catalog.insert(id[0], id[1], ordinal)) {
                throw new IllegalArgumentException("dataset '" + datasetId + "': file name '" + filename
                        + "' is listed twice");
            }
            catalog.nameAddresses[ordinal] = catalog.names.add(name);
            ordinal++;
        }
        return catalog;
    }

    private boolean insert(long msb, long lsb, int ordinal) {
        int slot = hash(msb, lsb) & mask;
        while (slots[slot] != 0) {
            int other = slots[slot] - 1;
            if (mostSignificant[other] == msb && leastSignificant[other] == lsb) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        mostSignificant[ordinal] = msb;
        leastSignificant[ordinal] = lsb;
        slots[slot] = ordinal + 1;
        return true;
    }

    /** @return the ordinal of the media id, or {@code -1} when the dataset has no such media */
    int ordinal(long msb, long lsb) {
        int slot = hash(msb, lsb) & mask;
        int entry;
        while ((entry = slots[slot]) != 0) {
            int ordinal = entry - 1;
            if (mostSignificant[ordinal] == msb && leastSignificant[ordinal] == lsb) {
                return ordinal;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /**
     * Like {@link #ordinal(long, long)}, trying {@code hint} first: files usually list media in export
     * order, so the media after the previous entry's is a good guess, and checking it reads memory next
     * to the previous look-up instead of a random slot of the hash table (a cache miss on large datasets).
     *
     * @param hint the likely ordinal, any int
     */
    int ordinal(long msb, long lsb, int hint) {
        if (hint >= 0 && hint < mostSignificant.length && mostSignificant[hint] == msb
                && leastSignificant[hint] == lsb) {
            return hint;
        }
        return ordinal(msb, lsb);
    }

    /** @return the ordinal of the media id text, or {@code -1} when it is not one of this dataset's */
    int ordinal(String mediaId) {
        long[] bits = new long[2];
        return MediaIds.parse(mediaId, bits) ? ordinal(bits[0], bits[1]) : -1;
    }

    /** @return the media id at {@code ordinal} in its canonical lower-case form */
    String mediaId(int ordinal) {
        return new UUID(mostSignificant[ordinal], leastSignificant[ordinal]).toString();
    }

    /** @return the file name at {@code ordinal} */
    String filename(int ordinal) {
        return names.string(nameAddresses[ordinal]);
    }

    /** @return the length in bytes of the UTF-8 file name at {@code ordinal} */
    int filenameLength(int ordinal) {
        return names.length(nameAddresses[ordinal]);
    }

    /**
     * Copies the UTF-8 file name at {@code ordinal} into {@code target}, which must have room for it.
     *
     * @return the offset in {@code target} after the name
     */
    int copyFilename(int ordinal, byte[] target, int offset) {
        return names.copyTo(nameAddresses[ordinal], target, offset);
    }

    /** @return the most significant half of the media id at {@code ordinal} */
    long mostSignificantBits(int ordinal) {
        return mostSignificant[ordinal];
    }

    /** @return the least significant half of the media id at {@code ordinal} */
    long leastSignificantBits(int ordinal) {
        return leastSignificant[ordinal];
    }

    /** @return the number of media */
    int size() {
        return mostSignificant.length;
    }

    private static int hash(long msb, long lsb) {
        long h = msb * 0x9E3779B97F4A7C15L ^ lsb;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return (int) h;
    }
}

package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.VlmetaException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * Collects media items (path, media id) into growable primitive arrays, then trims them into a
 * {@link MediaIndex}. Ids start out packed as UUIDs and switch to text at the first id that is not a
 * canonical UUID, so an unusual export still works, only less compactly.
 */
final class MediaIndexBuilder {
    private final MatchMode mode;
    private byte[] paths = new byte[1 << 16];
    private int pathLength;
    private int[] pathEnds = new int[1 << 10];
    private long[] high = new long[1 << 10];
    private long[] low = new long[1 << 10];
    private byte[] idText;
    private int idLength;
    private int[] idEnds;
    private int size;

    MediaIndexBuilder(MatchMode mode) {
        this.mode = mode;
    }

    /**
     * @param path    the media item's file name as the export gives it
     * @param mediaId its media id
     */
    void add(String path, String mediaId) {
        if (size == pathEnds.length) {
            int capacity = grow(size);
            pathEnds = Arrays.copyOf(pathEnds, capacity);
            if (idText == null) {
                high = Arrays.copyOf(high, capacity);
                low = Arrays.copyOf(low, capacity);
            } else {
                idEnds = Arrays.copyOf(idEnds, capacity);
            }
        }
        byte[] bytes = MediaPaths.normalize(path).getBytes(StandardCharsets.UTF_8);
        paths = append(paths, pathLength, bytes);
        pathLength += bytes.length;
        pathEnds[size] = pathLength;
        addId(mediaId.strip());
        size++;
    }

    private void addId(String mediaId) {
        if (idText == null) {
            UUID uuid = canonicalUuid(mediaId);
            if (uuid != null) {
                high[size] = uuid.getMostSignificantBits();
                low[size] = uuid.getLeastSignificantBits();
                return;
            }
            switchToText();
        }
        byte[] bytes = mediaId.getBytes(StandardCharsets.UTF_8);
        idText = append(idText, idLength, bytes);
        idLength += bytes.length;
        idEnds[size] = idLength;
    }

    private void switchToText() {
        idText = new byte[Math.max(1 << 12, size * 36)];
        idEnds = new int[pathEnds.length];
        for (int i = 0; i < size; i++) {
            byte[] bytes = new UUID(high[i], low[i]).toString().getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(bytes, 0, idText, idLength, bytes.length);
            idLength += bytes.length;
            idEnds[i] = idLength;
        }
        high = null;
        low = null;
    }

    /** @return the id as a UUID when packing it loses nothing (lower-case canonical form), else null */
    private static UUID canonicalUuid(String id) {
        if (id.length() != 36) {
            return null;
        }
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.toString().equals(id) ? uuid : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] append(byte[] buffer, int length, byte[] bytes) {
        if ((long) length + bytes.length > Integer.MAX_VALUE - 16) {
            throw VlmetaException.malformed("The dataset export is too large to index: its file names exceed 2 GB.");
        }
        byte[] target = buffer;
        if (length + bytes.length > buffer.length) {
            target = Arrays.copyOf(buffer, Math.max(length + bytes.length, grow(buffer.length)));
        }
        System.arraycopy(bytes, 0, target, length, bytes.length);
        return target;
    }

    private static int grow(int capacity) {
        return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(16, capacity + (capacity >> 1)));
    }

    int size() {
        return size;
    }

    /** @param description where the items came from, for the user */
    MediaIndex build(String description) {
        MediaIndex.MediaIdStore ids = idText == null
                ? new MediaIndex.UuidIds(Arrays.copyOf(high, size), Arrays.copyOf(low, size))
                : new MediaIndex.TextIds(Arrays.copyOf(idText, idLength), Arrays.copyOf(idEnds, size));
        byte[] trimmedPaths = Arrays.copyOf(paths, pathLength);
        int[] trimmedEnds = Arrays.copyOf(pathEnds, size);
        paths = null;
        pathEnds = null;
        high = null;
        low = null;
        idText = null;
        return new MediaIndex(mode, description, size, trimmedPaths, trimmedEnds, ids);
    }
}

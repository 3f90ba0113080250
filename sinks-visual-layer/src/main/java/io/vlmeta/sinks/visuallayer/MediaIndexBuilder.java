package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.MediaKeys;
import io.vlmeta.api.VlmetaException;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Collects media items (path, media id) into {@link ChunkedArrays}, then copies them into the
 * exact-size arrays of a {@link MediaIndex}, releasing each chunk once copied: building needs about the
 * index's final size, not twice it. Ids start out packed as UUIDs and switch to text at the first id
 * that is not a canonical UUID, so an unusual export still works, only less compactly.
 */
final class MediaIndexBuilder implements ExportReader.MediaItems {
    private static final long MAX_TEXT = Integer.MAX_VALUE - 16;

    private final MatchMode mode;
    private final ChunkedArrays.Bytes paths = new ChunkedArrays.Bytes();
    private final ChunkedArrays.Ints pathEnds = new ChunkedArrays.Ints();
    private final ChunkedArrays.Longs high = new ChunkedArrays.Longs();
    private final ChunkedArrays.Longs low = new ChunkedArrays.Longs();
    private ChunkedArrays.Bytes idText;
    private ChunkedArrays.Ints idEnds;
    private int size;

    MediaIndexBuilder(MatchMode mode) {
        this.mode = mode;
    }

    /**
     * @param path    the media item's file name as the export gives it
     * @param mediaId its media id
     */
    @Override
    public void add(String path, String mediaId) {
        byte[] bytes = MediaKeys.normalize(path).getBytes(StandardCharsets.UTF_8);
        if (paths.length() + bytes.length > MAX_TEXT) {
            throw VlmetaException.malformed("The dataset export is too large to index: its file names exceed 2 GB.");
        }
        paths.append(bytes);
        pathEnds.add((int) paths.length());
        addId(mediaId.strip());
        size++;
    }

    private void addId(String mediaId) {
        if (idText == null) {
            UUID uuid = canonicalUuid(mediaId);
            if (uuid != null) {
                high.add(uuid.getMostSignificantBits());
                low.add(uuid.getLeastSignificantBits());
                return;
            }
            switchToText();
        }
        appendIdText(mediaId.getBytes(StandardCharsets.UTF_8));
    }

    private void appendIdText(byte[] bytes) {
        if (idText.length() + bytes.length > MAX_TEXT) {
            throw VlmetaException.malformed("The dataset export is too large to index: its media ids exceed 2 GB.");
        }
        idText.append(bytes);
        idEnds.add((int) idText.length());
    }

    private void switchToText() {
        idText = new ChunkedArrays.Bytes();
        idEnds = new ChunkedArrays.Ints();
        for (int i = 0; i < size; i++) {
            appendIdText(new UUID(high.get(i), low.get(i)).toString().getBytes(StandardCharsets.US_ASCII));
        }
        high.clear();
        low.clear();
    }

    /**
     * @return the id as a UUID when packing it loses nothing (the lower-case canonical form
     *         {@code 8-4-4-4-12} hex digits of RFC 4122, the form {@link UUID#toString} gives), else null
     */
    static UUID canonicalUuid(String id) {
        if (id.length() != 36) {
            return null;
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 36; i++) {
            char c = id.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return null;
                }
                continue;
            }
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (digit < 0) {
                return null;
            }
            if (i < 18) {
                high = high << 4 | digit;
            } else {
                low = low << 4 | digit;
            }
        }
        return new UUID(high, low);
    }

    int size() {
        return size;
    }

    /** @param description where the items came from, for the user */
    MediaIndex build(String description) {
        byte[] allPaths = paths.toArray();
        int[] allEnds = pathEnds.toArray();
        MediaIndex.MediaIdStore ids = idText == null
                ? new MediaIndex.UuidIds(high.toArray(), low.toArray())
                : new MediaIndex.TextIds(idText.toArray(), idEnds.toArray());
        idText = null;
        idEnds = null;
        return new MediaIndex(mode, description, size, allPaths, allEnds, ids);
    }
}

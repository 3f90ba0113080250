package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.MediaResolver;
import io.vlmeta.api.Resolution;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The dataset's media, in a compact form: every normalised path in one byte buffer, media ids as
 * two longs when they are UUIDs (as Visual Layer's are), and int-array hash chains for lookups.
 * About 45 bytes per item plus the path's length, so ten million media fit in well under 1 GB.
 *
 * <p>Immutable once built; safe for concurrent reads.
 */
final class MediaIndex implements MediaResolver {
    /** Ambiguous keys list at most this many candidates: enough to see the clash, bounded in memory. */
    static final int MAX_CANDIDATES = 10;

    private final MatchMode mode;
    private final String description;
    private final int size;
    private final byte[] paths;
    private final int[] pathEnds;
    private final MediaIdStore ids;
    private final HashChains exact;
    private final HashChains names;

    MediaIndex(MatchMode mode, String description, int size, byte[] paths, int[] pathEnds, MediaIdStore ids) {
        this.mode = mode;
        this.description = description;
        this.size = size;
        this.paths = paths;
        this.pathEnds = pathEnds;
        this.ids = ids;
        int[] hashes = new int[size];
        if (mode.usesExactPath()) {
            for (int i = 0; i < size; i++) {
                hashes[i] = MediaPaths.hash(paths, start(i), pathEnds[i]);
            }
            this.exact = new HashChains(hashes, size);
        } else {
            this.exact = null;
        }
        for (int i = 0; i < size; i++) {
            int from = start(i);
            int nameStart = MediaPaths.nameStart(paths, from, pathEnds[i]);
            hashes[i] = MediaPaths.hash(paths, nameStart, nameEnd(paths, nameStart, pathEnds[i]));
        }
        this.names = new HashChains(hashes, size);
    }

    @Override
    public Resolution resolve(String key) {
        byte[] k = MediaPaths.normalize(key).getBytes(StandardCharsets.UTF_8);
        if (k.length == 0) {
            return Resolution.Unmatched.INSTANCE;
        }
        List<Integer> found = new ArrayList<>(2);
        if (exact != null) {
            for (int o = exact.first(MediaPaths.hash(k, 0, k.length)); o != 0; o = exact.after(o - 1)) {
                int ordinal = o - 1;
                if (Arrays.equals(paths, start(ordinal), pathEnds[ordinal], k, 0, k.length)) {
                    found.add(ordinal);
                }
            }
            if (!found.isEmpty()) {
                return resolution(found);
            }
        }
        int keyNameStart = MediaPaths.nameStart(k, 0, k.length);
        int keyNameEnd = nameEnd(k, keyNameStart, k.length);
        for (int o = names.first(MediaPaths.hash(k, keyNameStart, keyNameEnd)); o != 0; o = names.after(o - 1)) {
            int ordinal = o - 1;
            if (matchesByName(ordinal, k, keyNameStart, keyNameEnd)) {
                found.add(ordinal);
            }
        }
        return resolution(found);
    }

    private boolean matchesByName(int ordinal, byte[] k, int keyNameStart, int keyNameEnd) {
        int from = start(ordinal);
        int to = pathEnds[ordinal];
        int nameStart = MediaPaths.nameStart(paths, from, to);
        if (!Arrays.equals(paths, nameStart, nameEnd(paths, nameStart, to), k, keyNameStart, keyNameEnd)) {
            return false;
        }
        if (mode == MatchMode.BASENAME || mode == MatchMode.STEM) {
            return true;
        }
        // suffix rule, both ways: "img1.jpg" finds "images/img1.jpg", and "/home/me/images/img1.jpg"
        // finds "images/img1.jpg" when the user wrote local absolute paths
        return Arrays.equals(paths, from, to, k, 0, k.length)
                || MediaPaths.endsAtBoundary(paths, from, to, k, 0, k.length)
                || MediaPaths.endsAtBoundary(k, 0, k.length, paths, from, to);
    }

    private int nameEnd(byte[] bytes, int nameStart, int to) {
        return mode == MatchMode.STEM ? MediaPaths.stemEnd(bytes, nameStart, to) : to;
    }

    private Resolution resolution(List<Integer> found) {
        if (found.isEmpty()) {
            return Resolution.Unmatched.INSTANCE;
        }
        if (found.size() == 1) {
            int ordinal = found.get(0);
            return new Resolution.Matched(ids.get(ordinal), ordinal);
        }
        return new Resolution.Ambiguous(found.stream().limit(MAX_CANDIDATES).map(this::path).toList());
    }

    /** @return the normalised path of an item */
    String path(int ordinal) {
        return new String(paths, start(ordinal), pathEnds[ordinal] - start(ordinal), StandardCharsets.UTF_8);
    }

    private int start(int ordinal) {
        return ordinal == 0 ? 0 : pathEnds[ordinal - 1];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String description() {
        return description;
    }

    /** Media ids as two longs when every id is a canonical UUID, else as UTF-8 text in one buffer. */
    sealed interface MediaIdStore permits UuidIds, TextIds {
        String get(int ordinal);
    }

    record UuidIds(long[] high, long[] low) implements MediaIdStore {
        @Override
        public String get(int ordinal) {
            return new UUID(high[ordinal], low[ordinal]).toString();
        }
    }

    record TextIds(byte[] text, int[] ends) implements MediaIdStore {
        @Override
        public String get(int ordinal) {
            int from = ordinal == 0 ? 0 : ends[ordinal - 1];
            return new String(text, from, ends[ordinal] - from, StandardCharsets.UTF_8);
        }
    }
}

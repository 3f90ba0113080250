package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.MediaKeys;
import io.vlmeta.api.MediaResolver;
import io.vlmeta.api.Resolution;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The dataset's media, in a compact form: every normalised path in one byte buffer, media ids as
 * two longs when they are UUIDs (as Visual Layer's are), and two {@link HashBuckets} for lookups: by
 * whole path, and by {@linkplain FoldedNames folded} file stem. The second finds a file name (or stem)
 * by comparing the bytes of the few items filed under it, and, for a key that matches nothing, the
 * items that differ from it only in case, compatibility form or extension ({@link #nearMiss}). About 42 bytes per item plus the path's length, so ten million media fit in well
 * under 1 GB.
 *
 * <p>Immutable once built; safe for concurrent reads.
 */
final class MediaIndex implements MediaResolver {
    /** Ambiguous keys list at most this many candidates: enough to see the clash, bounded in memory. */
    static final int MAX_CANDIDATES = 10;

    /** Items a near-miss search reads at most: a stem shared by thousands of files says little anyway. */
    private static final int NEAR_MISSES_READ = 1_000;

    private static final ThreadLocal<Lookup> LOOKUPS = ThreadLocal.withInitial(Lookup::new);

    private final MatchMode mode;
    private final String description;
    private final int size;
    private final byte[] paths;
    private final int[] pathEnds;
    private final MediaIdStore ids;
    private final HashBuckets exact;
    private final HashBuckets names;

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
            this.exact = new HashBuckets(hashes);
        } else {
            this.exact = null;
        }
        for (int i = 0; i < size; i++) {
            int from = start(i);
            int nameStart = MediaPaths.nameStart(paths, from, pathEnds[i]);
            hashes[i] = FoldedNames.hash(paths, nameStart, MediaPaths.stemEnd(paths, nameStart, pathEnds[i]));
        }
        this.names = new HashBuckets(hashes);
    }

    @Override
    public Resolution resolve(String key) {
        Lookup lookup = LOOKUPS.get();
        lookup.start(MediaKeys.normalize(key));
        byte[] k = lookup.key;
        int length = lookup.keyLength;
        if (length == 0) {
            return Resolution.Unmatched.INSTANCE;
        }
        if (exact != null) {
            int hash = MediaPaths.hash(k, 0, length);
            for (int p = exact.from(hash), to = exact.to(hash); p < to && !lookup.full(); p++) {
                int ordinal = exact.ordinalIfHash(p, hash);
                if (ordinal >= 0 && Arrays.equals(paths, start(ordinal), pathEnds[ordinal], k, 0, length)) {
                    lookup.found(ordinal);
                }
            }
            if (lookup.count > 0) {
                return resolution(lookup);
            }
        }
        int keyNameStart = MediaPaths.nameStart(k, 0, length);
        int keyNameEnd = nameEnd(k, keyNameStart, length);
        int hash = FoldedNames.hash(k, keyNameStart, MediaPaths.stemEnd(k, keyNameStart, length));
        for (int p = names.from(hash), to = names.to(hash); p < to && !lookup.full(); p++) {
            int ordinal = names.ordinalIfHash(p, hash);
            if (ordinal >= 0 && matchesByName(ordinal, k, length, keyNameStart, keyNameEnd)) {
                lookup.found(ordinal);
            }
        }
        return resolution(lookup);
    }

    /**
     * Looks among the items filed under the key's folded stem, so it reads a few items, never all.
     * The nearest (fewest differences, then first in the export) is named.
     */
    @Override
    public Optional<String> nearMiss(String key) {
        String normalized = MediaKeys.normalize(key);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        byte[] k = normalized.getBytes(StandardCharsets.UTF_8);
        int keyNameStart = MediaPaths.nameStart(k, 0, k.length);
        int hash = FoldedNames.hash(k, keyNameStart, MediaPaths.stemEnd(k, keyNameStart, k.length));
        NearMiss nearest = null;
        int from = names.from(hash);
        int to = Math.min(names.to(hash), from + NEAR_MISSES_READ);
        for (int p = from; p < to; p++) {
            int ordinal = names.ordinalIfHash(p, hash);
            NearMiss candidate = ordinal < 0 ? null : NearMiss.between(normalized, path(ordinal), mode);
            if (candidate != null && (nearest == null || candidate.distance() < nearest.distance())) {
                nearest = candidate;
            }
        }
        return nearest == null ? Optional.empty() : Optional.of(nearest.sentence(mode));
    }

    private boolean matchesByName(int ordinal, byte[] k, int length, int keyNameStart, int keyNameEnd) {
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
        return Arrays.equals(paths, from, to, k, 0, length)
                || MediaPaths.endsAtBoundary(paths, from, to, k, 0, length)
                || MediaPaths.endsAtBoundary(k, 0, length, paths, from, to);
    }

    private int nameEnd(byte[] bytes, int nameStart, int to) {
        return mode == MatchMode.STEM ? MediaPaths.stemEnd(bytes, nameStart, to) : to;
    }

    private Resolution resolution(Lookup lookup) {
        if (lookup.count == 0) {
            return Resolution.Unmatched.INSTANCE;
        }
        if (lookup.count == 1 || oneMediaItem(lookup)) {
            int ordinal = lookup.candidates[0];
            return new Resolution.Matched(ids.get(ordinal), ordinal);
        }
        List<String> candidates = new ArrayList<>(lookup.count);
        for (int i = 0; i < lookup.count; i++) {
            candidates.add(path(lookup.candidates[i]));
        }
        return new Resolution.Ambiguous(candidates);
    }

    /** @return the normalised path of an item */
    @Override
    public String path(int ordinal) {
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
    public String mediaId(int ordinal) {
        return ids.get(ordinal);
    }

    @Override
    public String description() {
        return description;
    }

    /**
     * @return whether every candidate carries the first one's media id: an export listing one item twice
     *         (a row repeated when files were concatenated), or under two names, is no choice between media
     */
    private boolean oneMediaItem(Lookup lookup) {
        String first = ids.get(lookup.candidates[0]);
        for (int i = 1; i < lookup.count; i++) {
            if (!ids.get(lookup.candidates[i]).equalsIgnoreCase(first)) {
                return false;
            }
        }
        return true;
    }

    /**
     * One thread's working memory for lookups, reused so that a lookup allocates nothing but its answer:
     * the key's UTF-8 bytes and the first matches (as many as an ambiguous answer lists).
     */
    private static final class Lookup {
        final Utf8Scratch keyBytes = new Utf8Scratch(256);
        byte[] key;
        int keyLength;
        final int[] candidates = new int[MAX_CANDIDATES];
        int count;

        void start(String normalizedKey) {
            count = 0;
            keyLength = keyBytes.encode(normalizedKey);
            key = keyBytes.bytes();
        }

        void found(int ordinal) {
            candidates[count++] = ordinal;
        }

        /** Further matches would change nothing: the answer is ambiguous and lists the first ones only. */
        boolean full() {
            return count == MAX_CANDIDATES;
        }
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

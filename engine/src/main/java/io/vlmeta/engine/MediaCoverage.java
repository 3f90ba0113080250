package io.vlmeta.engine;

import io.vlmeta.api.Coverage;
import io.vlmeta.api.MediaResolver;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Which of the dataset's media items get at least one value: one bit per item (1.25 MB for ten
 * million), set by the validation pass for every matched row with an accepted value.
 */
public final class MediaCoverage {
    /** Media items without a value that reports list; the JSON summary lists them all. */
    public static final int LISTED = 1_000;

    private final MediaResolver resolver;
    private final BitSet withValues;

    MediaCoverage(MediaResolver resolver) {
        this.resolver = resolver;
        this.withValues = new BitSet(resolver.size());
    }

    /** Marks a media item as getting a value. */
    void covered(int ordinal) {
        withValues.set(ordinal);
    }

    /** @return media items in the dataset's export */
    public long media() {
        return resolver.size();
    }

    /** @return media items at least one value maps to */
    public long withValues() {
        return withValues.cardinality();
    }

    /** @return every media item without a value, in the export's order, read lazily */
    public Iterable<Coverage.Media> without() {
        return () -> new Iterator<>() {
            private int next = withValues.nextClearBit(0);

            @Override
            public boolean hasNext() {
                return next < resolver.size();
            }

            @Override
            public Coverage.Media next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Coverage.Media media = new Coverage.Media(resolver.path(next), resolver.mediaId(next));
                next = withValues.nextClearBit(next + 1);
                return media;
            }
        };
    }

    /** @return the counts and the first {@link #LISTED} media items without a value */
    public Coverage summary() {
        List<Coverage.Media> first = new ArrayList<>();
        for (Coverage.Media media : without()) {
            if (first.size() == LISTED) {
                break;
            }
            first.add(media);
        }
        return new Coverage(media(), withValues(), first);
    }
}

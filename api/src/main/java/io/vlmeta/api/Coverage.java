package io.vlmeta.api;

import java.util.List;
import java.util.Objects;

/**
 * How much of the dataset the input reaches: how many of the dataset's media items get at least one
 * value from it, and the first ones that get none. Only known when paths are mapped to the dataset
 * (its export, fetched or given with {@code --export-file}).
 *
 * @param media         media items in the dataset's export
 * @param withValues    media items at least one accepted value of the input maps to
 * @param firstWithout  the first media items without a value, in the export's order; at most as many as
 *                      the engine keeps (1,000), never {@code null}
 * @since 0.2
 */
public record Coverage(long media, long withValues, List<Media> firstWithout) {

    public Coverage {
        Objects.requireNonNull(firstWithout, "firstWithout");
        firstWithout = List.copyOf(firstWithout);
        if (withValues < 0 || withValues > media) {
            throw new IllegalArgumentException("withValues must be between 0 and media: " + withValues);
        }
    }

    /** @return media items no value maps to */
    public long withoutValues() {
        return media - withValues;
    }

    /**
     * One media item of the dataset.
     *
     * @param path    its path as the export names it
     * @param mediaId its media id
     */
    public record Media(String path, String mediaId) {
    }
}

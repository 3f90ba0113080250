package io.vlmeta.api;

import java.util.List;
import java.util.Objects;

/**
 * What a media key resolved to.
 *
 * @since 0.1
 */
public sealed interface Resolution permits Resolution.Matched, Resolution.Unmatched, Resolution.Ambiguous,
        Resolution.Unchecked {

    /**
     * Exactly one media item.
     *
     * @param mediaId the server's media id
     * @param ordinal a dense index of the media item, {@code 0 <= ordinal < MediaResolver.size()}, so the
     *                engine can keep per-media state in arrays (duplicate detection)
     */
    record Matched(String mediaId, int ordinal) implements Resolution {
        public Matched {
            Objects.requireNonNull(mediaId, "mediaId");
        }
    }

    /** No media item has this key. */
    enum Unmatched implements Resolution {
        INSTANCE
    }

    /**
     * Several media items match: never pick one, that misplaces values.
     *
     * @param candidates the matching file names (at least two)
     */
    record Ambiguous(List<String> candidates) implements Resolution {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }

    /** No mapping is available (offline validation without an export): the key is not checked. */
    enum Unchecked implements Resolution {
        INSTANCE
    }
}

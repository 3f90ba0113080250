package io.vlmeta.api;

import java.util.Optional;

/**
 * Maps media keys (the paths users write) to the dataset's media ids. Must be thread-safe for reads.
 *
 * @since 0.1
 */
public interface MediaResolver {

    /** A resolver that checks nothing: every key is {@link Resolution.Unchecked}. */
    MediaResolver UNCHECKED = new MediaResolver() {
        @Override
        public Resolution resolve(String key) {
            return Resolution.Unchecked.INSTANCE;
        }

        @Override
        public int size() {
            return 0;
        }

        @Override
        public String description() {
            return "no media mapping (keys are not checked)";
        }
    };

    /**
     * @param key the key as the record holds it
     * @return the match; never {@code null}
     */
    Resolution resolve(String key);

    /** @return the number of media items, the bound of {@link Resolution.Matched#ordinal()} */
    int size();

    /**
     * Says which media item a key that {@linkplain Resolution.Unmatched matches nothing} most likely
     * meant: one whose path differs from the key only in letter case, Unicode compatibility form
     * (full-width letters, ligatures), a leading folder or the file extension, and what to do about
     * it. The engine asks for a bounded number of unmatched keys only, so this may cost more than
     * {@link #resolve}; it must not scan every media item per call.
     *
     * @param key the key as the record holds it, one that resolved to {@link Resolution.Unmatched}
     * @return one or two sentences for the user naming that item, e.g.
     *         {@code the dataset has 'images/img_001.jpg' (differs in case and leading folder). ...};
     *         empty when no item is that near, and by default
     * @since 0.2
     */
    default Optional<String> nearMiss(String key) {
        return Optional.empty();
    }

    /** @return where the mapping came from, e.g. {@code "export of dataset abc (1,204 media)"} */
    String description();
}

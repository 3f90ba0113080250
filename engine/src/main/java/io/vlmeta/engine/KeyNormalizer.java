package io.vlmeta.engine;

import io.vlmeta.api.MediaKeys;

/**
 * Tells whether two rows name the same file when no media index is at hand: by the hash of the key
 * in its {@link MediaKeys#normalize normalised} form, the form sinks match by.
 */
final class KeyNormalizer {

    private KeyNormalizer() {
    }

    static long hash(String key) {
        return Hash64.of(MediaKeys.normalize(key));
    }
}

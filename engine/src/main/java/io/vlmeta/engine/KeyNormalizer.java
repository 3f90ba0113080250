package io.vlmeta.engine;

/**
 * The form of a media key used to tell whether two rows name the same file when no media index is
 * at hand: {@code \} becomes {@code /} and a leading {@code ./} goes, as the media index does.
 */
final class KeyNormalizer {

    private KeyNormalizer() {
    }

    static String normalize(String key) {
        String path = key.strip().replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        return path;
    }

    static long hash(String key) {
        return Hash64.of(normalize(key));
    }
}

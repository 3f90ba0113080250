package io.vlmeta.emulator;

import io.vlmeta.api.UriHosts;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The server's link rule: an absolute {@code http://} or {@code https://} URL, as {@link URI} reads
 * it, with a host. Links of the common shape ({@link UriHosts}) are judged by one scan without
 * building a {@code URI}; every other text by {@code new URI(text)}, so both give the same answer.
 */
final class HttpLinks {
    private HttpLinks() {
    }

    /** @return true when {@code new URI(text)} has scheme http or https (any case) and a host */
    static boolean isHttpUrlWithHost(String text) {
        return hasCommonShape(text) || parsedAsHttpUrlWithHost(text);
    }

    /** @return true for a link of the common shape with scheme http or https */
    static boolean hasCommonShape(String text) {
        long host = UriHosts.find(text, 0, text.length());
        // the scheme ends three characters ("://") before the host, and holds ASCII only
        int schemeLength = (int) (host >>> 32) - 3;
        return host >= 0 && (schemeLength == 4 && text.regionMatches(true, 0, "http", 0, 4)
                || schemeLength == 5 && text.regionMatches(true, 0, "https", 0, 5));
    }

    private static boolean parsedAsHttpUrlWithHost(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

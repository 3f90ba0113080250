package io.vlmeta.sinks.report;

import io.vlmeta.api.UriHosts;
import java.net.URI;
import java.util.Locale;

/**
 * The host of a link as {@link URI#create} reads it ({@code (no host)} when it names none,
 * {@code (not a URI)} when it is not one), lower-cased. Links of the common shape
 * ({@link UriHosts}) are read by one scan that finds the same host; any other text is left to
 * {@code URI.create}. The last host is reused when the next link names it again, so a column of
 * links to a few hosts allocates nothing.
 */
final class LinkHosts {
    static final String NO_HOST = "(no host)";
    static final String NOT_A_URI = "(not a URI)";

    private String last = "";

    /** @return the host, lower-cased, or {@link #NO_HOST} or {@link #NOT_A_URI} */
    String hostOf(String link) {
        int from = 0;
        int to = link.length();
        // String.trim's rule: characters up to U+0020 at either end
        while (from < to && link.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && link.charAt(to - 1) <= ' ') {
            to--;
        }
        long host = UriHosts.find(link, from, to);
        if (host < 0) {
            return parsedHost(link.substring(from, to));
        }
        int start = (int) (host >>> 32);
        int length = (int) host - start;
        if (length != last.length() || !link.regionMatches(true, start, last, 0, length)) {
            last = link.substring(start, start + length).toLowerCase(Locale.ROOT);
        }
        return last;
    }

    private static String parsedHost(String link) {
        try {
            String host = URI.create(link).getHost();
            return host == null ? NO_HOST : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAUri) {
            return NOT_A_URI;
        }
    }
}

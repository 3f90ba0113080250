package io.vlmeta.sinks.report;

import java.net.URI;
import java.util.Locale;

/**
 * The host of a link as {@link URI#create} reads it ({@code (no host)} when it names none,
 * {@code (not a URI)} when it is not one), lower-cased. The common shape,
 * {@code scheme://host[:port][/path][?query][#fragment]} with an ASCII host name of RFC 2396
 * {@code hostname} syntax and a path, query and fragment of RFC 2396 characters, is read by one scan
 * that gives the same host; any other text is left to {@code URI.create}. The last host is reused
 * when the next link names it again, so a column of links to a few hosts allocates nothing.
 */
final class LinkHosts {
    static final String NO_HOST = "(no host)";
    static final String NOT_A_URI = "(not a URI)";

    /** The ASCII characters the scan takes in a path: RFC 2396 {@code pchar}, {@code ;} and {@code /}, but {@code %}. */
    private static final boolean[] PATH = characters("-_.!~*'()" + ":@&=+$," + ";/");
    /** And in a query or fragment: RFC 2396 {@code uric} without {@code [ ]} and {@code %}. */
    private static final boolean[] QUERY = characters("-_.!~*'()" + ":@&=+$," + ";/?");

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
        long host = hostRange(link, from, to);
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

    /**
     * @return {@code start << 32 | end} of the host in {@code link[from, to)} when the link has the
     *         common shape, otherwise {@code -1}
     */
    static long hostRange(String link, int from, int to) {
        int at = from;
        if (at >= to || !isAlpha(link.charAt(at))) {
            return -1;
        }
        while (at < to && isSchemeCharacter(link.charAt(at))) {
            at++;
        }
        if (!link.startsWith("://", at) || at + 3 > to) {
            return -1;
        }
        int hostStart = at + 3;
        int hostEnd = hostNameEnd(link, hostStart, to);
        if (hostEnd < 0) {
            return -1;
        }
        at = hostEnd;
        if (at < to && link.charAt(at) == ':') {
            int digits = at + 1;
            while (at + 1 < to && isDigit(link.charAt(at + 1))) {
                at++;
            }
            // one to five digits: always a port number, never an overflow that makes the authority a registry name
            if (at < digits || at + 1 - digits > 5) {
                return -1;
            }
            at++;
        }
        return restIsValid(link, at, to) ? (long) hostStart << 32 | hostEnd : -1;
    }

    /**
     * RFC 2396 {@code hostname}: dot-separated labels of letters, digits and inner hyphens, the last
     * starting with a letter (so it is never read as an IPv4 address); no trailing dot.
     *
     * @return where the host name ends, or -1
     */
    private static int hostNameEnd(String link, int from, int to) {
        int at = from;
        int lastLabel;
        do {
            lastLabel = at;
            if (at >= to || !isAlphanumeric(link.charAt(at))) {
                return -1;
            }
            while (at < to && (isAlphanumeric(link.charAt(at)) || link.charAt(at) == '-')) {
                at++;
            }
            if (link.charAt(at - 1) == '-') {
                return -1;
            }
        } while (at < to && link.charAt(at) == '.' && ++at > 0);
        return isAlpha(link.charAt(lastLabel)) ? at : -1;
    }

    /** @return true when what follows the authority is an RFC 2396 path, query and fragment of ASCII characters */
    private static boolean restIsValid(String link, int from, int to) {
        if (from < to && "/?#".indexOf(link.charAt(from)) < 0) {
            return false;
        }
        boolean[] allowed = PATH;
        boolean inFragment = false;
        for (int at = from; at < to; at++) {
            char c = link.charAt(at);
            if (c == '%') {
                if (at + 2 >= to || !isHex(link.charAt(at + 1)) || !isHex(link.charAt(at + 2))) {
                    return false;
                }
                at += 2;
            } else if (c == '#' && !inFragment) {
                inFragment = true;
                allowed = QUERY;
            } else if (c == '?' && allowed == PATH) {
                allowed = QUERY;
            } else if (c >= 128 || !(isAlphanumeric(c) || allowed[c])) {
                return false;
            }
        }
        return true;
    }

    private static boolean[] characters(String marks) {
        boolean[] allowed = new boolean[128];
        marks.chars().forEach(c -> allowed[c] = true);
        return allowed;
    }

    private static boolean isSchemeCharacter(char c) {
        return isAlphanumeric(c) || c == '+' || c == '-' || c == '.';
    }

    private static boolean isAlphanumeric(char c) {
        return isAlpha(c) || isDigit(c);
    }

    private static boolean isAlpha(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}

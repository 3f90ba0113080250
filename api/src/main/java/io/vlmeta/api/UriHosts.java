package io.vlmeta.api;

/**
 * Finds the host of a URI of the common shape {@code scheme://host[:port][/path][?query][#fragment]}
 * by one scan, without building a {@link java.net.URI}: one rule for the report, which counts links
 * by host, and the emulator, which accepts links with a host. The scan takes only texts for which
 * {@code new java.net.URI(text)} parses and {@code getHost()} is the same substring, so callers
 * give every other text to {@code java.net.URI} and get its answer for all texts:
 * <ul>
 * <li>the scheme is RFC 2396 {@code scheme} ({@code alpha *( alpha | digit | "+" | "-" | "." )});</li>
 * <li>the host is an ASCII RFC 2396 {@code hostname}: dot-separated labels of letters, digits and
 *     inner hyphens whose last label starts with a letter (so it is never an IPv4 address), with no
 *     trailing dot; no user info, no IPv6 literal;</li>
 * <li>a port, if any, is one to five digits;</li>
 * <li>the path, query and fragment hold RFC 2396 characters in ASCII only ({@code pchar}, {@code ;}
 *     and {@code /} in the path, the same and {@code ?} in the query and fragment, no {@code [ ]}),
 *     every {@code %} followed by two hex digits.</li>
 * </ul>
 *
 * @since 0.2
 */
public final class UriHosts {
    /** The ASCII characters a path may hold besides letters, digits and escapes. */
    private static final boolean[] PATH = characters("-_.!~*'():@&=+$,;/");
    /** The same for a query or fragment. */
    private static final boolean[] QUERY = characters("-_.!~*'():@&=+$,;/?");

    private UriHosts() {
    }

    /**
     * @param text the text; only {@code text[from, to)} is read
     * @return {@code start << 32 | end} of the host (so {@code (int) (found >>> 32)} is where it starts,
     *         three characters after the scheme, and {@code (int) found} where it ends), or {@code -1}
     *         when the text is not of the common shape
     */
    public static long find(String text, int from, int to) {
        int at = from;
        if (at >= to || !isAlpha(text.charAt(at))) {
            return -1;
        }
        while (at < to && (isAlphanumeric(text.charAt(at)) || "+-.".indexOf(text.charAt(at)) >= 0)) {
            at++;
        }
        if (at + 3 > to || !text.startsWith("://", at)) {
            return -1;
        }
        int hostStart = at + 3;
        int hostEnd = hostNameEnd(text, hostStart, to);
        if (hostEnd < 0) {
            return -1;
        }
        at = hostEnd;
        if (at < to && text.charAt(at) == ':') {
            int digits = ++at;
            while (at < to && at - digits <= 5 && isDigit(text.charAt(at))) {
                at++;
            }
            // one to five digits: never an overflowing port, which java.net.URI reads as no host
            if (at == digits || at - digits > 5) {
                return -1;
            }
        }
        return restIsValid(text, at, to) ? (long) hostStart << 32 | hostEnd : -1;
    }

    /** @return where the host name starting at {@code from} ends, or -1 when there is none */
    private static int hostNameEnd(String text, int from, int to) {
        int at = from;
        int lastLabel;
        do {
            lastLabel = at;
            if (at >= to || !isAlphanumeric(text.charAt(at))) {
                return -1;
            }
            while (at < to && (isAlphanumeric(text.charAt(at)) || text.charAt(at) == '-')) {
                at++;
            }
            if (text.charAt(at - 1) == '-') {
                return -1;
            }
        } while (at < to && text.charAt(at) == '.' && ++at > 0);
        return isAlpha(text.charAt(lastLabel)) ? at : -1;
    }

    /** @return true when {@code text[from, to)} is empty or a path, query and fragment of the common shape */
    private static boolean restIsValid(String text, int from, int to) {
        if (from < to && "/?#".indexOf(text.charAt(from)) < 0) {
            return false;
        }
        boolean[] allowed = PATH;
        boolean inFragment = false;
        for (int at = from; at < to; at++) {
            char c = text.charAt(at);
            if (c == '%') {
                if (at + 2 >= to || !isHex(text.charAt(at + 1)) || !isHex(text.charAt(at + 2))) {
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

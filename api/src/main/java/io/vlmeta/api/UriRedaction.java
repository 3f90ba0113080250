package io.vlmeta.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URI as messages, plan files and reports may show it: the server's name, without what may carry a
 * secret. Left out are the userinfo (RFC 3986 section 3.2.1: {@code user:password@}, or a user name alone,
 * often a token sent as the user name of HTTP Basic authentication, RFC 7617), the query and the fragment
 * (sections 3.4 and 3.5, where a token may travel) and path parameters (a {@code ;} and what follows it in a
 * segment, where a servlet session travels: {@code ;jsessionid=...}). Also the one rule for a userinfo
 * holding an unencoded {@code @}, which no URI parser can tell from the host.
 */
public final class UriRedaction {
    /**
     * The parts of a URI as given, parsable or not: an optional scheme with its {@code //}, the authority
     * (up to the first {@code /}, {@code ?} or {@code #}; without {@code //}, as in {@code user:pw@host}, what a
     * mistyped URL holds there), then the path; the query and fragment are left unmatched.
     */
    private static final Pattern PARTS = Pattern.compile("^((?:[A-Za-z][A-Za-z0-9+.-]*:)?//)?([^/?#]*)([^?#]*)");
    /** A path parameter: from a {@code ;} to the end of its segment. */
    private static final Pattern PATH_PARAMETER = Pattern.compile(";[^/]*");

    private UriRedaction() {
    }

    /**
     * @param uri a URI as the user gave it (e.g. {@code --base-url}), parsable or not, or {@code null}
     * @return the server's name: {@code uri} stripped of surrounding blanks, userinfo (up to the authority's
     *     last {@code @}), path parameters, query and fragment, the rest as given; e.g.
     *     {@code https://vl.example.com:8443/api/v1} for
     *     {@code https://user:pw@vl.example.com:8443/api;jsessionid=X/v1?token=T#f}; {@code null} for {@code null}
     */
    public static String server(String uri) {
        if (uri == null) {
            return null;
        }
        Matcher parts = parts(uri);
        String start = parts.group(1) == null ? "" : parts.group(1);
        String authority = parts.group(2);
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        return start + PATH_PARAMETER.matcher(host + parts.group(3)).replaceAll("");
    }

    /**
     * @param uri a URI as given, parsable or not, or {@code null}
     * @return whether its userinfo holds an unencoded {@code @}: its authority (see {@link #server}) holds
     *     more than one; such a URI has no host to a parser (RFC 2396 reads it as a registry-based authority),
     *     and the user must write each {@code @} in a user name or password as {@code %40}
     */
    public static boolean unencodedUserinfo(String uri) {
        String userinfo = userinfo(uri);
        return userinfo != null && userinfo.contains("@");
    }

    /**
     * @param uri a URI as given, parsable or not, or {@code null}
     * @return its userinfo as given (percent-encoding kept): its authority (see {@link #server}) up to the last
     *     {@code @}; {@code null} when the authority holds no {@code @}, or for {@code null}. Never for a message:
     *     it holds the password.
     */
    public static String userinfo(String uri) {
        if (uri == null) {
            return null;
        }
        String authority = parts(uri).group(2);
        int at = authority.lastIndexOf('@');
        return at < 0 ? null : authority.substring(0, at);
    }

    /**
     * @param uri  a URI as given, or {@code null}
     * @param name what the URI is, as the refusal names it, e.g. {@code "The base URL"}
     * @throws VlmetaException (usage) when its userinfo holds an unencoded {@code @} ({@link #unencodedUserinfo});
     *     the message names the URI as {@link #server} does, so neither user name nor password is echoed
     */
    public static void refuseUnencodedUserinfo(String uri, String name) {
        if (unencodedUserinfo(uri)) {
            throw VlmetaException.usage(name + " '" + server(uri) + "' has an @ in its user name or password: write "
                    + "an @ in a user name or password as %40, e.g. https://user:p%40ss@vl.example.com.");
        }
    }

    /** @return {@link #PARTS} matched against the URI without surrounding blanks */
    private static Matcher parts(String uri) {
        Matcher parts = PARTS.matcher(uri.strip());
        parts.lookingAt(); // every part is optional: it always matches
        return parts;
    }
}

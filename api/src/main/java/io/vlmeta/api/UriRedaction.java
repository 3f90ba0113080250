package io.vlmeta.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URI as messages, plan files and reports may show it: the server's name, without what may carry a
 * secret. Left out are the userinfo (RFC 3986 section 3.2.1: {@code user:password@}, or a user name alone,
 * often a token sent as the user name of HTTP Basic authentication, RFC 7617), the query and the fragment
 * (sections 3.4 and 3.5, where a token may travel) and path parameters (a {@code ;} and what follows it in a
 * segment, where a servlet session travels: {@code ;jsessionid=...}). Also the one rule for a userinfo
 * holding an unencoded {@code @}, {@code /}, {@code ?} or {@code #}, which no URI parser can tell from the host
 * or path: a parser takes the authority to end at the first {@code /}, {@code ?} or {@code #}, so a password
 * {@code pa/ss} in {@code http://user:pa/ss@host} reads as a host {@code user}, port {@code pa} and a path
 * holding the rest of the password. Any {@code @} after the authority's end is therefore taken as the end of
 * such a userinfo: all before the last {@code @} may be secret. Nor is what follows it a server's name: the same
 * shape is a query, fragment or path parameter holding an {@code @} ({@code http://host/?a=b@T0K}), where what
 * follows the {@code @} may be a token. Of such a URI only the scheme is named.
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

    /** The schemes kept when nothing after the scheme may be named: another may be a user name. */
    private static final Pattern HTTP_SCHEME = Pattern.compile("(?i)https?://");
    /** What stands for the server, and all after it, when nothing after the scheme may be named. */
    private static final String UNNAMED = "...";

    private UriRedaction() {
    }

    /**
     * @param uri a URI as the user gave it (e.g. {@code --base-url}), parsable or not, or {@code null}
     * @return the server's name: {@code uri} stripped of surrounding blanks, userinfo (up to the authority's
     *     last {@code @}), path parameters, query and fragment, the rest as given; e.g.
     *     {@code https://vl.example.com:8443/api/v1} for
     *     {@code https://user:pw@vl.example.com:8443/api;jsessionid=X/v1?token=T#f}. When an {@code @} follows
     *     the authority's end ({@link #namesOnlyTheScheme}), only an {@code http://} or {@code https://} scheme
     *     as given, then {@code ...}: e.g. {@code http://...} for {@code http://user:pa/ss@127.0.0.1:18510} and
     *     for {@code http://127.0.0.1:18510/?a=b@T0K}; {@code ...} alone after any other scheme or none.
     *     {@code null} for {@code null}
     */
    public static String server(String uri) {
        if (uri == null) {
            return null;
        }
        String given = uri.strip();
        Matcher parts = parts(given);
        String start = parts.group(1) == null ? "" : parts.group(1);
        if (atAfterAuthority(given, parts)) {
            // a password holding an unencoded / ? or # ends the authority early, so what precedes the last @ may
            // be the rest of a password; and a query, fragment or path parameter may hold an @ of its own, so
            // what follows it may be a token. No URI tells the two apart: neither is named
            return (HTTP_SCHEME.matcher(start).matches() ? start : "") + UNNAMED;
        }
        String authority = parts.group(2);
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        return start + PATH_PARAMETER.matcher(host + parts.group(3)).replaceAll("");
    }

    /**
     * @param uri a URI as given, parsable or not, or {@code null}
     * @return whether {@link #server} names only its scheme: an {@code @} follows the authority's end.
     *     {@code false} for {@code null}
     */
    public static boolean namesOnlyTheScheme(String uri) {
        return uri != null && atAfterAuthority(uri.strip(), parts(uri.strip()));
    }

    /**
     * @param uri a URI as given, parsable or not, or {@code null}
     * @return whether its userinfo holds an unencoded {@code @}, {@code /}, {@code ?} or {@code #}: its
     *     authority (see {@link #server}) holds more than one {@code @}, or an {@code @} follows the authority's
     *     end (in what a parser takes for the path, query or fragment). Such a URI has no host to a parser, or the
     *     wrong one, and the user must write each {@code @ / ? #} in a user name or password as
     *     {@code %40 %2F %3F %23}. {@code false} for {@code null}
     */
    public static boolean unencodedUserinfo(String uri) {
        if (uri == null) {
            return false;
        }
        String given = uri.strip();
        Matcher parts = parts(given);
        return atAfterAuthority(given, parts) || parts.group(2).indexOf('@') != parts.group(2).lastIndexOf('@');
    }

    /**
     * @param uri a URI as given, parsable or not, or {@code null}
     * @return its userinfo as given (percent-encoding kept): its authority (see {@link #server}) up to the last
     *     {@code @}, or, when an {@code @} follows the authority's end, all from the authority's start up to the
     *     last {@code @}; {@code null} when neither holds an {@code @}, or for {@code null}. Never for a message:
     *     it holds the password.
     */
    public static String userinfo(String uri) {
        if (uri == null) {
            return null;
        }
        String given = uri.strip();
        Matcher parts = parts(given);
        if (atAfterAuthority(given, parts)) {
            return given.substring(parts.start(2), given.lastIndexOf('@'));
        }
        String authority = parts.group(2);
        int at = authority.lastIndexOf('@');
        return at < 0 ? null : authority.substring(0, at);
    }

    /**
     * @param uri  a URI as given, or {@code null}
     * @param name what the URI is, as the refusal names it, e.g. {@code "The base URL"}
     * @throws VlmetaException (usage) when its userinfo holds an unencoded {@code @}, {@code /}, {@code ?} or
     *     {@code #} ({@link #unencodedUserinfo}); the message names the URI as {@link #server} does (only an http
     *     or https scheme when an {@code @} follows a {@code / ? #}), so neither user name, password nor any
     *     text of a query, fragment or path parameter is echoed
     */
    public static void refuseUnencodedUserinfo(String uri, String name) {
        if (unencodedUserinfo(uri)) {
            throw VlmetaException.usage(name + " '" + server(uri) + "' " + UNENCODED_REFUSAL);
        }
    }

    /** Why a URI with an unencoded {@code @ / ? #} in its userinfo is refused, and how to write it instead. */
    static final String UNENCODED_REFUSAL = "has an @ in its user name or password, or an @ after a / ? or #: write "
            + "@ / ? # in a user name or password as %40 %2F %3F %23, e.g. https://user:p%40ss@vl.example.com.";

    /** @return whether the URI's last {@code @} follows the end of its authority ({@code parts} matched on it) */
    private static boolean atAfterAuthority(String given, Matcher parts) {
        return given.lastIndexOf('@') >= parts.end(2);
    }

    /** @return {@link #PARTS} matched against the URI, given without surrounding blanks */
    private static Matcher parts(String given) {
        Matcher parts = PARTS.matcher(given.strip());
        parts.lookingAt(); // every part is optional: it always matches
        return parts;
    }
}

package io.vlmeta.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * A URI as a message may show it: without its userinfo (RFC 3986 section 3.2.1: {@code user:password@}, or
 * a user name alone, often a token sent as the user name of HTTP Basic authentication, RFC 7617), its
 * query and its fragment (RFC 3986 sections 3.4 and 3.5, where a token may travel). What is left names the
 * server: scheme, host, port and path.
 */
public final class UriRedaction {
    /** An unparsable URI's authority up to its last {@code @}: userinfo may hold an unencoded {@code @}. */
    private static final Pattern LOOSE_USERINFO = Pattern.compile("(?<=//)[^/?#]*@");
    private static final Pattern LOOSE_QUERY = Pattern.compile("[?#].*");

    private UriRedaction() {
    }

    /**
     * @param uri a URI as the user gave it (e.g. {@code --base-url}), or {@code null}
     * @return {@code uri} without userinfo, query and fragment, e.g. {@code https://vl.example.com:8443/api}
     *     for {@code https://user:pw@vl.example.com:8443/api?token=x}; an unparsable one with everything
     *     up to its last {@code @} after {@code //}, and everything from its first {@code ?} or {@code #},
     *     replaced by {@code ***}; {@code null} for {@code null}
     */
    public static String forMessages(String uri) {
        if (uri == null) {
            return null;
        }
        String given = uri.strip();
        try {
            URI parsed = new URI(given);
            if (!hasUserinfo(parsed) && parsed.getRawQuery() == null && parsed.getRawFragment() == null) {
                return given;
            }
            if (parsed.getHost() != null) {
                return new URI(parsed.getScheme(), null, parsed.getHost(), parsed.getPort(), parsed.getPath(), null,
                        null).toString();
            }
        } catch (URISyntaxException e) {
            // masked by its shape below
        }
        return LOOSE_QUERY.matcher(withUserinfoMasked(given)).replaceFirst("***");
    }

    /**
     * @param uri a parsed URI
     * @return whether its authority holds a userinfo: one Java parsed, or an {@code @} in an authority Java
     *     could not split into userinfo, host and port (an unencoded {@code @} in a password makes it a
     *     registry-based authority, RFC 2396, with no userinfo and no host)
     */
    public static boolean hasUserinfo(URI uri) {
        return uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"));
    }

    /**
     * @param uri a URI as given, parsable or not
     * @return {@code uri} with everything between the scheme's {@code //} and the last {@code @} before its path,
     *     query or fragment replaced by {@code ***}; as given when there is no such {@code @}
     */
    public static String withUserinfoMasked(String uri) {
        return LOOSE_USERINFO.matcher(uri).replaceFirst("***@");
    }
}

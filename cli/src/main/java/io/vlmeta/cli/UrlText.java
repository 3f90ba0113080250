package io.vlmeta.cli;

import io.vlmeta.api.UriRedaction;

/**
 * A base URL as the console may show it: the server as {@link UriRedaction#server} names it, with the user
 * name of a {@code user:password@} part (RFC 3986 userinfo) kept so the user sees which account is used, and
 * the password, which must never be printed, masked. A userinfo without a colon is masked whole, as it is
 * then often a token sent as the user name of HTTP Basic authentication (RFC 7617). When an {@code @} follows a
 * {@code / ? #}, only the scheme is shown, as {@link UriRedaction#server} names it: no part of the userinfo can
 * then be told from a path, query or fragment.
 */
final class UrlText {
    private UrlText() {
    }

    /**
     * @param url a base URL as given, or null
     * @return the server ({@link UriRedaction#server}) with {@code user:***@} or {@code ***@} in place of a
     *         userinfo, e.g. {@code https://alice:***@vl.example}; the server alone when it names only the scheme,
     *         e.g. {@code http://...}; null for null
     */
    static String withoutPassword(String url) {
        String server = UriRedaction.server(url);
        String userinfo = UriRedaction.userinfo(url);
        int authority = server == null ? -1 : server.indexOf("//");
        if (userinfo == null || authority < 0 || UriRedaction.namesOnlyTheScheme(url)) {
            return server;
        }
        int colon = userinfo.indexOf(':');
        // an unencoded '@' leaves no telling where the user name ends
        String shown = colon < 0 || UriRedaction.unencodedUserinfo(url) ? "***" : userinfo.substring(0, colon) + ":***";
        return server.substring(0, authority + 2) + shown + "@" + server.substring(authority + 2);
    }
}

package io.vlmeta.cli;

import io.vlmeta.api.UriRedaction;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A base URL as the console may show it: a {@code user:password@} part (RFC 3986 userinfo) keeps the
 * user and masks the password, which must never be printed; a userinfo without a colon is masked whole,
 * as it is then often a token sent as the user name of HTTP Basic authentication (RFC 7617).
 */
final class UrlText {
    private UrlText() {
    }

    /**
     * @param url a base URL as given, or null
     * @return the URL with its password replaced by {@code ***} (the user kept), or a userinfo without a
     *         password replaced whole; null for null
     */
    static String withoutPassword(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String userInfo = uri.getRawUserInfo();
            if (userInfo == null) {
                // an unencoded '@' in a password leaves Java no userinfo, only an authority holding the '@'
                return UriRedaction.hasUserinfo(uri) ? UriRedaction.withUserinfoMasked(url) : url;
            }
            int colon = userInfo.indexOf(':');
            String masked = colon < 0 ? "***" : userInfo.substring(0, colon) + ":***";
            return url.replace(userInfo + "@", masked + "@");
        } catch (URISyntaxException e) {
            // unparsable: hide anything that may hold user:password
            return UriRedaction.withUserinfoMasked(url);
        }
    }
}

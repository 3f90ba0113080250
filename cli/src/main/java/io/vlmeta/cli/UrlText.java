package io.vlmeta.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * A base URL as the console may show it: a {@code user:password@} part (RFC 3986 userinfo) keeps the
 * user and masks the password, which must never be printed; a userinfo without a colon is masked whole,
 * as it is then often a token sent as the user name of HTTP Basic authentication (RFC 7617).
 */
final class UrlText {
    /** An unparsable URL's userinfo: everything between the scheme's {@code //} and the last {@code @}. */
    private static final Pattern LOOSE_USER_INFO = Pattern.compile("(?<=//)[^/?#]*@");

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
                String authority = uri.getRawAuthority();
                return authority != null && authority.contains("@")
                        ? LOOSE_USER_INFO.matcher(url).replaceFirst("***@") : url;
            }
            int colon = userInfo.indexOf(':');
            String masked = colon < 0 ? "***" : userInfo.substring(0, colon) + ":***";
            return url.replace(userInfo + "@", masked + "@");
        } catch (URISyntaxException e) {
            // unparsable: hide anything that may hold user:password
            return LOOSE_USER_INFO.matcher(url).replaceFirst("***@");
        }
    }
}

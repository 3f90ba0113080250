package io.vlmeta.api;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one check of a server's base URL ({@code --base-url}, {@code VL_BASE_URL}, a plan's
 * {@code dataset.base-url}), so that every command refuses the same URLs, and before any work: the sink that
 * sends requests and the command that only writes the URL into a plan alike. Each refusal names its fault
 * (scheme, user name or password, host, port, path parameter, path, query) and never echoes a user name,
 * password, path parameter, query or fragment: the URL is shown as {@link UriRedaction#server} names it, or
 * as its scheme and host alone when its port is no number (then the text after the {@code :} may be a password
 * typed without its {@code @} and host).
 */
public final class BaseUrlCheck {
    /** What a refusal suggests instead. */
    private static final String EXAMPLES = "e.g. http://localhost:2080 or https://app.visual-layer.com";
    /** What a user name or password may hold unencoded besides letters and digits (RFC 3986 3.2.1). */
    private static final String USERINFO_MARKS = "-._~!$&'()*+,;=";
    private static final int HIGHEST_PORT = 65_535;
    /** How a refusal names a value it does not quote. */
    private static final String UNSHOWN = "The base URL given";
    /** A URL scheme's shape (RFC 3986 3.1). */
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
    /**
     * What reads as a server's address with an optional port and path: a host name or IPv4 address of parts
     * between dots, each starting and ending with a letter or digit, with a dot, a port or the name localhost
     * (a single word such as a token or a password is not quoted), then {@code :port} and a path of letters,
     * digits, {@code . - /}.
     */
    private static final Pattern ADDRESS = Pattern.compile("(?=[^:/]*\\.|localhost(?:[:/]|$)|[^:/]+:\\d)"
            + "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.?"
            + "(?::\\d{1,5})?(?:/[A-Za-z0-9./-]*)?");

    private BaseUrlCheck() {
    }

    /**
     * @param baseUrl a base URL as given, or {@code null} (then nothing is checked)
     * @throws VlmetaException (usage) when it is no {@code http://} or {@code https://} address; its user name
     *     or password holds an unencoded {@code @ / ? #} ({@link UriRedaction#refuseUnencodedUserinfo}), a bad
     *     %-escape or a character a URL cannot carry there; its host is no valid IPv4 address or host name; its
     *     port is no number or outside 1 to 65535; it holds a {@code ;} parameter after the server or any
     *     segment of its path (such as {@code ;jsessionid=}), a character no URL may carry, or a query or fragment
     */
    public static void check(String baseUrl) {
        if (baseUrl == null) {
            return;
        }
        String url = baseUrl.strip();
        refuseControlCharacters(url);
        UriRedaction.refuseUnencodedUserinfo(baseUrl, "The base URL");
        String shown = "The base URL '" + UriRedaction.server(baseUrl) + "'";
        int schemeEnd = url.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw notHttp(url, schemeEnd);
        }
        String rest = url.substring(schemeEnd + 3);
        String authority = rest.split("[/?#]", 2)[0];
        int at = authority.lastIndexOf('@'); // the only one: an unencoded one was refused above
        if (at >= 0) {
            checkUserinfo(shown, authority.substring(0, at));
        }
        String server = authority.substring(at + 1);
        String named = named(shown, url.substring(0, schemeEnd + 3), server);
        String path = rest.substring(authority.length()).split("[?#]", 2)[0];
        if (server.indexOf(';') >= 0 || path.indexOf(';') >= 0) {
            // a session (;jsessionid=...) or other path parameter would end up inside every API path, which the
            // server then does not know: shown without it, as UriRedaction.server leaves it out
            throw VlmetaException.usage(named + " holds a ; parameter (such as ;jsessionid=), which a base URL "
                    + "cannot carry: give the server's address alone, or with its path without ; parameters, "
                    + EXAMPLES + ".");
        }
        checkServer(named, server);
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            // the scheme, user name, password, host and port passed above: the fault is in the path
            throw VlmetaException.usage(shown + " holds a character a URL cannot carry (such as a space or \\) "
                    + "after the server's address: write it %-encoded, e.g. a space as %20, or give the server's "
                    + "address alone, " + EXAMPLES + ".");
        }
        if (uri.getHost() == null) {
            throw notHttp(shown);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            // the API's paths go after the base URL: a query or fragment there would end up inside them
            throw VlmetaException.usage(shown + " has a query or fragment (after ? or #); give the server's address "
                    + "alone, " + EXAMPLES + ", and credentials with --api-key and --api-secret.");
        }
    }

    private static VlmetaException notHttp(String shown) {
        return VlmetaException.usage(shown + " is not an http:// or https:// address, " + EXAMPLES + ".");
    }

    /**
     * Refuses a value with no http:// or https:// scheme. It is quoted only when it reads as an address: a value
     * typed in the wrong place may be a secret ({@code --base-url "$VL_API_SECRET"}), and one with no scheme or an
     * unknown one is as likely that as a URL.
     *
     * @param url       the value, stripped
     * @param schemeEnd where its {@code ://} starts, or -1 when it has none
     */
    private static VlmetaException notHttp(String url, int schemeEnd) {
        if (schemeEnd < 0) {
            if (ADDRESS.matcher(url).matches()) {
                return VlmetaException.usage("The base URL '" + url + "' is not an http:// or https:// address: "
                        + "give it with its scheme, e.g. https://" + url + ".");
            }
            return VlmetaException.usage(UNSHOWN + " is not an http:// or https:// address, " + EXAMPLES + ".");
        }
        String server = UriRedaction.server(url); // without a user name or password
        String scheme = url.substring(0, schemeEnd);
        String rest = server.startsWith(scheme + "://") ? server.substring(schemeEnd + 3) : null;
        if (SCHEME.matcher(scheme).matches() && rest != null && ADDRESS.matcher(rest).matches()) {
            return notHttp("The base URL '" + server + "'");
        }
        return notHttp(UNSHOWN);
    }

    /** Refuses a bad %-escape or a character a user name or password cannot carry unencoded. */
    private static void checkUserinfo(String shown, String userinfo) {
        int colon = userinfo.indexOf(':');
        String[] parts = colon < 0 ? new String[] {userinfo} : new String[] {userinfo.substring(0, colon),
                userinfo.substring(colon + 1)};
        for (int part = 0; part < parts.length; part++) {
            String text = parts[part];
            String which = part == 0 ? "user name" : "password";
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '%') {
                    if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
                        throw VlmetaException.usage(shown + ": its " + which + " holds a bad %-escape: a % must be "
                                + "followed by two hex digits; write a % itself as %25, e.g. "
                                + "https://user:p%25ss@vl.example.com.");
                    }
                    i += 2;
                } else if (!isUserinfoChar(c, part == 1)) {
                    throw VlmetaException.usage(shown + ": its " + which + " holds a character a URL cannot carry "
                            + "there (such as a space, \\ or \"): write it %-encoded, e.g. a space as %20 and \\ as "
                            + "%5C, as in https://user:p%20ss@vl.example.com.");
                }
            }
        }
    }

    private static boolean isUserinfoChar(char c, boolean password) {
        if (c < 128) {
            return Character.isLetterOrDigit(c) || USERINFO_MARKS.indexOf(c) >= 0 || (password && c == ':');
        }
        // java.net.URI carries other letters unencoded and encodes them for the request
        return !Character.isSpaceChar(c) && !Character.isISOControl(c);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }

    /**
     * @param shown  the URL as {@link UriRedaction#server} names it, in a refusal's words
     * @param start  the URL's scheme with its {@code ://}, as given
     * @param server the URL's {@code host[:port]}, path parameters included
     * @return {@code shown}, or, when the port is no number, the scheme and host alone: what follows the
     *     {@code :}, up to the query, may then be a password typed without its {@code @} and host
     *     ({@code http://user:pa/ss})
     */
    private static String named(String shown, String start, String server) {
        String address = server.split(";", 2)[0];
        if (address.startsWith("[")) {
            // an IPv6 host ends at its ]: what follows other than a :port may be a password as above, and
            // without a ] nothing tells where the host ends
            int close = address.indexOf(']');
            if (close < 0) {
                return "The base URL '" + start + "...'";
            }
            String after = address.substring(close + 1);
            boolean portAlone = after.isEmpty() || after.startsWith(":") && digits(after.substring(1));
            return portAlone ? shown : "The base URL '" + start + address.substring(0, close + 1) + "'";
        }
        int colon = address.indexOf(':');
        if (colon < 0 || digits(address.substring(colon + 1))) {
            return shown;
        }
        return "The base URL '" + start + address.substring(0, colon) + "'";
    }

    /**
     * Refuses a line break, tab or other control character inside the URL (blanks around it were stripped):
     * no URL carries one (RFC 3986, section 2), and quoting the URL would split the refusal over lines. The
     * URL is not quoted, as any part of it may be a password.
     */
    private static void refuseControlCharacters(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (Character.isISOControl(c)) {
                throw VlmetaException.usage("The base URL holds a " + controlName(c) + " at character " + (i + 1)
                        + ", which no URL may carry: give it on one line, " + EXAMPLES + ".");
            }
        }
    }

    private static String controlName(char c) {
        return switch (c) {
            case '\n', '\r' -> "line break";
            case '\t' -> "tab";
            default -> String.format(Locale.ROOT, "control character (U+%04X)", (int) c);
        };
    }

    /** Refuses a server address ({@code host[:port]}) that is no valid host or port. */
    private static void checkServer(String shown, String server) {
        String host;
        String port;
        if (server.startsWith("[")) {
            int close = server.indexOf(']');
            if (close < 0) {
                throw VlmetaException.usage(shown + ": its host is an IPv6 address without its closing ], e.g. "
                        + "http://[::1]:2080.");
            }
            host = server.substring(0, close + 1);
            String after = server.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw VlmetaException.usage(shown + ": only a :port may follow its IPv6 host, e.g. http://[::1]:2080.");
            }
            port = after.isEmpty() ? null : after.substring(1);
        } else {
            int colon = server.indexOf(':');
            host = colon < 0 ? server : server.substring(0, colon);
            port = colon < 0 ? null : server.substring(colon + 1);
            checkHost(shown, host);
        }
        if (port != null && !port.isEmpty()) {
            checkPort(shown, port);
        }
    }

    /** @return whether the port is digits only */
    private static boolean digits(String port) {
        return port.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static void checkHost(String shown, String host) {
        if (host.isEmpty()) {
            throw VlmetaException.usage(shown + " names no host, " + EXAMPLES + ".");
        }
        if (host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
            if (!isIpv4(host)) {
                throw VlmetaException.usage(shown + ": its host '" + host + "' is not a valid address: an IPv4 "
                        + "address is four numbers from 0 to 255, e.g. 127.0.0.1.");
            }
            return;
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty() || label.startsWith("-") || label.endsWith("-")
                    || !label.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-'))) {
                throw VlmetaException.usage(shown + ": its host '" + host + "' is not a valid host name: it holds "
                        + "letters, digits and - between dots (no _ or space, no - at either end of a part), e.g. "
                        + "vl.example.com.");
            }
        }
    }

    private static boolean isIpv4(String host) {
        String[] numbers = host.split("\\.", -1);
        if (numbers.length != 4) {
            return false;
        }
        for (String number : numbers) {
            if (number.isEmpty() || number.length() > 3 || Integer.parseInt(number) > 255) {
                return false;
            }
        }
        return true;
    }

    private static void checkPort(String shown, String port) {
        if (!digits(port)) {
            // not echoed: after a password's unencoded : it may be part of the password
            throw VlmetaException.usage(shown + ": its port is not a number: only digits may follow the : after "
                    + "the host, e.g. http://localhost:2080.");
        }
        String digits = port.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 5 || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > HIGHEST_PORT) {
            throw VlmetaException.usage(shown + ": its port " + port + " is outside 1 to " + HIGHEST_PORT
                    + ", the ports a server can listen on, e.g. http://localhost:2080.");
        }
    }
}

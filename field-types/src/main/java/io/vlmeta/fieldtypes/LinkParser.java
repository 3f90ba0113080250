package io.vlmeta.fieldtypes;

import io.vlmeta.api.ParseResult;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.UriHosts;
import io.vlmeta.api.ValueParser;

/**
 * Parses link values: an absolute {@code http://} or {@code https://} URL with a host, sent as
 * written. The common questions (protocol, white space, a missing host) are answered by hand with
 * messages of their own; what remains must then parse with {@link java.net.URI} to a server-based
 * host ({@link LinkSyntax}). That refuses some texts a browser would follow ({@code |}, {@code {}},
 * {@code %zz}, a non-ASCII or underscored host), because a server that refuses one of them after the
 * field was declared leaves the field half-filled for good; each refusal says what to write instead.
 * Links of the common shape ({@link UriHosts}) are accepted by one scan without building a URI.
 */
enum LinkParser implements ValueParser {
    INSTANCE;

    private static final String SCHEME_END = "://";

    /**
     * The longest link, in bytes of UTF-8: RFC 9110 (section 4.1) recommends that every server accept
     * URIs of at least 8000 octets, and says nothing of longer ones.
     */
    static final int MAX_BYTES = 8000;

    @Override
    public ParseResult parse(RawValue raw) {
        if (raw instanceof RawValue.Text text) {
            return parseText(text.value().strip());
        }
        if (raw instanceof RawValue.Number) {
            return notALink(raw.display(), "Must be an http:// or https:// URL, not a number");
        }
        if (raw instanceof RawValue.DateTime) {
            return notALink(raw.display(), "Must be an http:// or https:// URL, not a date");
        }
        if (raw instanceof RawValue.TimeOfDay || raw instanceof RawValue.Duration) {
            return notALink(raw.display(), "Must be an http:// or https:// URL, not a time");
        }
        if (raw instanceof RawValue.ListValue) {
            return notALink(raw.display(), "Must be a single URL, not a list");
        }
        return ParseResult.absent();
    }

    private static ParseResult parseText(String text) {
        if (text.isEmpty()) {
            return ParseResult.absent();
        }
        // the common URL is visible ASCII throughout, which one scan settles for both character checks below
        boolean visible = PrintableAscii.isWithoutSpace(text);
        ParseResult.Invalid control = visible ? null : RefusedCharacters.refusal(text);
        if (control != null) {
            return control;
        }
        if (Utf8.exceeds(text, MAX_BYTES)) {
            return notALink(text, "Has " + Utf8.length(text) + " bytes in UTF-8, exceeds limit of " + MAX_BYTES
                    + " (the length RFC 9110 asks every server to accept)");
        }
        int schemeEnd = text.indexOf(SCHEME_END);
        if (schemeEnd < 0) {
            return notALink(text, "Must include protocol (http:// or https://)");
        }
        if (!isHttp(text, schemeEnd)) {
            return notALink(text, "Protocol '" + Quoted.value(text.substring(0, schemeEnd))
                    + "' is not accepted; use http:// or https://");
        }
        for (int i = 0; !visible && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > ' ' && c < 0x7F) {
                continue;
            }
            if (c <= ' ' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return notALink(text, "Contains white space or a control character at position " + (i + 1)
                        + "; encode a space as %20");
            }
        }
        if (!hasHost(text, schemeEnd + SCHEME_END.length())) {
            return notALink(text, "Must include a host after the protocol, e.g. https://example.com/doc.pdf");
        }
        if (UriHosts.find(text, 0, text.length()) >= 0) {
            return ParseResult.of(text);
        }
        String refusal = LinkSyntax.refusal(text);
        return refusal == null ? ParseResult.of(text) : notALink(text, refusal);
    }

    /** @return true when the scheme, the text before {@code schemeEnd}, is http or https in ASCII letters of any case */
    private static boolean isHttp(String text, int schemeEnd) {
        // not String.regionMatches(true, ...): it takes the long s 'ſ' for an 's', and no URI parser does
        return (schemeEnd == 4 || schemeEnd == 5 && (text.charAt(4) | 0x20) == 's')
                && (text.charAt(0) | 0x20) == 'h' && (text.charAt(1) | 0x20) == 't'
                && (text.charAt(2) | 0x20) == 't' && (text.charAt(3) | 0x20) == 'p';
    }

    /**
     * @return true when the authority starting at {@code start} names a host (beyond user info and port);
     *     every search stays inside the authority
     */
    private static boolean hasHost(String text, int start) {
        int end = start;
        while (end < text.length() && !endsAuthority(text.charAt(end))) {
            end++;
        }
        int at = lastIndexOf(text, '@', start, end);
        int hostStart = at >= 0 ? at + 1 : start;
        int hostEnd = end;
        if (hostStart < end && text.charAt(hostStart) == '[') {
            int close = indexOf(text, ']', hostStart, end);
            return close > hostStart + 1 && (close + 1 == end || isPort(text, close + 1, end));
        }
        int colon = indexOf(text, ':', hostStart, end);
        if (colon >= 0) {
            if (!isPort(text, colon, end)) {
                return false;
            }
            hostEnd = colon;
        }
        return hostEnd > hostStart;
    }

    /** The characters that end the authority (RFC 3986, section 3.2). */
    private static boolean endsAuthority(char c) {
        return c == '/' || c == '?' || c == '#';
    }

    /** @return the first index of {@code c} in {@code text[from, to)}, or -1 */
    private static int indexOf(String text, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** @return the last index of {@code c} in {@code text[from, to)}, or -1 */
    private static int lastIndexOf(String text, char c, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** @return true for {@code :} followed by digits only (an empty port is allowed by RFC 3986) */
    private static boolean isPort(String text, int colon, int end) {
        if (text.charAt(colon) != ':') {
            return false;
        }
        for (int i = colon + 1; i < end; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static ParseResult notALink(String shown, String reason) {
        return ParseResult.invalid("Invalid link '" + Quoted.value(shown) + "'. " + reason);
    }
}

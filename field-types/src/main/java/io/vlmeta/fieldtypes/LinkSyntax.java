package io.vlmeta.fieldtypes;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * The strict half of the link rule: a link must be a URI that {@link java.net.URI} parses (RFC 2396
 * with Java's additions: non-ASCII "other" characters in the path, query and fragment, IPv6
 * literals of RFC 2732) and whose authority is a server-based one with a host.
 *
 * <p>Why this strict: Visual Layer does not document which links it refuses, and a value it refuses
 * after its field was declared leaves that field half-filled for good (metadata is immutable). A
 * server that judges links with a standard URI parser refuses exactly these texts, so vlmeta
 * refuses them before anything is sent, and says what to write instead.
 */
final class LinkSyntax {
    private LinkSyntax() {
    }

    /**
     * @param text an http(s) link with no white space or control character and a non-empty host
     * @return why {@code text} is not a link under this rule (a sentence naming the character or the
     *     host, and what would be accepted), or {@code null} when it is one
     */
    static String refusal(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return syntaxRefusal(text, e);
        }
        return uri.getHost() != null ? null : hostRefusal(uri.getRawAuthority());
    }

    private static String syntaxRefusal(String text, URISyntaxException e) {
        int index = Math.max(0, Math.min(e.getIndex(), text.length() - 1));
        int position = index + 1;
        if (e.getReason().startsWith("Malformed escape")) {
            return "Holds a malformed percent-escape '" + Quoted.value(escapeAt(text, index)) + "' at position "
                    + position + "; write a literal % as %25";
        }
        if (e.getReason().contains("IPv6")) {
            return "Holds a malformed IPv6 address at position " + position
                    + "; write one in brackets, e.g. http://[2001:db8::1]/";
        }
        int codePoint = text.codePointAt(index);
        String character = new String(Character.toChars(codePoint));
        if (e.getReason().contains("authority")) {
            return "Holds '" + character + "' in its host at position " + position
                    + "; a host holds letters, digits, hyphens and dots";
        }
        return "Holds " + shown(codePoint, character) + " at position " + position
                + ", which a URL may not hold as it is; write it as " + percentEncoded(character);
    }

    /**
     * A character between quotes, or by its code point and Unicode name when quotes would show nothing
     * or what looks like a plain space (U+00A0 NO-BREAK SPACE, U+2028 LINE SEPARATOR).
     */
    private static String shown(int codePoint, String character) {
        int type = Character.getType(codePoint);
        boolean invisible = Character.isSpaceChar(codePoint) || type == Character.FORMAT || type == Character.CONTROL;
        return invisible ? String.format(java.util.Locale.ROOT, "U+%04X %s", codePoint, Character.getName(codePoint))
                : "'" + character + "'";
    }

    /** @return the {@code %} at {@code index} and the (at most two) characters after it */
    private static String escapeAt(String text, int index) {
        int percent = text.lastIndexOf('%', index);
        int start = percent >= 0 && index - percent <= 2 ? percent : index;
        return text.substring(start, Math.min(text.length(), start + 3));
    }

    private static String percentEncoded(String character) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : character.getBytes(StandardCharsets.UTF_8)) {
            encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
        return encoded.toString();
    }

    /** Explains an authority that {@link URI} could only read as registry-based, with no host. */
    private static String hostRefusal(String authority) {
        int at = authority.lastIndexOf('@');
        if (authority.indexOf('@') != at) {
            return "Holds '@' more than once before its host; write an '@' in the user name or password as %40";
        }
        String hostAndPort = authority.substring(at + 1);
        int colon = hostAndPort.indexOf(':');
        String host = colon >= 0 ? hostAndPort.substring(0, colon) : hostAndPort;
        if (colon >= 0 && !hostAndPort.substring(colon + 1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "Has a port '" + Quoted.value(hostAndPort.substring(colon + 1))
                    + "' that is not a number; a port is digits only, e.g. https://example.com:8443/";
        }
        if (!host.chars().allMatch(c -> c < 0x80)) {
            String ascii = asciiForm(host);
            return ascii == null
                    ? "Host '" + Quoted.value(host) + "' must be written in ASCII (its IDNA form, xn--...)"
                    : "Host '" + Quoted.value(host) + "' must be written in ASCII: write it as " + ascii;
        }
        if (!host.isEmpty() && host.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9')) {
            return "Host '" + host + "' is not an IPv4 address: write four numbers from 0 to 255, e.g. 192.0.2.1";
        }
        return "Host '" + Quoted.value(host) + "' is not a host name: dot-separated labels of letters, digits and"
                + " inner hyphens, the last one starting with a letter";
    }

    /** @return the IDNA ASCII form of {@code host} (RFC 3490) when it makes a valid host, else {@code null} */
    private static String asciiForm(String host) {
        try {
            String ascii = IDN.toASCII(host);
            return new URI("http", ascii, "/", null).getHost() != null ? ascii : null;
        } catch (IllegalArgumentException | URISyntaxException e) {
            return null;
        }
    }
}

package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.Secret;

import java.util.regex.Pattern;

/**
 * Keeps secrets out of every message, journal and file: texts that come from the server
 * ({@code detail}, {@code sample_errors[].reason}) may echo a token, the API secret or a password back,
 * and a URL in such a text may carry {@code user:password@} (a base URL alone is shown as
 * {@link io.vlmeta.api.UriRedaction#server} names it). Also escapes control characters, so a server text
 * cannot drive the terminal it is printed on.
 */
final class Redaction {
    private static final String MASK = "****";
    private static final Pattern JWT_LIKE = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");
    /** A URL's userinfo in a text, to the last {@code @} of its authority: a password may hold an unencoded one. */
    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#\\s]*@");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern NAMED_SECRET = Pattern.compile(
            "(?i)\\b((?:api[_-]?)?(?:secret|token|password|passwd|api[_-]?key)\\b[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',;&}]+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n]]|[\\u2028\\u2029\\u202A-\\u202E]");

    private final Secret secret;

    /** @param secret the API secret to mask wherever it appears; {@code null} on premises */
    Redaction(Secret secret) {
        this.secret = secret;
    }

    /** @return the text with tokens, the secret, URL passwords and named secrets masked, control characters escaped */
    String clean(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = text;
        if (secret != null && !secret.isEmpty()) {
            cleaned = cleaned.replace(secret.reveal(), MASK);
        }
        cleaned = JWT_LIKE.matcher(cleaned).replaceAll(MASK);
        cleaned = BEARER.matcher(cleaned).replaceAll("$1" + MASK);
        cleaned = NAMED_SECRET.matcher(cleaned).replaceAll("$1" + MASK);
        cleaned = URL_USER_INFO.matcher(cleaned).replaceAll("$1" + MASK + "@");
        return CONTROL.matcher(cleaned).replaceAll(match -> String.format("\\\\u%04x", (int) match.group().charAt(0)));
    }
}

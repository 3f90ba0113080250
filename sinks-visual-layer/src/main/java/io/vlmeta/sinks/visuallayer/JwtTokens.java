package io.vlmeta.sinks.visuallayer;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.vlmeta.api.Secret;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Mints the HS256 tokens Visual Layer's cloud expects ({@code kid} and {@code sub} = the API key,
 * {@code iss} = {@code sdk}, ten minutes of life), and mints a fresh one before the current one runs
 * out, so an upload of two hours does not fail at minute ten. Thread-safe.
 */
final class JwtTokens {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    /** Refresh when less than this is left: a request that starts now must still be valid when it lands. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(2);

    private final String apiKey;
    private final Algorithm algorithm;
    private final Clock clock;
    private String token;
    private Instant expires = Instant.MIN;

    JwtTokens(String apiKey, Secret apiSecret, Clock clock) {
        this.apiKey = apiKey;
        this.algorithm = Algorithm.HMAC256(apiSecret.reveal());
        this.clock = clock;
    }

    /** @return a token with at least {@link #REFRESH_MARGIN} of life left */
    synchronized String current() {
        Instant now = clock.instant();
        if (token == null || now.plus(REFRESH_MARGIN).isAfter(expires)) {
            Instant issued = now.truncatedTo(ChronoUnit.SECONDS);
            expires = issued.plus(LIFETIME);
            token = JWT.create()
                    .withKeyId(apiKey)
                    .withSubject(apiKey)
                    .withIssuer("sdk")
                    .withIssuedAt(issued)
                    .withExpiresAt(expires)
                    .sign(algorithm);
        }
        return token;
    }

    /** The server refused {@code refused} (401): the next {@link #current()} mints another. */
    synchronized void refused(String refused) {
        if (refused != null && refused.equals(token)) {
            token = null;
        }
    }

    @Override
    public String toString() {
        return "JwtTokens[HS256]";
    }
}

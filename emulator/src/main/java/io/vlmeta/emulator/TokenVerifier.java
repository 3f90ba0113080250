package io.vlmeta.emulator;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks the bearer token of a request as Visual Layer does: HS256 signed with the API secret,
 * {@code kid} and {@code sub} naming the API key, {@code iss} = {@code sdk}, {@code exp} in the
 * future; and, when configured, an {@code iat} no older than the maximum token age. Refusals are
 * 401 answers whose detail never repeats the token.
 */
final class TokenVerifier {
    private static final String BEARER = "Bearer ";

    private final String apiKey;
    private final JWTVerifier verifier;
    private final Duration maxTokenAge;
    private final Clock clock;

    TokenVerifier(String apiKey, String apiSecret, Duration maxTokenAge, Clock clock) {
        this.apiKey = apiKey;
        this.maxTokenAge = maxTokenAge;
        this.clock = clock;
        // the clock-taking build is on the implementation only; it lets tests move time
        JWTVerifier.BaseVerification verification = (JWTVerifier.BaseVerification) JWT.require(Algorithm.HMAC256(apiSecret))
                .withIssuer("sdk")
                .withSubject(apiKey)
                .withClaimPresence("exp");
        this.verifier = verification.build(clock);
    }

    /** @throws ApiError 401 when the header is missing or the token is refused */
    void verify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new ApiError(401, "Not authenticated: missing Authorization header");
        }
        if (!authorization.startsWith(BEARER)) {
            throw new ApiError(401, "Not authenticated: expected 'Authorization: Bearer <token>'");
        }
        DecodedJWT token;
        try {
            token = verifier.verify(authorization.substring(BEARER.length()).trim());
        } catch (TokenExpiredException e) {
            throw new ApiError(401, "Token has expired");
        } catch (JWTVerificationException e) {
            throw new ApiError(401, "Invalid token");
        }
        if (!"HS256".equals(token.getAlgorithm()) || !apiKey.equals(token.getKeyId())
                || token.getExpiresAtAsInstant() == null) {
            throw new ApiError(401, "Invalid token");
        }
        if (maxTokenAge != null) {
            Instant issuedAt = token.getIssuedAtAsInstant();
            if (issuedAt == null) {
                throw new ApiError(401, "Invalid token: no iat claim");
            }
            if (issuedAt.plus(maxTokenAge).isBefore(clock.instant())) {
                throw new ApiError(401, "Token has expired");
            }
        }
    }
}

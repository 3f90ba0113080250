package io.vlmeta.sinks.visuallayer;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.vlmeta.api.Secret;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

class JwtTokensTest {
    /** Now, so the library's verifier (which reads the real clock) accepts the first token. */
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void mintsTheTokenVisualLayerExpectsSignedWithTheSecret() {
        JwtTokens tokens = new JwtTokens("key-1", Secret.of("the-secret"), new MovableClock());

        DecodedJWT jwt = JWT.require(Algorithm.HMAC256("the-secret")).withIssuer("sdk").withSubject("key-1")
                .build().verify(tokens.current());

        assertThat(jwt.getKeyId()).isEqualTo("key-1");
        assertThat(jwt.getAlgorithm()).isEqualTo("HS256");
        assertThat(jwt.getType()).isEqualTo("JWT");
        assertThat(jwt.getIssuedAtAsInstant()).isEqualTo(START);
        assertThat(jwt.getExpiresAtAsInstant()).isEqualTo(START.plus(Duration.ofMinutes(10)));
    }

    @Test
    void keepsATokenWhileMoreThanTwoMinutesAreLeftThenMintsAFreshOne() {
        MovableClock clock = new MovableClock();
        JwtTokens tokens = new JwtTokens("key-1", Secret.of("the-secret"), clock);
        String first = tokens.current();

        clock.now = START.plus(Duration.ofMinutes(7));
        String stillFirst = tokens.current();
        clock.now = START.plus(Duration.ofMinutes(8)).plusSeconds(1);
        String second = tokens.current();

        assertThat(stillFirst).isEqualTo(first);
        assertThat(second).isNotEqualTo(first);
        assertThat(JWT.decode(second).getIssuedAtAsInstant()).isEqualTo(clock.now);
    }

    @Test
    void mintsAgainAfterTheServerRefusedTheCurrentToken() {
        MovableClock clock = new MovableClock();
        JwtTokens tokens = new JwtTokens("key-1", Secret.of("the-secret"), clock);
        String first = tokens.current();
        clock.now = START.plusSeconds(30);

        tokens.refused(first);

        assertThat(JWT.decode(tokens.current()).getIssuedAtAsInstant()).isEqualTo(START.plusSeconds(30));
    }

    @Test
    void neverShowsTheSecret() {
        JwtTokens tokens = new JwtTokens("key-1", Secret.of("the-secret"), new MovableClock());

        assertThat(tokens.toString()).doesNotContain("the-secret");
    }
}

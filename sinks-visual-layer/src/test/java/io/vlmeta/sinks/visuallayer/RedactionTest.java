package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.Secret;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {
    private final Redaction redaction = new Redaction(Secret.of("s3cr3t-value"));

    @Test
    void masksTheApiSecretATokenAndNamedSecretsEchoedInAServerReason() {
        String reason = "Invalid value for tenant s3cr3t-value: token=abc.def api_secret: \"xyz\" "
                + "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJrIn0.c2ln password=hunter2";

        assertThat(redaction.clean(reason)).isEqualTo("Invalid value for tenant ****: token=**** api_secret: \"****\" "
                + "Authorization: Bearer **** password=****");
    }

    @Test
    void masksThePasswordOfAnyUrlInAText() {
        assertThat(redaction.clean("could not reach http://bob:x@host:2080/api/v1"))
                .isEqualTo("could not reach http://****@host:2080/api/v1");
    }

    @Test
    void masksAPasswordHoldingAnUnencodedAtSignUpToTheLastOne() {
        assertThat(redaction.clean("could not reach http://bob:x@y@host:2080/api and mail a@b.example"))
                .isEqualTo("could not reach http://****@host:2080/api and mail a@b.example");
    }

    @Test
    void escapesControlCharactersSoAServerTextCannotDriveTheTerminal() {
        assertThat(redaction.clean("bad\u001B]0;pwned\u0007 value\r")).isEqualTo("bad\\u001b]0;pwned\\u0007 value\\u000d");
    }

    @Test
    void leavesAnOrdinaryReasonAsItCame() {
        assertThat(redaction.clean("Expected float, got 'abc' at row_index 17"))
                .isEqualTo("Expected float, got 'abc' at row_index 17");
    }
}

package io.vlmeta.sinks.visuallayer;

import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * A server that answered the TLS handshake's first message with something that is not TLS: almost always an
 * HTTP server answering the bytes it could not read as a request ({@code 400 Bad Request}), reached by an
 * {@code https://} URL. Nothing was sent, and no retry would change it: the run stops at once, suggesting the
 * {@code http://} URL.
 */
final class NoTlsAnswer extends SSLException {
    private static final long serialVersionUID = 1L;

    NoTlsAnswer(SSLException cause) {
        super("the server answered the TLS handshake with something that is not TLS, as a plain http server does",
                cause);
    }

    /**
     * Whether a handshake failed on the server's first bytes not being a TLS record. The JDK gives it no
     * type of its own, only a plain {@link SSLException} whose words have been "Unsupported or
     * unrecognized SSL message" (JDK 11 to 17) and "Unrecognized SSL message, plaintext connection?" (JDK 8
     * and later releases).
     *
     * @param failure a handshake's failure
     * @return whether it says the server did not answer in TLS
     */
    static boolean answeredWithoutTls(SSLException failure) {
        if (failure.getClass() != SSLException.class || failure.getMessage() == null) {
            return false; // a handshake or certificate refusal has its own type: the server did speak TLS
        }
        String message = failure.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("unrecognized ssl message") || message.contains("plaintext connection");
    }
}

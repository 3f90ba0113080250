package io.vlmeta.sinks.visuallayer;

import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.SocketTimeoutException;

/**
 * A server that took the TCP connection but did not answer the TLS handshake in time (the handshake timeout,
 * set to {@code connect-timeout-ms}). Nothing was sent on the connection, so it is treated as a connect
 * timeout is: on a run's first request the server is not there or does not speak TLS, and the run stops at
 * once; later in a run it is a server too busy to answer, and the request is tried again, an upload too.
 *
 * <p>Not a {@link SocketTimeoutException}: HttpClient replaces one thrown while connecting with a connect
 * timeout of its own that keeps only its message, and this type would be lost.
 */
final class TlsHandshakeTimeout extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param waited the handshake timeout that ran out; {@code null} when none was set (the socket's own
     *               timeout ran out)
     * @param cause  the read that timed out
     */
    TlsHandshakeTimeout(Timeout waited, SocketTimeoutException cause) {
        super("no answer to the TLS handshake" + (waited == null ? "" : " within " + seconds(waited.toMilliseconds())),
                cause);
    }

    /** @return e.g. {@code "10 s"}, {@code "0.5 s"} */
    static String seconds(long millis) {
        return java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }
}

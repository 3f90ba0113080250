package io.vlmeta.sinks.visuallayer;

import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * HttpClient's default TLS ({@link DefaultClientTlsStrategy#createDefault()}: the JDK's default
 * {@code SSLContext}, its trust store and host name verification), made on the first {@code https}
 * connection instead of when the client is built. Building it reads and parses the JDK's whole trust
 * store ({@code cacerts}, about 150 certificates): 0.18 s of a run's start on a 2-core machine, spent
 * for nothing when the server is reached over plain {@code http} (the emulator, a server on the local
 * network). An {@code https} connection gets exactly what the builder's default would have given it.
 *
 * <p>It also names the two ways a handshake fails that say the server is not speaking TLS at all, which the
 * JDK reports only as a read timeout and as a plain {@link SSLException}: silence
 * ({@link TlsHandshakeTimeout}) and an answer that is not TLS ({@link NoTlsAnswer}).
 */
final class LazyTlsStrategy implements TlsSocketStrategy {
    private volatile TlsSocketStrategy strategy;

    /**
     * Sets TLS up on a connected socket, within the handshake timeout that {@code attachment} (the
     * connection manager's {@link TlsConfig}) carries.
     *
     * @throws UnusableTrustStore  when the trust store the user named cannot be used
     * @throws TlsHandshakeTimeout when the server did not answer the handshake in time
     * @throws NoTlsAnswer         when the server answered with something that is not TLS (plain HTTP)
     * @throws IOException         when the handshake failed otherwise (a certificate refused, a connection closed)
     */
    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        try {
            return strategy().upgrade(socket, target, port, attachment, context);
        } catch (SocketTimeoutException e) {
            // only the handshake reads from the socket here: the server took the connection and said nothing
            throw new TlsHandshakeTimeout(attachment instanceof TlsConfig config ? config.getHandshakeTimeout() : null,
                    e);
        } catch (SSLException e) {
            throw NoTlsAnswer.answeredWithoutTls(e) ? new NoTlsAnswer(e) : e;
        }
    }

    /**
     * @return the default strategy, made once by whichever connection first needs it
     * @throws UnusableTrustStore when the trust store the user named cannot be read (checked again by the
     *                            next connection: nothing is made)
     */
    TlsSocketStrategy strategy() throws UnusableTrustStore {
        TlsSocketStrategy made = strategy;
        if (made == null) {
            synchronized (this) {
                made = strategy;
                if (made == null) {
                    // a trust store Java cannot load leaves TLS with no trust manager, and the server's certificate
                    // would be blamed
                    UnusableTrustStore.check();
                    made = DefaultClientTlsStrategy.createDefault();
                    strategy = made;
                }
            }
        }
        return made;
    }

    /** @return whether the default strategy was made, i.e. whether any connection used TLS */
    boolean made() {
        return strategy != null;
    }
}

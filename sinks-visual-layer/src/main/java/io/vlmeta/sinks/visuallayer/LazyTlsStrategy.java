package io.vlmeta.sinks.visuallayer;

import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;

/**
 * HttpClient's default TLS ({@link DefaultClientTlsStrategy#createDefault()}: the JDK's default
 * {@code SSLContext}, its trust store and host name verification), made on the first {@code https}
 * connection instead of when the client is built. Building it reads and parses the JDK's whole trust
 * store ({@code cacerts}, about 150 certificates): 0.18 s of a run's start on a 2-core machine, spent
 * for nothing when the server is reached over plain {@code http} (the emulator, a server on the local
 * network). An {@code https} connection gets exactly what the builder's default would have given it.
 */
final class LazyTlsStrategy implements TlsSocketStrategy {
    private volatile TlsSocketStrategy strategy;

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return strategy().upgrade(socket, target, port, attachment, context);
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

package io.vlmeta.sinks.visuallayer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback plain HTTP server that answers what it cannot read as a request as nginx, Apache, Tomcat and
 * Jetty do: at once, with {@code 400 Bad Request}, on the first bytes (a TLS handshake's first byte, 0x16,
 * is no letter of a method name). Counts the connections it took on its own thread.
 */
final class PlainHttpServer implements AutoCloseable {
    private static final byte[] BAD_REQUEST = ("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\n"
            + "Content-Length: 12\r\nConnection: close\r\n\r\nBad Request\n").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();

    private PlainHttpServer(ServerSocket socket) {
        this.socket = socket;
    }

    static PlainHttpServer start() throws IOException {
        PlainHttpServer server = new PlainHttpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        Thread acceptor = new Thread(server::serve, "plain-http-server");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    private void serve() {
        while (true) {
            try (Socket connection = socket.accept()) {
                connections.incrementAndGet();
                connection.setSoTimeout(30_000);
                if (connection.getInputStream().read() < 0) {
                    continue;
                }
                OutputStream out = connection.getOutputStream();
                out.write(BAD_REQUEST);
                out.flush();
                connection.shutdownOutput();
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    /** @return the connections taken so far */
    AtomicInteger connections() {
        return connections;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

package io.vlmeta.sinks.visuallayer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP server that takes every connection and never writes a byte: what a client sees of a host
 * whose service hangs, or of a plain server waiting for a request line a TLS handshake never sends. Counts
 * the connections it took on its own thread.
 */
final class SilentServer implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    private SilentServer(ServerSocket socket) {
        this.socket = socket;
    }

    static SilentServer start() throws IOException {
        SilentServer server = new SilentServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        Thread acceptor = new Thread(server::accept, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    private void accept() {
        try {
            while (true) {
                held.add(socket.accept()); // kept open, unread, until the server closes
                connections.incrementAndGet();
            }
        } catch (IOException e) {
            // closed
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
        for (Socket connection : held) {
            connection.close();
        }
    }
}

package io.vlmeta.sinks.visuallayer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A loopback https server that answers every request {@code 200} and closes the connection, except on the
 * connections it was told to keep silent (by number, from 1): those it takes and never answers, not even
 * the TLS handshake, as a server too busy to serve them would.
 */
final class ScriptedTlsServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Set<Integer> silent;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    private ScriptedTlsServer(ServerSocket socket, Set<Integer> silent) {
        this.socket = socket;
        this.silent = silent;
    }

    /** @param silent the numbers of the connections (from 1) never answered */
    static ScriptedTlsServer start(SSLContext context, Set<Integer> silent) throws IOException {
        ServerSocket socket = context.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        ScriptedTlsServer server = new ScriptedTlsServer(socket, silent);
        Thread acceptor = new Thread(server::accept, "scripted-tls-server");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    private void accept() {
        try {
            while (true) {
                Socket connection = socket.accept(); // the handshake waits for the first read or write
                held.add(connection);
                if (!silent.contains(connections.incrementAndGet())) {
                    Thread handler = new Thread(() -> answer(connection), "scripted-tls-connection");
                    handler.setDaemon(true);
                    handler.start();
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void answer(Socket connection) {
        try (connection) {
            connection.setSoTimeout(30_000);
            InputStream in = connection.getInputStream();
            String head = head(in);
            int length = contentLength(head);
            in.readNBytes(length);
            requests.incrementAndGet();
            OutputStream out = connection.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return 0;
    }

    int port() {
        return socket.getLocalPort();
    }

    /** @return the requests read whole and answered so far */
    AtomicInteger requests() {
        return requests;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket connection : held) {
            connection.close();
        }
    }
}

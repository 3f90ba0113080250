package io.vlmeta.sinks.visuallayer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pass-through proxy in front of the emulator, as a network path would be: it records what the
 * client sent (the Authorization header above all), and can lose the answer of a chosen request
 * after the emulator processed it, the way a failing proxy cuts a response short.
 */
final class Relay implements AutoCloseable {
    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String target;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorization = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile String loseMethod;
    private volatile String losePath;
    private volatile int loseNth;

    private Relay(String target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::relay);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    static Relay to(String target) throws IOException {
        return new Relay(target);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Loses the answer of the {@code nth} request whose method matches and whose path ends with {@code pathEnd}. */
    void loseAnswerOf(String method, String pathEnd, int nth) {
        this.loseMethod = method;
        this.losePath = pathEnd;
        this.loseNth = nth;
    }

    int count(String method, String pathPart) {
        return (int) requests.stream().filter(r -> r.startsWith(method + " ") && r.contains(pathPart)).count();
    }

    List<String> requests() {
        return requests;
    }

    List<String> authorizationHeaders() {
        return authorization;
    }

    private void relay(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().toString();
        requests.add(method + " " + path);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            authorization.add(auth);
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target + path))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null) {
            forward.header("Content-Type", contentType);
        }
        if (auth != null) {
            forward.header("Authorization", auth);
        }
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        boolean lose = false;
        if (method.equals(loseMethod) && (path.endsWith(losePath) || (losePath.endsWith("/")
                && path.contains(losePath) && !path.endsWith("/status")))) {
            lose = counts.computeIfAbsent(method + losePath, k -> new AtomicInteger()).incrementAndGet() == loseNth;
        }
        answer.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
        answer.headers().firstValue("Retry-After").ifPresent(v -> exchange.getResponseHeaders().add("Retry-After", v));
        if (lose) {
            // promise the whole body, send a few bytes, hang up: the client cannot know the outcome
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length + 100L);
            OutputStream out = exchange.getResponseBody();
            out.write(answer.body(), 0, Math.min(5, answer.body().length));
            out.flush();
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

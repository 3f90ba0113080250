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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pass-through proxy in front of the emulator, as a network path would be: it records what the
 * client sent (the Authorization header above all), and can fault a chosen request the ways a
 * gateway does: lose the answer after the emulator processed it, answer {@code 502} after the
 * emulator processed it, hold an answer past the client's timeout, refuse it with a status of its own
 * without passing it on, or answer {@code 502} at once and pass the request on only when the test
 * releases it (a server that applies files asynchronously, as late as a test needs).
 */
final class Relay implements AutoCloseable {
    /** What to do to the chosen request. */
    enum Fault { LOSE_ANSWER, BAD_GATEWAY_AFTER, SLOW_ANSWER, REFUSE, APPLY_LATE }

    private record Rule(String method, String pathPart, int nth, Fault fault, int status, String body) {
    }

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String target;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorization = new CopyOnWriteArrayList<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final Map<Rule, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private final CountDownLatch lateRelease = new CountDownLatch(1);
    private final List<Thread> lateSenders = new CopyOnWriteArrayList<>();
    private final AtomicInteger lateDelivered = new AtomicInteger();
    private volatile Runnable afterUpload = () -> { };
    private volatile Duration slowBy = Duration.ofSeconds(3);

    private Relay(String target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::relay);
        server.setExecutor(workers);
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
        fault(method, pathEnd, nth, Fault.LOSE_ANSWER);
    }

    /**
     * Faults the {@code nth} request whose method matches and whose path ends with {@code pathPart} (a part
     * ending in {@code /} matches any longer path except a status poll).
     */
    void fault(String method, String pathPart, int nth, Fault fault) {
        rules.add(new Rule(method, pathPart, nth, fault, 502, "<html><body>502 Bad Gateway</body></html>"));
    }

    /** Answers the {@code nth} matching request with {@code status} and {@code body}, without passing it on. */
    void refuse(String method, String pathPart, int nth, int status, String body) {
        rules.add(new Rule(method, pathPart, nth, Fault.REFUSE, status, body));
    }

    /** @param action run after every upload the emulator answered, before the answer goes back */
    void afterUpload(Runnable action) {
        this.afterUpload = action;
    }

    void slowBy(Duration delay) {
        this.slowBy = delay;
    }

    /** Passes on the requests held by {@link Fault#APPLY_LATE}, now and from now on. */
    void releaseLateCopies() {
        lateRelease.countDown();
    }

    /** @return the held requests passed on since {@link #releaseLateCopies()} and answered by the emulator */
    int lateCopiesDelivered() {
        return lateDelivered.get();
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

    private Rule match(String method, String path) {
        for (Rule rule : rules) {
            boolean matches = method.equals(rule.method()) && (path.endsWith(rule.pathPart())
                    || (rule.pathPart().endsWith("/") && path.contains(rule.pathPart()) && !path.endsWith("/status")));
            if (matches && counts.computeIfAbsent(rule, k -> new AtomicInteger()).incrementAndGet() == rule.nth()) {
                return rule;
            }
        }
        return null;
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
        Rule rule = match(method, path);
        if (rule != null && rule.fault() == Fault.REFUSE) {
            answer(exchange, rule.status(), rule.body().getBytes(StandardCharsets.UTF_8), "application/json");
            return;
        }
        if (rule != null && rule.fault() == Fault.APPLY_LATE) {
            HttpRequest late = forward.build();
            Thread sender = new Thread(() -> {
                try {
                    lateRelease.await();
                    client.send(late, HttpResponse.BodyHandlers.discarding());
                    lateDelivered.incrementAndGet();
                } catch (IOException | InterruptedException e) {
                    // closed before the release, or the emulator went away: the test sees what arrived
                }
            }, "relay-late");
            sender.setDaemon(true);
            lateSenders.add(sender);
            sender.start();
            answer(exchange, 502, rule.body().getBytes(StandardCharsets.UTF_8), "text/html");
            return;
        }
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (method.equals("POST") && path.contains("/custom_metadata/tasks/")) {
            afterUpload.run();
        }
        answer.headers().firstValue("Retry-After").ifPresent(v -> exchange.getResponseHeaders().add("Retry-After", v));
        if (rule != null && rule.fault() == Fault.BAD_GATEWAY_AFTER) {
            answer(exchange, 502, rule.body().getBytes(StandardCharsets.UTF_8), "text/html");
            return;
        }
        if (rule != null && rule.fault() == Fault.SLOW_ANSWER) {
            try {
                Thread.sleep(slowBy.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        answer.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
        if (rule != null && rule.fault() == Fault.LOSE_ANSWER) {
            // promise the whole body, send a few bytes, hang up: the client cannot know the outcome
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length + 100L);
            OutputStream out = exchange.getResponseBody();
            out.write(answer.body(), 0, Math.min(5, answer.body().length));
            out.flush();
            exchange.close();
            return;
        }
        try {
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        } catch (IOException clientGone) {
            exchange.close(); // the client timed out: the emulator processed the request all the same
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body, String type) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow(); // ends a held slow answer the client gave up on
        lateSenders.forEach(Thread::interrupt);
    }
}

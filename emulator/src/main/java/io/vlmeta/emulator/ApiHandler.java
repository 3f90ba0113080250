package io.vlmeta.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one HTTP handler: routes a request, counts it, applies the fault plan, checks the token, and
 * answers with JSON errors in the server's {@code {"detail": ...}} shape.
 */
final class ApiHandler implements HttpHandler {

    /** Thrown to the JDK server after a deliberately truncated response, which makes it close the connection. */
    static final class DroppedConnection extends IOException {
        private static final long serialVersionUID = 1L;

        DroppedConnection() {
            super("connection dropped mid-response by the fault plan");
        }
    }

    /** What a reverse proxy in front of the server answers when the server's answer fails it. */
    static final Response BAD_GATEWAY = new Response(502, "text/html", Map.of(), GatewayPages.BAD_GATEWAY_HTML, null);

    private final MetadataApi api;
    private final TokenVerifier tokens;
    private final FaultInjector faults;
    private final Map<Endpoint, AtomicLong> requestCounts = new EnumMap<>(Endpoint.class);

    ApiHandler(MetadataApi api, TokenVerifier tokens, FaultInjector faults) {
        this.api = api;
        this.tokens = tokens;
        this.faults = faults;
        for (Endpoint endpoint : Endpoint.values()) {
            requestCounts.put(endpoint, new AtomicLong());
        }
    }

    long requestCount(Endpoint endpoint) {
        return requestCounts.get(endpoint).get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        FaultInjector.Decision fault = FaultInjector.Decision.NONE;
        Response response;
        try {
            Route route = Route.match(exchange.getRequestURI().getPath())
                    .orElseThrow(() -> new ApiError(404, "Not Found"));
            if (!route.endpoint().method().equals(exchange.getRequestMethod())) {
                throw new ApiError(405, "Method Not Allowed");
            }
            requestCounts.get(route.endpoint()).incrementAndGet();
            fault = faults.decide(route.endpoint());
            pause(fault);
            response = fault.status() != 0 ? injected(fault) : authorisedAnswer(route, exchange);
        } catch (ApiError e) {
            response = Response.error(e.status(), e.detail());
        } catch (RuntimeException e) {
            // a bug here must not look like a server fault the client could retry away silently
            System.err.println("vlmeta emulator: internal error on " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath() + ": " + e);
            response = Response.error(500, "Internal emulator error: " + e.getClass().getSimpleName());
        }
        drain(exchange.getRequestBody());
        if (fault.dropConnection()) {
            sendTruncated(exchange, response);
            throw new DroppedConnection();
        }
        if (fault.badGatewayAfterProcessing()) {
            response = BAD_GATEWAY;
        }
        send(exchange, response);
    }

    private Response authorisedAnswer(Route route, HttpExchange exchange) throws IOException {
        if (tokens != null) {
            tokens.verify(exchange.getRequestHeaders().getFirst("Authorization"));
        }
        return api.handle(route, exchange);
    }

    private static void pause(FaultInjector.Decision fault) {
        if (fault.delay().isZero()) {
            return;
        }
        try {
            Thread.sleep(fault.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Response injected(FaultInjector.Decision fault) {
        return switch (fault.status()) {
            case 429 -> Response.error(429, "Too Many Requests")
                    .withHeader("Retry-After", Integer.toString(fault.retryAfterSeconds()));
            case 503 -> Response.error(503, "Service Unavailable");
            default -> Response.error(fault.status(), "Injected failure");
        };
    }

    /** Reads what the handler left of the request, so the answer is not mistaken for a reset. */
    private static void drain(InputStream body) {
        try {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // already closed by a parser, which drains the request itself on close
        }
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        headers(exchange, response);
        if (response.bytes() != null) {
            exchange.sendResponseHeaders(response.status(), response.bytes().length == 0 ? -1 : response.bytes().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.bytes());
            }
        } else {
            exchange.sendResponseHeaders(response.status(), 0);
            try (OutputStream out = exchange.getResponseBody()) {
                response.writer().writeTo(out);
            }
        }
        exchange.close();
    }

    /** Promises the whole body, sends half of it, and leaves the connection for the server to close. */
    private static void sendTruncated(HttpExchange exchange, Response response) throws IOException {
        byte[] body = response.materialise();
        headers(exchange, response);
        exchange.sendResponseHeaders(response.status(), Math.max(1, body.length));
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
    }

    private static void headers(HttpExchange exchange, Response response) {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    }
}

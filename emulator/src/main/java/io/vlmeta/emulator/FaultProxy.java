package io.vlmeta.emulator;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A small real HTTP/1.1 proxy on the loopback interface, put between a client and an emulator (or any
 * loopback server) to cause the network faults a server cannot cause itself: a request body cut off
 * after some bytes, a request forwarded whole whose answer is then lost, a request forwarded whole and
 * then answered {@code 502 Bad Gateway}, delays, and holds that last until the test releases them. Faults
 * are chosen by request number or by a seeded fraction, among the requests a method and path pattern select.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start(emulator.baseUrl(), FaultProxy.Plan.builder()
 *         .onlyRequests("POST", "/api/v1/datasets/[^/]+/custom_metadata/tasks/[^/]+")  // uploads only
 *         .badGatewayNth(2)                                          // the 2nd upload: processed, then 502
 *         .cutRequestBodyNth(3, 1_000)                               // the 3rd: 1,000 bytes of body, then closed
 *         .build())) {
 *     run the client against proxy.baseUrl()
 * }
 * }</pre>
 *
 * <p>A hold lets a test act at a known point of the client's work, whatever the machine's speed: the
 * client has sent the request and waits for its answer until the test calls {@link #release()}.
 *
 * <pre>{@code
 * FaultProxy proxy = FaultProxy.start(emulator.baseUrl(), FaultProxy.Plan.builder()
 *         .onlyRequests("GET", "/api/v1/datasets/[^/]+/custom_metadata/schema").holdNth(1).build());
 * start the client against proxy.baseUrl()
 * proxy.awaitHeld(Duration.ofSeconds(60));   // the client now waits for the schema
 * change what the client reads next
 * proxy.release();                           // the schema request goes on to the server
 * }</pre>
 *
 * <p>Every connection carries one request: the proxy tells both sides {@code Connection: close}, so no
 * answer is ever mixed up with another request's. A fault that forwards the request waits for the
 * server's whole answer before it acts, so when the client sees the fault the server has finished with
 * the request. Bounded: at most {@value #MAX_CONNECTIONS} connections at once (more are refused by
 * closing them), reads time out after {@link Plan#idleTimeout()}, and the proxy stops itself after
 * {@link Plan#maxLifetime()} if not closed first. Thread-safe.
 */
public final class FaultProxy implements AutoCloseable {
    /** Connections served at once; further ones are closed at once. */
    public static final int MAX_CONNECTIONS = 32;
    /** The path pattern of the upload endpoint, {@code POST /api/v1/datasets/{id}/custom_metadata/tasks/{task_id}}. */
    public static final String UPLOAD_PATH = "/api/v1/datasets/[^/]+/custom_metadata/tasks/[^/]+";
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    /** Headers of one connection (RFC 9110 section 7.6.1), never forwarded: the proxy sets its own. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "upgrade",
            "http2-settings");

    /** What happens to one request. */
    public enum Fault {
        /** Forwarded and answered as the server answered. */
        NONE,
        /** The head and the first {@code cutAfterBytes} bytes of the body are forwarded, then both connections close. */
        CUT_REQUEST_BODY,
        /** Forwarded whole; once the server has answered, the client's connection is closed without an answer. */
        DROP_ANSWER,
        /** Forwarded whole; once the server has answered, the client gets {@code 502 Bad Gateway} instead. */
        BAD_GATEWAY
    }

    /** Whether a request waits for the test before it is forwarded. */
    public enum Hold {
        /** Forwarded after its delay, without waiting for the test. */
        NONE,
        /**
         * Held before it is forwarded until {@link FaultProxy#release()} (or, should the test never release it,
         * until {@link Plan#holdCeiling()} has passed), then treated as its fault says.
         */
        UNTIL_RELEASED
    }

    /**
     * A fault for the {@code n}-th selected request (1-based).
     *
     * @param n             the request number among those {@link Plan#method()} and {@link Plan#path()} select
     * @param fault         the fault; {@link Fault#NONE} with a {@code delay} or a {@code hold} only delays
     * @param cutAfterBytes for {@link Fault#CUT_REQUEST_BODY}: the body bytes forwarded before the cut
     * @param delay         held before the request is forwarded; {@link Duration#ZERO} for none
     * @param hold          whether the request then waits for {@link FaultProxy#release()} too
     */
    public record NthFault(int n, Fault fault, long cutAfterBytes, Duration delay, Hold hold) {
        public NthFault {
            if (n < 1) {
                throw new IllegalArgumentException("request numbers start at 1: " + n);
            }
            Objects.requireNonNull(fault, "fault");
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(hold, "hold");
            if (cutAfterBytes < 0 || delay.isNegative()) {
                throw new IllegalArgumentException("byte counts and delays must not be negative");
            }
        }
    }

    /**
     * The faults of a proxy. Random faults are drawn from the seed and the request's number, so the same
     * plan and the same sequence of requests give the same faults.
     *
     * @param method              the HTTP method of the requests faults apply to, {@code null} for any
     * @param path                a pattern the whole request path (without query) must match, {@code null} for any
     * @param byNumber            faults of selected requests by number; they win over the fractions
     * @param cutBodyFraction     share of selected requests whose body is cut after {@code cutAfterBytes}
     * @param cutAfterBytes       the body bytes forwarded before a random cut
     * @param dropAnswerFraction  share of selected requests forwarded whole whose answer is lost
     * @param badGatewayFraction  share of selected requests forwarded whole and then answered 502
     * @param delay               held before every selected request is forwarded
     * @param seed                the seed of the random faults
     * @param idleTimeout         a read from either side that waits longer fails and closes the connection
     * @param maxLifetime         the proxy closes itself this long after it started
     * @param holdCeiling         a held request never released is forwarded once held this long, so that a
     *                            test that fails before its release never leaves a client waiting for good
     */
    public record Plan(String method, Pattern path, List<NthFault> byNumber, double cutBodyFraction, long cutAfterBytes,
                       double dropAnswerFraction, double badGatewayFraction, Duration delay, long seed,
                       Duration idleTimeout, Duration maxLifetime, Duration holdCeiling) {
        public Plan {
            byNumber = List.copyOf(byNumber);
            for (double fraction : new double[] {cutBodyFraction, dropAnswerFraction, badGatewayFraction}) {
                if (!(fraction >= 0 && fraction <= 1)) {
                    throw new IllegalArgumentException("a fraction is between 0 and 1: " + fraction);
                }
            }
            if (cutAfterBytes < 0) {
                throw new IllegalArgumentException("cutAfterBytes must not be negative: " + cutAfterBytes);
            }
            for (Duration duration : List.of(delay, idleTimeout, maxLifetime, holdCeiling)) {
                if (duration.isNegative()) {
                    throw new IllegalArgumentException("durations must not be negative: " + duration);
                }
            }
        }

        /** @return a plan that forwards everything unchanged */
        public static Plan none() {
            return builder().build();
        }

        /** @return a builder starting from no faults */
        public static Builder builder() {
            return new Builder();
        }

        boolean selects(String requestMethod, String requestPath) {
            return (method == null || method.equalsIgnoreCase(requestMethod))
                    && (path == null || path.matcher(requestPath).matches());
        }

        /** The fault of the {@code number}-th selected request. */
        NthFault decide(long number) {
            for (NthFault fault : byNumber) {
                if (fault.n() == number) {
                    return fault;
                }
            }
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + number);
            double cut = random.nextDouble();
            double drop = random.nextDouble();
            double badGateway = random.nextDouble();
            Fault fault = cut < cutBodyFraction ? Fault.CUT_REQUEST_BODY
                    : drop < dropAnswerFraction ? Fault.DROP_ANSWER
                    : badGateway < badGatewayFraction ? Fault.BAD_GATEWAY : Fault.NONE;
            return new NthFault((int) Math.min(Integer.MAX_VALUE, number), fault, cutAfterBytes, delay, Hold.NONE);
        }
    }

    /** Builds a {@link Plan}; every fault is off until set. */
    public static final class Builder {
        private String method;
        private Pattern path;
        private final List<NthFault> byNumber = new ArrayList<>();
        private double cutBodyFraction;
        private long cutAfterBytes;
        private double dropAnswerFraction;
        private double badGatewayFraction;
        private Duration delay = Duration.ZERO;
        private long seed;
        private Duration idleTimeout = Duration.ofSeconds(60);
        private Duration maxLifetime = Duration.ofMinutes(30);
        private Duration holdCeiling = Duration.ofSeconds(60);

        private Builder() {
        }

        /**
         * Numbers and faults only the requests with this method whose path matches {@code pathRegex} (whole
         * path, without the query); the others are forwarded unchanged and not numbered.
         *
         * @param method    e.g. {@code POST}, or {@code null} for any
         * @param pathRegex e.g. {@code /api/v1/datasets/[^/]+/custom_metadata/tasks/[^/]+} for uploads, or {@code null} for any
         */
        public Builder onlyRequests(String method, String pathRegex) {
            this.method = method;
            this.path = pathRegex == null ? null : Pattern.compile(pathRegex);
            return this;
        }

        /** Numbers and faults only uploads ({@code POST} to {@link #UPLOAD_PATH}); other requests pass unchanged. */
        public Builder onlyUploads() {
            return onlyRequests("POST", UPLOAD_PATH);
        }

        /** The {@code n}-th selected request: forward its head and {@code bytes} bytes of its body, then close. */
        public Builder cutRequestBodyNth(int n, long bytes) {
            byNumber.add(new NthFault(n, Fault.CUT_REQUEST_BODY, bytes, Duration.ZERO, Hold.NONE));
            return this;
        }

        /** A share of selected requests: forward the head and {@code bytes} bytes of the body, then close. */
        public Builder cutRequestBodyFraction(double fraction, long bytes) {
            this.cutBodyFraction = fraction;
            this.cutAfterBytes = bytes;
            return this;
        }

        /** The {@code n}-th selected request: forward it whole, wait for the answer, close without answering. */
        public Builder dropAnswerNth(int n) {
            byNumber.add(new NthFault(n, Fault.DROP_ANSWER, 0, Duration.ZERO, Hold.NONE));
            return this;
        }

        /** A share of selected requests: forward whole, wait for the answer, close without answering. */
        public Builder dropAnswerFraction(double fraction) {
            this.dropAnswerFraction = fraction;
            return this;
        }

        /** The {@code n}-th selected request: forward it whole, wait for the answer, answer {@code 502} instead. */
        public Builder badGatewayNth(int n) {
            byNumber.add(new NthFault(n, Fault.BAD_GATEWAY, 0, Duration.ZERO, Hold.NONE));
            return this;
        }

        /** A share of selected requests: forward whole, wait for the answer, answer {@code 502} instead. */
        public Builder badGatewayFraction(double fraction) {
            this.badGatewayFraction = fraction;
            return this;
        }

        /** The {@code n}-th selected request is held {@code delay} before it is forwarded, and otherwise unchanged. */
        public Builder delayNth(int n, Duration delay) {
            byNumber.add(new NthFault(n, Fault.NONE, 0, delay, Hold.NONE));
            return this;
        }

        /**
         * The {@code n}-th selected request is held until {@link FaultProxy#release()}, and otherwise unchanged:
         * the client has sent it and waits for its answer for as long as the test needs. Wait for the hold with
         * {@link FaultProxy#awaitHeld(Duration)}.
         */
        public Builder holdNth(int n) {
            byNumber.add(new NthFault(n, Fault.NONE, 0, Duration.ZERO, Hold.UNTIL_RELEASED));
            return this;
        }

        /** @param ceiling a held request never released is forwarded once held this long (default 60 s) */
        public Builder holdCeiling(Duration ceiling) {
            this.holdCeiling = Objects.requireNonNull(ceiling, "ceiling");
            return this;
        }

        /** Every selected request without a fault by number is held {@code delay} before it is forwarded. */
        public Builder delay(Duration delay) {
            this.delay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /** @param seed the seed of the fractions' draws */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** @param timeout a read from client or server waiting longer fails its connection (default 60 s) */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** @param lifetime the proxy closes itself this long after it started (default 30 min) */
        public Builder maxLifetime(Duration lifetime) {
            this.maxLifetime = Objects.requireNonNull(lifetime, "lifetime");
            return this;
        }

        /** @return the plan */
        public Plan build() {
            return new Plan(method, path, byNumber, cutBodyFraction, cutAfterBytes, dropAnswerFraction,
                    badGatewayFraction, delay, seed, idleTimeout, maxLifetime, holdCeiling);
        }
    }

    private final InetSocketAddress upstream;
    private final ServerSocket server;
    private final ThreadPoolExecutor workers;
    private final Thread acceptor;
    private final Thread reaper;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong requests = new AtomicLong();
    private final HeldRequests held = new HeldRequests();
    private volatile Plan plan;
    private volatile AtomicLong selected = new AtomicLong();

    private FaultProxy(InetSocketAddress upstream, Plan plan) throws IOException {
        this.upstream = upstream;
        this.plan = plan;
        server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        AtomicInteger count = new AtomicInteger();
        workers = new ThreadPoolExecutor(MAX_CONNECTIONS, MAX_CONNECTIONS, 10, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1), runnable -> daemon(runnable, "vlmeta-fault-proxy-" + count.incrementAndGet()));
        workers.allowCoreThreadTimeOut(true);
        acceptor = daemon(this::accept, "vlmeta-fault-proxy-accept");
        reaper = daemon(() -> {
            try {
                Thread.sleep(plan.maxLifetime().toMillis());
                close();
            } catch (InterruptedException e) {
                // closed before its lifetime ended
            }
        }, "vlmeta-fault-proxy-lifetime");
        acceptor.start();
        reaper.start();
    }

    /**
     * Starts a proxy on a free loopback port in front of {@code upstreamBaseUrl}.
     *
     * @param upstreamBaseUrl e.g. {@link Emulator#baseUrl()}; {@code http} on a loopback address only
     * @param plan            the faults
     * @throws IllegalArgumentException when the server is not a plain-HTTP loopback server
     * @throws UncheckedIOException     when no port can be bound
     */
    public static FaultProxy start(String upstreamBaseUrl, Plan plan) {
        Objects.requireNonNull(plan, "plan");
        URI uri = URI.create(Objects.requireNonNull(upstreamBaseUrl, "upstreamBaseUrl"));
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("the proxied server must be http://HOST:PORT, not " + upstreamBaseUrl);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + uri.getHost(), e);
        }
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("the fault proxy forwards to loopback servers only, not " + uri.getHost());
        }
        try {
            return new FaultProxy(new InetSocketAddress(address, uri.getPort()), plan);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fault proxy: " + e.getMessage(), e);
        }
    }

    /** @return e.g. {@code http://127.0.0.1:41234}, without a trailing slash: give it to the client */
    public String baseUrl() {
        return "http://" + server.getInetAddress().getHostAddress() + ":" + port();
    }

    /** @return the port the proxy listens on */
    public int port() {
        return server.getLocalPort();
    }

    /** @return requests received since start, selected or not */
    public long requestCount() {
        return requests.get();
    }

    /** @return requests the plan selected since it was installed: the number the last one had */
    public long selectedCount() {
        return selected.get();
    }

    /**
     * Waits until at least one request is held ({@link Builder#holdNth(int)}) and not yet released.
     *
     * @param timeout the longest wait
     * @return true when a request is held, false when none was within {@code timeout}
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitHeld(Duration timeout) throws InterruptedException {
        return held.awaitAny(Objects.requireNonNull(timeout, "timeout"));
    }

    /** @return the requests held now, waiting for {@link #release()} */
    public int heldCount() {
        return held.count();
    }

    /**
     * Lets every request held now go on to the server; a request held after this call waits for the next
     * release.
     *
     * @return how many requests were let go, 0 when none was held
     */
    public int release() {
        return held.releaseAll();
    }

    /** Installs another plan; its request numbers count from this call. The lifetime stays the first plan's. */
    public void setPlan(Plan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.selected = new AtomicLong();
    }

    /** Stops at once: no more connections, and open ones are closed. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(server);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        workers.shutdownNow();
        reaper.interrupt();
    }

    private void accept() {
        while (!closed.get()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            try {
                workers.execute(() -> serve(client));
            } catch (RejectedExecutionException e) {
                closeQuietly(client);
            }
        }
    }

    private void serve(Socket client) {
        open.add(client);
        Socket server = null;
        try {
            int timeout = (int) Math.min(Integer.MAX_VALUE, plan.idleTimeout().toMillis());
            client.setSoTimeout(timeout);
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            RequestHead head = RequestHead.read(fromClient);
            if (head == null) {
                return;
            }
            requests.incrementAndGet();
            Plan current = plan;
            NthFault fault = current.selects(head.method(), head.path())
                    ? current.decide(selected.incrementAndGet())
                    : new NthFault(1, Fault.NONE, 0, Duration.ZERO, Hold.NONE);
            if (!fault.delay().isZero()) {
                Thread.sleep(fault.delay().toMillis());
            }
            if (fault.hold() == Hold.UNTIL_RELEASED) {
                held.holdUntilReleased(current.holdCeiling());
            }
            server = new Socket();
            open.add(server);
            server.connect(upstream, timeout);
            server.setSoTimeout(timeout);
            OutputStream toServer = server.getOutputStream();
            toServer.write(head.forwarded());
            long budget = fault.fault() == Fault.CUT_REQUEST_BODY ? fault.cutAfterBytes() : Long.MAX_VALUE;
            boolean whole = new BodyCopier(fromClient, toServer, budget).copy(head);
            toServer.flush();
            InputStream fromServer = new BufferedInputStream(server.getInputStream());
            if (!whole) {
                // the cut: the server sees the body end early; wait until it has dealt with it
                server.shutdownOutput();
                fromServer.transferTo(OutputStream.nullOutputStream());
                return;
            }
            switch (fault.fault()) {
                case DROP_ANSWER -> fromServer.transferTo(OutputStream.nullOutputStream());
                case BAD_GATEWAY -> {
                    fromServer.transferTo(OutputStream.nullOutputStream());
                    client.getOutputStream().write(badGateway());
                    client.getOutputStream().flush();
                }
                default -> relayAnswer(fromServer, client.getOutputStream());
            }
        } catch (IOException e) {
            // a side went away or timed out: the connection ends, as it would through a real proxy
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (server != null) {
                closeQuietly(server);
                open.remove(server);
            }
            closeQuietly(client);
            open.remove(client);
        }
    }

    /** Copies the server's answer with its {@code Connection} headers replaced by {@code Connection: close}. */
    private static void relayAnswer(InputStream fromServer, OutputStream toClient) throws IOException {
        List<String> lines = readHeadLines(fromServer);
        if (lines == null) {
            return;
        }
        StringBuilder head = new StringBuilder();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && HOP_BY_HOP.contains(line.substring(0, colon).trim().toLowerCase(Locale.ROOT))) {
                continue;
            }
            head.append(line).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        toClient.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        fromServer.transferTo(toClient);
        toClient.flush();
    }

    private static byte[] badGateway() {
        byte[] body = GatewayPages.BAD_GATEWAY_HTML;
        String head = "HTTP/1.1 502 Bad Gateway\r\nServer: nginx\r\nContent-Type: text/html\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** @return the lines of a head up to the empty line, or {@code null} at the end of the stream before any byte */
    static List<String> readHeadLines(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        int b;
        boolean any = false;
        while ((b = in.read()) >= 0) {
            any = true;
            if (++total > MAX_HEAD_BYTES) {
                throw new IOException("head longer than " + MAX_HEAD_BYTES + " bytes");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
        }
        if (!any) {
            return null;
        }
        throw new IOException("the stream ended inside a head");
    }

    /**
     * A request's head as the client sent it, and as it is forwarded (with {@code Connection: close}).
     *
     * @param contentLength the body's length, {@code -1} without one
     */
    record RequestHead(String method, String path, long contentLength, boolean chunked, byte[] forwarded) {

        /** @return the head, or {@code null} when the client closed without sending one */
        static RequestHead read(InputStream in) throws IOException {
            List<String> lines = readHeadLines(in);
            if (lines == null || lines.isEmpty()) {
                return null;
            }
            String[] requestLine = lines.get(0).split(" ");
            if (requestLine.length != 3) {
                throw new IOException("not an HTTP request line: " + lines.get(0));
            }
            String target = requestLine[1];
            int query = target.indexOf('?');
            String path = query < 0 ? target : target.substring(0, query);
            long contentLength = -1;
            boolean chunked = false;
            StringBuilder forwarded = new StringBuilder(lines.get(0)).append("\r\n");
            for (String line : lines.subList(1, lines.size())) {
                int colon = line.indexOf(':');
                String name = colon < 0 ? line : line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = colon < 0 ? "" : line.substring(colon + 1).trim();
                if (HOP_BY_HOP.contains(name)) {
                    continue;
                }
                if (name.equals("content-length")) {
                    try {
                        contentLength = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new IOException("bad Content-Length: " + value);
                    }
                } else if (name.equals("transfer-encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                }
                forwarded.append(line).append("\r\n");
            }
            forwarded.append("Connection: close\r\n\r\n");
            return new RequestHead(requestLine[0], path, contentLength, chunked,
                    forwarded.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** Copies a request body as it is framed (length or chunks), stopping after a byte budget. */
    private static final class BodyCopier {
        private final InputStream in;
        private final OutputStream out;
        private long budget;
        private final byte[] buffer = new byte[64 * 1024];

        BodyCopier(InputStream in, OutputStream out, long budget) {
            this.in = in;
            this.out = out;
            this.budget = budget;
        }

        /** @return true when the whole body was forwarded, false when the budget cut it */
        boolean copy(RequestHead head) throws IOException {
            if (head.chunked()) {
                return copyChunks();
            }
            return head.contentLength() <= 0 || copyExactly(head.contentLength());
        }

        private boolean copyExactly(long length) throws IOException {
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("the client's body ended early");
                }
                if (!write(buffer, n)) {
                    return false;
                }
                left -= n;
            }
            return true;
        }

        private boolean copyChunks() throws IOException {
            while (true) {
                String sizeLine = line();
                if (!write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1))) {
                    return false;
                }
                int semicolon = sizeLine.indexOf(';');
                long size;
                try {
                    size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size: " + sizeLine);
                }
                if (size == 0) {
                    String trailer;
                    do {
                        trailer = line();
                        if (!write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1))) {
                            return false;
                        }
                    } while (!trailer.isEmpty());
                    return true;
                }
                if (!copyExactly(size + 2)) {
                    return false;
                }
            }
        }

        private String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (line.size() > 4096) {
                    throw new IOException("chunk line too long");
                }
                line.write(b);
            }
            if (b < 0) {
                throw new IOException("the client's body ended early");
            }
            String text = line.toString(StandardCharsets.ISO_8859_1);
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }

        private boolean write(byte[] bytes) throws IOException {
            return write(bytes, bytes.length);
        }

        /** @return false when the budget ran out: only the bytes within it were written */
        private boolean write(byte[] bytes, int length) throws IOException {
            if (length > budget) {
                out.write(bytes, 0, (int) budget);
                budget = 0;
                return false;
            }
            out.write(bytes, 0, length);
            budget -= length;
            return true;
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}

package io.vlmeta.sinks.visuallayer;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.Plural;
import io.vlmeta.api.UriRedaction;
import io.vlmeta.api.VlmetaException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one place every call to the server goes through: pooled connections with connect (TCP and TLS
 * handshake alike) and read timeouts, Resilience4j retry (I/O errors, 408, 429 and 5xx, honouring
 * {@code Retry-After}; never other 4xx, never an unknown host, never a refused connection or an unanswered
 * TLS handshake before the server ever answered ({@link TlsHandshakeTimeout}), never a certificate Java
 * does not trust or that is for another host ({@link CertificateRefusal}), never a plain HTTP answer to
 * TLS ({@link NoTlsAnswer})), and the bearer token, minted again once after a 401. A request that is not
 * {@linkplain ApiCall#repeatable() repeatable} is never sent again once it may have been processed: a
 * lost answer or a 5xx comes back {@linkplain ApiResponse#inDoubt() in doubt} for the caller to settle.
 * On premises (no token source) requests carry no {@code Authorization} header at all.
 */
final class HttpTransport implements AutoCloseable {
    private final CloseableHttpClient client;
    private final JwtTokens tokens;
    private final SinkOptions options;
    private final RetryDelays delays;
    private final Consumer<String> log;
    private final String server;
    private final String basicAuth;
    /** TLS set up on the first https connection, not for a plain http server */
    private final LazyTlsStrategy tls;
    /** Set by the first answer: a refused connection after it is a server restarting, worth retrying. */
    private final AtomicBoolean reached = new AtomicBoolean();

    /**
     * @param tokens      the token source; {@code null} on premises
     * @param connections pooled connections (one per field uploaded at once, and a few more)
     */
    HttpTransport(String server, JwtTokens tokens, SinkOptions options, int connections, Consumer<String> log) {
        this(server, null, tokens, options, connections, log);
    }

    /**
     * @param userInfo {@code user:password} (percent-encoded) from the base URL, sent as HTTP Basic
     *                 credentials on premises; {@code null} for none
     */
    HttpTransport(String server, String userInfo, JwtTokens tokens, SinkOptions options, int connections,
                  Consumer<String> log) {
        this.basicAuth = userInfo == null || tokens != null ? null : "Basic " + java.util.Base64.getEncoder()
                .encodeToString(java.net.URLDecoder.decode(userInfo, java.nio.charset.StandardCharsets.UTF_8)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        this.server = UriRedaction.server(server);
        this.tokens = tokens;
        this.options = options;
        this.delays = new RetryDelays(options.retryBaseDelay(), options.retryMaxDelay());
        this.log = log;
        Timeout requestTimeout = Timeout.ofMilliseconds(options.requestTimeout().toMillis());
        Timeout connectTimeout = Timeout.ofMilliseconds(options.connectTimeout().toMillis());
        this.tls = new LazyTlsStrategy();
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections)
                        .setTlsSocketStrategy(tls)
                        // the connect timeout covers the TCP connect only, and the handshake's reads would wait
                        // for the socket timeout of 3 minutes: a server that takes the connection and never
                        // answers the handshake is given as long as one that never takes it
                        .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(connectTimeout).build())
                        // 64 KB instead of 8 KB: a batch goes to the socket, and an export comes from it,
                        // in an eighth of the system calls
                        .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                                .http1Config(Http1Config.custom().setBufferSize(BatchFileBody.BLOCK).build())
                                .build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connectTimeout)
                                .setSocketTimeout(requestTimeout)
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(requestTimeout).build())
                .disableAutomaticRetries() // retries are ours, with backoff and Retry-After
                .setUserAgent("vlmeta")
                .build();
    }

    /**
     * Sends a call, retrying as the policy says.
     *
     * @return the final answer, which may be an error status the caller turns into a message
     * @throws VlmetaException ({@link ErrorCode#SERVER}) when the server cannot be reached after the retries
     */
    ApiResponse send(ApiCall call) {
        AtomicReference<String> tokenUsed = new AtomicReference<>();
        ApiResponse response = sendWithRetry(call, tokenUsed);
        if (response.status() == 401 && tokens != null) {
            // the token may have aged out on the server's clock: one fresh token, once
            tokens.refused(tokenUsed.get());
            int before = response.attempts();
            response = sendWithRetry(call, tokenUsed);
            response = response.withAttempts(before + response.attempts());
        }
        return response;
    }

    private ApiResponse sendWithRetry(ApiCall call, AtomicReference<String> tokenUsed) {
        AtomicInteger attempts = new AtomicInteger();
        int maxAttempts = options.retryMaxAttempts();
        RetryConfig config = RetryConfig.<ApiResponse>custom()
                .maxAttempts(maxAttempts)
                .retryOnResult(response -> call.repeatable() ? response.retryable() : response.notHandled())
                // an unsafe request is repeated after an I/O error only when it never left (see unsent)
                .retryOnException(e -> e instanceof IOException && !(e instanceof ClientProtocolException))
                .failAfterMaxAttempts(false)
                .intervalBiFunction((attempt, outcome) -> {
                    long wait = outcome.isLeft() ? delays.backoffMillis(attempt)
                            : delays.millisAfter(attempt, outcome.get());
                    String why = outcome.isLeft() ? "failed (" + describe(outcome.getLeft()) + ")"
                            : "got " + outcome.get().status();
                    log.accept(String.format(Locale.ROOT, "The %s %s; retrying in %.1f s (attempt %d of %d).",
                            call.what(), why, wait / 1000.0, attempt + 1, maxAttempts));
                    return wait;
                })
                .build();
        Retry retry = Retry.of("visual-layer", config);
        try {
            ApiResponse response = retry.executeCheckedSupplier(() -> {
                attempts.incrementAndGet();
                try {
                    ApiResponse answer = execute(call, tokenUsed);
                    reached.set(true);
                    return answer;
                } catch (UnknownHostException e) {
                    throw unreachable(e, "cannot find the host '" + e.getMessage() + "'");
                } catch (NoTlsAnswer e) {
                    throw noTls(e, call);
                } catch (TlsHandshakeTimeout e) {
                    if (!reached.get()) {
                        // the first request: not a TLS server, or not one that answers; retries would only wait
                        throw silentHandshake(e, call);
                    }
                    throw e; // a busy server later in the run: never sent, so repeated as a connect timeout is
                } catch (ConnectException | ConnectTimeoutException e) {
                    if (!reached.get()) {
                        // the first request: a server that is not there will not appear in 16 s of retries
                        throw unreachable(e, e instanceof ConnectException ? "connection refused" : "no answer to connect");
                    }
                    throw e; // never sent: safe to repeat, also for an upload
                } catch (IOException e) {
                    // before any request left, and no retry would change it: also settles an upload at once
                    VlmetaException refused = CertificateRefusal.of(e, server, call.what()).orElse(null);
                    if (refused != null) {
                        throw refused;
                    }
                    if (!call.repeatable()) {
                        return ApiResponse.lost(describe(e), attempts.get());
                    }
                    throw e;
                }
            });
            return response.attempts() == 0 ? response.withAttempts(attempts.get()) : response;
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.SERVER, "Could not reach the Visual Layer server at " + server
                    + " for the " + call.what() + " after " + Plural.count(attempts.get(), "attempt") + ": " + describe(e)
                    + ".", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new VlmetaException(ErrorCode.INTERNAL, "The " + call.what() + " failed: " + e, e);
        }
    }

    private VlmetaException unreachable(IOException e, String why) {
        return new VlmetaException(ErrorCode.SERVER, "Cannot reach the Visual Layer server at " + server + " (" + why
                + "): is the server running at " + server + "?", e);
    }

    /** An https:// URL for a server that answered in plain HTTP: stops the run, naming the http:// URL to try. */
    private VlmetaException noTls(NoTlsAnswer e, ApiCall call) {
        return new VlmetaException(ErrorCode.SERVER, "The Visual Layer server at " + server + " answered in plain "
                + "HTTP, not TLS, so the " + call.what() + " was not sent; trying again would not change that. It "
                + "serves http, not https: use the base URL " + ServerUrls.overPlainHttp(server) + " instead.", e);
    }

    /** A first request whose server took the connection and never answered the handshake. */
    private VlmetaException silentHandshake(TlsHandshakeTimeout e, ApiCall call) {
        return new VlmetaException(ErrorCode.SERVER, "Cannot reach the Visual Layer server at " + server + " ("
                + e.getMessage() + ", connect-timeout-ms), so the " + call.what() + " was not sent: it took the "
                + "connection but said nothing. Is the server running at " + server + ", and does it serve https? "
                + "If it serves plain http, use the base URL " + ServerUrls.overPlainHttp(server) + " instead.", e);
    }

    private ApiResponse execute(ApiCall call, AtomicReference<String> tokenUsed) throws IOException {
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(call.method()).setUri(call.uri());
        if (call.body() != null) {
            builder.setEntity(call.body().get());
        }
        ClassicHttpRequest request = builder.build();
        if (basicAuth != null) {
            request.setHeader("Authorization", basicAuth);
        } else if (tokens != null) {
            String token = tokens.current();
            tokenUsed.set(token);
            request.setHeader("Authorization", "Bearer " + token);
        }
        return client.execute(request, response -> read(call, response));
    }

    private static ApiResponse read(ApiCall call, ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        Header retryAfter = response.getFirstHeader("Retry-After");
        HttpEntity entity = response.getEntity();
        byte[] body = new byte[0];
        if (entity != null) {
            if (call.downloadTo() != null && status >= 200 && status < 300) {
                try (InputStream in = entity.getContent()) {
                    BodyFile.save(in, call.downloadTo());
                }
            } else {
                body = EntityUtils.toByteArray(entity);
            }
        }
        return new ApiResponse(status, body, retryAfter == null ? null : retryAfter.getValue(), 0);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** @return whether any connection used TLS (so the trust store was read) */
    boolean tlsSetUp() {
        return tls.made();
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // closing pooled connections on exit: nothing left to do about a failure
        }
    }
}

package io.vlmeta.sinks.visuallayer;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.ErrorKind;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.emulator.Emulator;
import io.vlmeta.emulator.EmulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TLS is set up on the first {@code https} connection only: a plain {@code http} server costs no trust
 * store, and an {@code https} server still meets the JDK's default trust and host checks, whose
 * refusal is final: one connection, no retry.
 */
class HttpTransportTlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final String TRUST_STORE = "javax.net.ssl.trustStore";

    @TempDir
    Path dir;

    /** one attempt, so a plain http request needs no retry setting */
    private static SinkOptions oneAttempt() {
        return attempts(1);
    }

    /** the default six attempts, with delays short enough that a retried handshake would show in the count */
    private static SinkOptions attempts(int attempts) {
        return attempts(attempts, Duration.ofSeconds(5));
    }

    /** @param connectTimeout {@code connect-timeout-ms}, which bounds the TLS handshake too */
    private static SinkOptions attempts(int attempts, Duration connectTimeout) {
        return new SinkOptions(attempts, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(50),
                Duration.ofMillis(100), connectTimeout, Duration.ofSeconds(10), 2, Duration.ofSeconds(1),
                Duration.ofSeconds(1), false);
    }

    @Test
    void aPlainHttpServerIsReachedWithoutSettingUpTls() {
        try (Emulator emulator = Emulator.start(EmulatorConfig.builder().build())) {
            emulator.addDataset("ds", List.of("images/a.jpg"));
            try (HttpTransport transport = new HttpTransport(emulator.baseUrl(), null, oneAttempt(), 2, line -> { })) {
                ApiResponse response = transport.send(ApiCall.get("dataset lookup",
                        URI.create(emulator.baseUrl() + "/api/v1/dataset/ds")));

                assertThat(response.status()).isEqualTo(200);
                assertThat(transport.tlsSetUp()).isFalse();
            }
        }
    }

    @Test
    void aCertificateTheJdkDoesNotTrustFailsAtOnceWithWhatToDoAndNoCredentials() throws Exception {
        TlsServer tls = selfSignedServer("ip:127.0.0.1");
        String server = "https://127.0.0.1:" + tls.port();
        try (HttpTransport transport = new HttpTransport(server, "vl-user:s3cret-pass", null, attempts(6), 2,
                line -> { })) {
            URI uri = URI.create(server + "/api/v1/dataset/ds");

            assertThatThrownBy(() -> transport.send(ApiCall.get("dataset lookup", uri)))
                    .isInstanceOf(VlmetaException.class)
                    .hasMessageStartingWith("The Visual Layer server at " + server + " presented a TLS certificate "
                            + "that Java does not trust (no certificate authority Java trusts signed it), ")
                    .hasMessageContaining("so the dataset lookup was not sent; trying again would not change that.")
                    .hasMessageContaining("VLMETA_JAVA_OPTS='-Djavax.net.ssl.trustStore=/path/to/truststore.p12 "
                            + "-Djavax.net.ssl.trustStorePassword=PASSWORD'")
                    .hasMessageNotContaining("s3cret-pass").hasMessageNotContaining("vl-user")
                    .extracting(e -> ((VlmetaException) e).code()).isEqualTo(ErrorCode.SERVER);
            assertThat(settled(tls.handshakes(), 1)).as("TLS connections the server saw").isEqualTo(1);
            assertThat(transport.tlsSetUp()).isTrue();
        } finally {
            tls.server().stop(0);
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostFailsAtOnceNamingTheMismatch() throws Exception {
        TlsServer tls = selfSignedServer("dns:elsewhere.example");
        String server = "https://127.0.0.1:" + tls.port();
        // what the refusal advises, so that the certificate is trusted and only its host name is wrong
        Map<String, String> before = trust(trustStoreOf(tls.keystore()));
        try (HttpTransport transport = new HttpTransport(server, null, attempts(6), 2, line -> { })) {
            URI uri = URI.create(server + "/api/v1/dataset/ds");

            assertThatThrownBy(() -> transport.send(ApiCall.get("dataset lookup", uri)))
                    .isInstanceOf(VlmetaException.class)
                    .hasMessageStartingWith("The Visual Layer server at " + server + " presented a TLS certificate "
                            + "that does not match its host name (")
                    .hasMessageContaining("Check that the URL names the server by the host name its certificate "
                            + "is for.");
            assertThat(settled(tls.handshakes(), 1)).as("TLS connections the server saw").isEqualTo(1);
        } finally {
            trust(before);
            tls.server().stop(0);
        }
    }

    @Test
    void theTrustStoreTheRefusalAdvisesLetsTheRequestThrough() throws Exception {
        TlsServer tls = selfSignedServer("ip:127.0.0.1");
        String server = "https://127.0.0.1:" + tls.port();
        Map<String, String> before = trust(trustStoreOf(tls.keystore()));
        try (HttpTransport transport = new HttpTransport(server, null, attempts(6), 2, line -> { })) {
            ApiResponse response = transport.send(ApiCall.get("dataset lookup",
                    URI.create(server + "/api/v1/dataset/ds")));

            assertThat(response.status()).isEqualTo(200);
        } finally {
            trust(before);
            tls.server().stop(0);
        }
    }

    @Test
    void aTrustStoreJavaCannotUseFailsAtOnceAsTheUsersErrorWithExitCode1NamingItWithoutItsPassword() throws Exception {
        TlsServer tls = selfSignedServer("ip:127.0.0.1");
        String server = "https://127.0.0.1:" + tls.port();
        Path garbage = Files.writeString(dir.resolve("not a store.p12"), "not a key store");
        Path good = Path.of(trustStoreOf(tls.keystore()).get(TRUST_STORE));
        List<Map<String, String>> brokenStores = List.of(
                Map.of(TRUST_STORE, garbage.toString(), TRUST_STORE + "Password", "pa55-word"),
                Map.of(TRUST_STORE, good.toString(), TRUST_STORE + "Password", "wrong-pa55-word"));
        try {
            for (Map<String, String> store : brokenStores) {
                Map<String, String> before = trust(store);
                int handshakesBefore = settled(tls.handshakes(), 0);
                try (HttpTransport transport = new HttpTransport(server, null, attempts(6), 2, line -> { })) {
                    URI uri = URI.create(server + "/api/v1/dataset/ds");

                    assertThatThrownBy(() -> transport.send(ApiCall.get("dataset lookup", uri)))
                            .as(store.toString())
                            .isInstanceOf(VlmetaException.class)
                            .hasMessageStartingWith("Java could not use the trust store "
                                    + store.get(TRUST_STORE) + " (-Djavax.net.ssl.trustStore) to check the certificate "
                                    + "of the Visual Layer server at " + server)
                            .hasMessageContaining("; so the dataset lookup was not sent.")
                            .hasMessageContaining("Give the path of the file keytool -importcert wrote and its "
                                    + "password (-Djavax.net.ssl.trustStorePassword), or leave both out")
                            .hasMessageNotContaining("pa55-word").hasMessageNotContaining("\n")
                            .extracting(e -> ((VlmetaException) e).code())
                            .isEqualTo(new ErrorCode("TRUST_STORE_UNUSABLE", ErrorKind.USER, 1));
                    // the refusal comes on the connection's first and only attempt, before its handshake
                    assertThat(settled(tls.handshakes(), handshakesBefore + 1) - handshakesBefore)
                            .as("TLS connections: none retried").isEqualTo(1);
                } finally {
                    trust(before);
                }
            }
        } finally {
            tls.server().stop(0);
        }
    }

    @Test
    void aMissingTrustStoreIsPassedOverAsJavaDoesAndARefusalSaysSo() throws Exception {
        TlsServer tls = selfSignedServer("ip:127.0.0.1");
        String server = "https://127.0.0.1:" + tls.port();
        Path missing = dir.resolve("no such store.p12");
        // Java reads its own cacerts instead, which do not hold this self-signed certificate
        Map<String, String> before = trust(Map.of(TRUST_STORE, missing.toString(), TRUST_STORE + "Password", "pw"));
        try (HttpTransport transport = new HttpTransport(server, null, attempts(6), 2, line -> { })) {
            URI uri = URI.create(server + "/api/v1/dataset/ds");

            assertThatThrownBy(() -> transport.send(ApiCall.get("dataset lookup", uri)))
                    .isInstanceOf(VlmetaException.class)
                    .hasMessageStartingWith("The Visual Layer server at " + server + " presented a TLS certificate "
                            + "that Java does not trust (no certificate authority Java trusts signed it), ")
                    .hasMessageContaining("trying again would not change that. Java did not read the trust store "
                            + missing + " given with -Djavax.net.ssl.trustStore (there is no such file) and used its "
                            + "own certificate authorities instead. Check that")
                    .extracting(e -> ((VlmetaException) e).code()).isEqualTo(ErrorCode.SERVER);
            assertThat(settled(tls.handshakes(), 1)).as("TLS connections the server saw").isEqualTo(1);
        } finally {
            trust(before);
            tls.server().stop(0);
        }
    }

    @Test
    void aServerThatTakesTheConnectionButNeverAnswersTheHandshakeFailsAtOnceWithinTheConnectTimeout()
            throws Exception {
        try (SilentServer silent = SilentServer.start()) {
            String server = "https://127.0.0.1:" + silent.port();
            List<String> log = new CopyOnWriteArrayList<>();
            try (HttpTransport transport = new HttpTransport(server, "vl-user:s3cret-pass", null,
                    attempts(6, Duration.ofMillis(500)), 2, log::add)) {
                URI uri = URI.create(server + "/api/v1/dataset/ds");
                long start = System.nanoTime();

                assertThatThrownBy(() -> transport.send(ApiCall.get("dataset lookup", uri)))
                        .isInstanceOf(VlmetaException.class)
                        .hasMessage("Cannot reach the Visual Layer server at " + server + " (no answer to the TLS "
                                + "handshake within 0.5 s, connect-timeout-ms), so the dataset lookup was not sent: it "
                                + "took the connection but said nothing. Is the server running at " + server + ", and "
                                + "does it serve https? If it serves plain http, use the base URL http://127.0.0.1:"
                                + silent.port() + " instead.")
                        .extracting(e -> ((VlmetaException) e).code()).isEqualTo(ErrorCode.SERVER);
                // without a handshake timeout the socket's 3 minutes applied, once for each of six attempts
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
                assertThat(settled(silent.connections(), 1)).as("connections: none retried").isEqualTo(1);
                assertThat(log).as("retry lines").isEmpty();
            }
        }
    }

    @Test
    void aPlainHttpServerAnsweringTheHandshakeFailsAtOnceSuggestingTheHttpUrlWithoutCredentials() throws Exception {
        try (PlainHttpServer plain = PlainHttpServer.start()) {
            String server = "https://127.0.0.1:" + plain.port();
            List<String> log = new CopyOnWriteArrayList<>();
            try (HttpTransport transport = new HttpTransport(server, "vl-user:s3cret-pass", null, attempts(6), 2,
                    log::add)) {
                URI uri = URI.create(server + "/api/v1/dataset/ds");

                assertThatThrownBy(() -> transport.send(ApiCall.get("dataset lookup", uri)))
                        .isInstanceOf(VlmetaException.class)
                        .hasMessage("The Visual Layer server at " + server + " answered in plain HTTP, not TLS, so the "
                                + "dataset lookup was not sent; trying again would not change that. It serves http, "
                                + "not https: use the base URL http://127.0.0.1:" + plain.port() + " instead.")
                        .extracting(e -> ((VlmetaException) e).code()).isEqualTo(ErrorCode.SERVER);
                assertThat(settled(plain.connections(), 1)).as("connections: none retried").isEqualTo(1);
                assertThat(log).as("retry lines").isEmpty();
            }
        }
    }

    @Test
    void theEmulatorReachedByHttpsFailsAtOnceSuggestingTheHttpUrlThatWorks() {
        try (Emulator emulator = Emulator.start(EmulatorConfig.builder().build())) {
            emulator.addDataset("ds", List.of("images/a.jpg"));
            String server = emulator.baseUrl().replace("http://", "https://");
            List<String> log = new CopyOnWriteArrayList<>();
            try (HttpTransport transport = new HttpTransport(server, null, attempts(6, Duration.ofMillis(500)), 2,
                    log::add)) {
                URI uri = URI.create(server + "/api/v1/dataset/ds");

                // the JDK's HTTP server waits for the end of a request line that the handshake's bytes rarely
                // hold, so this is mostly silence and now and then a 400 answer: both suggest the http URL
                assertThatThrownBy(() -> transport.send(ApiCall.get("dataset lookup", uri)))
                        .isInstanceOf(VlmetaException.class)
                        .hasMessageContaining("use the base URL " + emulator.baseUrl() + " instead.")
                        .extracting(e -> ((VlmetaException) e).code()).isEqualTo(ErrorCode.SERVER);
                assertThat(log).as("retry lines").isEmpty();
            }
            try (HttpTransport transport = new HttpTransport(emulator.baseUrl(), null, oneAttempt(), 2, line -> { })) {
                assertThat(transport.send(ApiCall.get("dataset lookup",
                        URI.create(emulator.baseUrl() + "/api/v1/dataset/ds"))).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void aHandshakeUnansweredLaterInARunIsRetriedLikeAConnectTimeoutAnUploadToo() throws Exception {
        Path keystore = selfSignedKeystore("ip:127.0.0.1");
        Map<String, String> before = trust(trustStoreOf(keystore));
        // the first connection answers, the second and third say nothing, the rest answer
        try (ScriptedTlsServer tls = ScriptedTlsServer.start(serverContext(keystore), Set.of(2, 3))) {
            String server = "https://127.0.0.1:" + tls.port();
            List<String> log = new CopyOnWriteArrayList<>();
            try (HttpTransport transport = new HttpTransport(server, null, attempts(6, Duration.ofMillis(500)), 2,
                    log::add)) {
                ApiResponse first = transport.send(ApiCall.get("dataset lookup",
                        URI.create(server + "/api/v1/dataset/ds")));
                ApiResponse upload = transport.send(new ApiCall("upload", "POST",
                        URI.create(server + "/api/v1/datasets/ds/custom_metadata/tasks/t1"),
                        () -> new StringEntity("{}", ContentType.APPLICATION_JSON), null, false));

                assertThat(first.status()).isEqualTo(200);
                assertThat(upload.status()).isEqualTo(200);
                assertThat(upload.attempts()).isEqualTo(3);
                assertThat(log).containsExactly(
                        "The upload failed (no answer to the TLS handshake within 0.5 s); retrying in 0.0 s (attempt 2 "
                                + "of 6).",
                        "The upload failed (no answer to the TLS handshake within 0.5 s); retrying in 0.0 s (attempt 3 "
                                + "of 6).");
                assertThat(tls.requests()).as("requests the server read").hasValue(2);
            }
        } finally {
            trust(before);
        }
    }

    /**
     * The server counts a connection on its dispatcher thread, after the client may already have given up
     * on it: a refusal made before the handshake (an unusable trust store) can return before the server has
     * counted the connection it was made on, and on a busy machine that count can come late enough to land
     * on the next attempt's tally. So the count is first awaited up to what the client surely caused, then
     * watched for more.
     *
     * @param atLeast the connections the client made for certain
     * @return the count once it has reached {@code atLeast} and then not changed for half a second (at most
     *     30 seconds of waiting)
     */
    static int settled(AtomicInteger count, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count.get() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        int seen = count.get();
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            int now = count.get();
            if (now == seen) {
                return now;
            }
            seen = now;
        }
        return seen;
    }

    /**
     * Sets the JDK's trust store properties, read by each TLS set-up made after it.
     *
     * @param properties values by name; a {@code null} value clears the property
     * @return the values they had, to give back to this method
     */
    private static Map<String, String> trust(Map<String, String> properties) {
        Map<String, String> before = new HashMap<>();
        properties.forEach((name, value) -> {
            before.put(name, System.getProperty(name));
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
        return before;
    }

    /** @return the trust store properties for a store holding the server's certificate, made as a user would */
    private Map<String, String> trustStoreOf(Path serverKeystore) throws Exception {
        Path certificate = dir.resolve("server.cer");
        Path trustStore = dir.resolve("truststore.p12");
        keytool("-exportcert", "-keystore", serverKeystore.toString(), "-storepass", new String(PASSWORD),
                "-alias", "server", "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-keystore", trustStore.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-alias", "server", "-file", certificate.toString());
        return Map.of(TRUST_STORE, trustStore.toString(), TRUST_STORE + "Password", new String(PASSWORD));
    }

    private void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("keytool.log").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("keytool.log"))).isZero();
    }

    private record TlsServer(HttpsServer server, Path keystore, AtomicInteger handshakes) {
        int port() {
            return server.getAddress().getPort();
        }
    }

    /**
     * An https server on a free port with a fresh self-signed certificate made by keytool, counting the
     * connections it sets TLS up for.
     *
     * @param san the certificate's subject alternative name, e.g. {@code ip:127.0.0.1}
     */
    /** @return a fresh PKCS#12 key store made by keytool, holding a self-signed certificate for {@code san} */
    private Path selfSignedKeystore(String san) throws Exception {
        Path keystore = dir.resolve("server.p12");
        keytool("-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass",
                new String(PASSWORD), "-alias", "server", "-keyalg", "EC", "-dname",
                "CN=" + san.substring(san.indexOf(':') + 1), "-ext", "san=" + san, "-validity", "2");
        return keystore;
    }

    /** @return a server's TLS context presenting the key store's certificate */
    private static SSLContext serverContext(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private TlsServer selfSignedServer(String san) throws Exception {
        Path keystore = selfSignedKeystore(san);
        SSLContext context = serverContext(keystore);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger handshakes = new AtomicInteger();
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                handshakes.incrementAndGet(); // once for each connection, before its handshake
                super.configure(params);
            }
        });
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return new TlsServer(server, keystore, handshakes);
    }
}

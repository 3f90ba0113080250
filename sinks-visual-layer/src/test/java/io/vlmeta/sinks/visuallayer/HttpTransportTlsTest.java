package io.vlmeta.sinks.visuallayer;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.emulator.Emulator;
import io.vlmeta.emulator.EmulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TLS is set up on the first {@code https} connection only: a plain {@code http} server costs no trust
 * store, and an {@code https} server still meets the JDK's default trust and host checks.
 */
class HttpTransportTlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    /** one attempt, so a refused handshake fails at once */
    private static SinkOptions oneAttempt() {
        return new SinkOptions(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(50),
                Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(10), 2, Duration.ofSeconds(1),
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
    void anHttpsServerWhoseCertificateTheJdkDoesNotTrustIsRefused() throws Exception {
        HttpsServer server = selfSignedServer();
        try (HttpTransport transport = new HttpTransport("https://127.0.0.1:" + server.getAddress().getPort(), null,
                oneAttempt(), 2, line -> { })) {
            URI uri = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/dataset/ds");

            assertThatThrownBy(() -> transport.send(ApiCall.get("dataset lookup", uri)))
                    .isInstanceOf(VlmetaException.class)
                    .hasMessageContaining("Could not reach the Visual Layer server at https://127.0.0.1:")
                    .hasMessageContaining("PKIX path building failed");
            assertThat(transport.tlsSetUp()).isTrue();
        } finally {
            server.stop(0);
        }
    }

    /** An https server on a free port with a fresh self-signed certificate for 127.0.0.1, made by keytool. */
    private HttpsServer selfSignedServer() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", new String(PASSWORD), "-alias", "server", "-keyalg", "EC",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2")
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("keytool.log"))).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}

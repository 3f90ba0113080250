package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload to an {@code https://} address that never gets as far as a request, through the command line:
 * what it exits with and the one line it prints. The emulator serves plain http only.
 */
class TlsSetUpFailuresTest {
    private static final String TRUST_STORE = "javax.net.ssl.trustStore";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    /** @return the run of an upload of the examples to the emulator's port, reached by {@code baseUrl} */
    private CliRun upload(String dataset, String baseUrl, String... more) throws IOException {
        EMULATOR.emulator().addDataset(dataset, Examples.filenames());
        List<String> args = new ArrayList<>(List.of("upload", "--csv", Examples.METADATA.toString(), "--dataset-id",
                dataset, "--base-url", baseUrl, "--state-dir", dir.resolve(dataset).toString(),
                "--sink-option", "retry-base-delay-ms=50"));
        args.addAll(List.of(more));
        args.addAll(Examples.typeFlags());
        return CliRun.of(Map.of(), dir, args.toArray(String[]::new));
    }

    @Test
    void aTrustStoreJavaCannotUseEndsTheRunWithExitCode1AndOneLineSayingWhatToFixWithoutItsPassword()
            throws IOException {
        Path garbage = Files.writeString(dir.resolve("truststore.p12"), "not a key store");
        Map<String, String> before = setProperties(Map.of(TRUST_STORE, garbage.toString(),
                TRUST_STORE + "Password", "pa55-word"));
        CliRun run;
        try {
            // the store is loaded on the first https connection, before its handshake: any listening port will do
            run = upload("trust", "https://127.0.0.1:" + EMULATOR.emulator().port());
        } finally {
            setProperties(before);
        }

        assertThat(run.exitCode()).as(run.both()).isEqualTo(1);
        assertThat(run.err()).as(run.both()).contains("Error: Java could not use the trust store " + garbage
                        + " (-Djavax.net.ssl.trustStore) to check the certificate of the Visual Layer server at "
                        + "https://127.0.0.1:" + EMULATOR.emulator().port() + ": not a ")
                .contains("Give the path of the file keytool -importcert wrote and its password "
                        + "(-Djavax.net.ssl.trustStorePassword), or leave both out to use Java's own certificate "
                        + "authorities.")
                .doesNotContain("pa55-word").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().lines().filter(line -> line.startsWith("Error:"))).as(run.both()).hasSize(1);
        assertThat(run.both()).doesNotContain("pa55-word");
    }

    @Test
    void anHttpsUrlForThePlainHttpEmulatorEndsTheRunWithExitCode1WithinTheConnectTimeoutNamingTheHttpUrl()
            throws IOException {
        String https = EMULATOR.emulator().baseUrl().replace("http://", "https://");
        long start = System.nanoTime();

        CliRun run = upload("plain", https, "--sink-option", "connect-timeout-ms=500");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(1);
        assertThat(run.err()).as(run.both()).contains("Error: ")
                .contains("use the base URL " + EMULATOR.emulator().baseUrl() + " instead.")
                .doesNotContain("retrying").doesNotContain("\tat ");
        assertThat(run.err().lines().filter(line -> line.startsWith("Error:"))).as(run.both()).hasSize(1);
        // the handshake was bounded by the connect timeout: before, it waited 3 minutes for an answer
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(90));
    }

    /**
     * Sets system properties, which the JDK's TLS set-up reads each time it is made.
     *
     * @param properties values by name; a {@code null} value clears the property
     * @return the values they had, to give back to this method
     */
    private static Map<String, String> setProperties(Map<String, String> properties) {
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
}

package io.vlmeta.sinks.visuallayer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * The trust store the user gave Java ({@code -Djavax.net.ssl.trustStore}, with its
 * {@code trustStoreType}, {@code trustStoreProvider} and {@code trustStorePassword}, as the JSSE
 * reference guide names them) that Java cannot read: a missing file, a file that is no key store of that
 * type, a wrong password. Java would not say so: it sets TLS up with no trusted certificate at all and
 * every handshake then fails as if the server's certificate were untrusted, which would send the user
 * to make the trust store they already gave. Found before the first TLS connection, and never retried.
 */
final class UnusableTrustStore extends IOException {
    private static final String TRUST_STORE = "javax.net.ssl.trustStore";

    private final String file;

    private UnusableTrustStore(String file, String reason, Throwable cause) {
        super(reason, cause);
        this.file = file;
    }

    /** @return the trust store's file as the property names it */
    String file() {
        return file;
    }

    /**
     * Loads the trust store the system properties name, as the JDK's default TLS set-up will.
     *
     * @throws UnusableTrustStore when one is named and cannot be loaded; the message is the reason (the
     *                            password is never in it)
     */
    static void check() throws UnusableTrustStore {
        String file = System.getProperty(TRUST_STORE);
        // unset: the JDK's own cacerts; NONE: a store that is no file (a PKCS#11 token)
        if (file == null || file.isEmpty() || file.equals("NONE")) {
            return;
        }
        String type = System.getProperty(TRUST_STORE + "Type", KeyStore.getDefaultType());
        String provider = System.getProperty(TRUST_STORE + "Provider", "");
        String password = System.getProperty(TRUST_STORE + "Password");
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            KeyStore store = provider.isEmpty() ? KeyStore.getInstance(type) : KeyStore.getInstance(type, provider);
            store.load(in, password == null ? null : password.toCharArray());
        } catch (NoSuchFileException e) {
            throw new UnusableTrustStore(file, "there is no such file", e);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse("");
            throw new UnusableTrustStore(file, "not a " + type + " key store it can open with the password given: "
                    + message, e);
        }
    }
}

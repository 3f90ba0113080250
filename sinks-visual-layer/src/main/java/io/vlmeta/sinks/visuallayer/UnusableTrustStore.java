package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.ErrorKind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;

/**
 * The trust store the user gave Java ({@code -Djavax.net.ssl.trustStore}, with its
 * {@code trustStoreType}, {@code trustStoreProvider} and {@code trustStorePassword}, as the JSSE
 * reference guide names them) that Java cannot use: a file that is no key store of that type, or one
 * whose password is wrong. Java would not say so: it sets TLS up with no trust manager at all and every
 * handshake then fails as if the server's certificate were untrusted, which would send the user to make
 * the trust store they already gave. Found before the first TLS connection, and never retried.
 *
 * <p>A trust store file that is missing or cannot be read is another matter: Java then uses its own
 * certificate authorities ({@code cacerts}) as if none had been given, and a server with a public
 * certificate is reached as before. Only when a certificate is then refused does the refusal say which
 * file was not read ({@link #unreadNote()}).
 *
 * <p>A refusal over such a store is {@link #CODE}: the user's to fix, and, like an input file that cannot be
 * read, exit code 1 (exit code 2 is for the command line's own options, which a Java option is not).
 */
final class UnusableTrustStore extends IOException {
    /** A trust store named with {@code -Djavax.net.ssl.trustStore} that Java cannot use: the user's, exit code 1. */
    static final ErrorCode CODE = new ErrorCode("TRUST_STORE_UNUSABLE", ErrorKind.USER, 1);

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
     * @throws UnusableTrustStore when one is named, can be read, and cannot be loaded; the message is the
     *                            reason (the password is never in it)
     */
    static void check() throws UnusableTrustStore {
        String file = namedFile();
        Path path = file == null ? null : Path.of(file);
        if (path == null || !Files.isRegularFile(path) || !Files.isReadable(path)) {
            return; // none named, or one Java passes over for its own cacerts
        }
        String type = System.getProperty(TRUST_STORE + "Type", KeyStore.getDefaultType());
        String provider = System.getProperty(TRUST_STORE + "Provider", "");
        String password = System.getProperty(TRUST_STORE + "Password");
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = provider.isEmpty() ? KeyStore.getInstance(type) : KeyStore.getInstance(type, provider);
            store.load(in, password == null ? null : password.toCharArray());
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // a file that is no key store at all often ends the parse with a bare EOFException: no words to add
            String detail = e.getMessage() == null || e.getMessage().isBlank() ? ""
                    : ": " + e.getMessage().lines().findFirst().orElse("");
            throw new UnusableTrustStore(file, "not a " + type + " key store it can open with the password given"
                    + detail, e);
        }
    }

    /**
     * @return a sentence to add to a certificate refusal when the trust store the user named could not be read,
     *     e.g. {@code "Java did not read the trust store /x.p12 given with -Djavax.net.ssl.trustStore (there
     *     is no such file) and used its own certificate authorities instead."}; empty otherwise
     */
    static Optional<String> unreadNote() {
        String file = namedFile();
        if (file == null) {
            return Optional.empty();
        }
        Path path = Path.of(file);
        String why = !Files.exists(path) ? "there is no such file" : Files.isDirectory(path) ? "it is a folder"
                : !Files.isReadable(path) ? "it cannot be read (permissions)" : null;
        return why == null ? Optional.empty() : Optional.of("Java did not read the trust store " + file
                + " given with -Djavax.net.ssl.trustStore (" + why + ") and used its own certificate authorities "
                + "instead.");
    }

    /** @return the trust store file the properties name; {@code null} for none, or NONE (a PKCS#11 token) */
    private static String namedFile() {
        String file = System.getProperty(TRUST_STORE);
        if (file == null || file.isEmpty() || file.equals("NONE")) {
            return null;
        }
        try {
            Path.of(file);
            return file;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }
}

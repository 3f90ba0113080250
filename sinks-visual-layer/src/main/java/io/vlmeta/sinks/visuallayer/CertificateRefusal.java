package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.VlmetaException;

import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * A TLS handshake that failed over the server's certificate: one Java does not trust (a private or
 * self-signed certificate authority, an expired certificate) or one for another host name. Unlike a
 * dropped connection it does not fix itself, so it is never retried: the run stops at once with what to
 * do. A handshake that failed for another reason (the server hung up mid-handshake) is an ordinary I/O
 * error, retried as one. A trust store the user named that Java cannot read ({@link UnusableTrustStore}) is
 * refused at once too: a mistake of the user's that no retry fixes.
 */
final class CertificateRefusal {
    private CertificateRefusal() {
    }

    /**
     * @param failure what a request failed with; its causes are searched too (HttpClient and the JDK wrap
     *                the certificate exception)
     * @param server  the server's base URL, credentials already removed ({@link io.vlmeta.api.UriRedaction#server})
     * @param what    the call, e.g. {@code "dataset lookup"}
     * @return a {@link ErrorCode#SERVER} refusal naming the server, the reason and the remedy (a
     *         {@link UnusableTrustStore#CODE} one for the user's unusable trust store); empty when
     *         {@code failure} is not a certificate failure
     */
    static Optional<VlmetaException> of(Throwable failure, String server, String what) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnusableTrustStore store) {
                return Optional.of(new VlmetaException(UnusableTrustStore.CODE, "Java could not use the trust store "
                        + store.file() + " (-Djavax.net.ssl.trustStore) to check the certificate of the Visual Layer "
                        + "server at " + server + ": " + store.getMessage() + "; so the " + what + " was not sent. "
                        + "Give the path of the file keytool -importcert wrote and its password "
                        + "(-Djavax.net.ssl.trustStorePassword), or leave both out to use Java's own certificate "
                        + "authorities.", failure));
            }
        }
        boolean handshake = false;
        Throwable certificate = null;
        for (Throwable cause = failure; cause != null && certificate == null; cause = cause.getCause()) {
            handshake |= cause instanceof SSLHandshakeException;
            if (cause instanceof SSLPeerUnverifiedException
                    || (handshake && cause instanceof CertificateException)) {
                certificate = cause;
            }
        }
        if (certificate == null) {
            return Optional.empty();
        }
        String reason = inWords(firstLine(certificate));
        // the JDK says "No subject alternative names matching ..." or, for a server reached by its IP address
        // whose certificate names none, "No subject alternative names present"; HttpClient "... doesn't match
        // any of ..."
        String lowerCase = reason.toLowerCase(Locale.ROOT);
        boolean otherHost = certificate instanceof SSLPeerUnverifiedException || lowerCase.contains("match")
                || lowerCase.contains("subject alternative names present");
        String problem = otherHost ? "a TLS certificate that does not match its host name"
                : "a TLS certificate that Java does not trust";
        String unread = otherHost ? "" : UnusableTrustStore.unreadNote().map(note -> " " + note).orElse("");
        return Optional.of(new VlmetaException(ErrorCode.SERVER, "The Visual Layer server at " + server
                + " presented " + problem + " (" + reason + "), so the " + what + " was not sent; trying again "
                + "would not change that." + unread + " Check that the URL names the server by the host name its "
                + "certificate is for. If the server's certificate comes from your organisation's own certificate authority "
                + "or is self-signed, give Java a trust store that holds it: "
                + "VLMETA_JAVA_OPTS='-Djavax.net.ssl.trustStore=/path/to/truststore.p12 "
                + "-Djavax.net.ssl.trustStorePassword=PASSWORD' (the file and the password keytool -importcert "
                + "was given).", failure));
    }

    /** A Java class name ahead of its message, as the JDK nests them: {@code sun.security...Exception: } */
    private static final java.util.regex.Pattern CLASS_NAME =
            java.util.regex.Pattern.compile("\\b[a-z][\\w$]*(?:\\.[\\w$]+)+(?:Exception|Error): ");

    /**
     * @return the JDK's reason in words a user can act on: {@code PKIX path building failed: sun.security.provider
     *     .certpath.SunCertPathBuilderException: unable to find valid certification path to requested target}
     *     becomes {@code no certificate authority Java trusts signed it}; {@code NotAfter: DATE} (an expired
     *     certificate) {@code it expired: valid until DATE}; others lose their class names
     */
    static String inWords(String reason) {
        if (reason.contains("unable to find valid certification path")) {
            return "no certificate authority Java trusts signed it";
        }
        if (reason.startsWith("NotAfter: ")) {
            return "it expired: valid until " + reason.substring("NotAfter: ".length());
        }
        if (reason.startsWith("NotBefore: ")) {
            return "it is not valid yet: valid from " + reason.substring("NotBefore: ".length());
        }
        return CLASS_NAME.matcher(reason).replaceAll("");
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : message.lines().findFirst().orElse("");
    }
}

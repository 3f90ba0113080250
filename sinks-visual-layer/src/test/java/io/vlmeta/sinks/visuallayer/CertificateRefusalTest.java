package io.vlmeta.sinks.visuallayer;

import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which handshake failures are final; the refusals themselves are met over real TLS in HttpTransportTlsTest. */
class CertificateRefusalTest {
    private static final String SERVER = "https://vl.example.com";

    @Test
    void findsACertificateFailureWrappedInAnotherIoError() {
        IOException wrapped = new IOException("request failed", new SSLPeerUnverifiedException(
                "Certificate for <vl.example.com> doesn't match any of the subject alternative names: [other]"));

        assertThat(CertificateRefusal.of(wrapped, SERVER, "dataset lookup")).get().extracting(Throwable::getMessage)
                .asString().startsWith("The Visual Layer server at https://vl.example.com presented a TLS "
                        + "certificate that does not match its host name (Certificate for <vl.example.com>");
    }

    @Test
    void aCertificateNamingNoAddressForAServerReachedByItsIpIsOneForAnotherHost() {
        // what the JDK says when https://10.0.0.5 presents a certificate with no subject alternative names
        SSLHandshakeException noNames = new SSLHandshakeException("No subject alternative names present");
        noNames.initCause(new java.security.cert.CertificateException("No subject alternative names present"));

        assertThat(CertificateRefusal.of(noNames, "https://10.0.0.5", "dataset lookup")).get()
                .extracting(Throwable::getMessage).asString()
                .contains("a TLS certificate that does not match its host name (No subject alternative names present)");
    }

    @Test
    void anExpiredCertificateIsOneJavaDoesNotTrust() {
        SSLHandshakeException expired = new SSLHandshakeException("PKIX path validation failed");
        expired.initCause(new CertificateExpiredException("NotAfter: Thu Jan 01 00:00:00 UTC 2026"));

        assertThat(CertificateRefusal.of(expired, SERVER, "dataset lookup")).get().extracting(Throwable::getMessage)
                .asString().contains("a TLS certificate that Java does not trust (it expired: valid until Thu Jan 01 "
                        + "00:00:00 UTC 2026)");
    }

    @Test
    void namesTheJdksReasonsInWordsWithoutItsClassNames() {
        assertThat(CertificateRefusal.inWords("PKIX path building failed: sun.security.provider.certpath."
                + "SunCertPathBuilderException: unable to find valid certification path to requested target"))
                .isEqualTo("no certificate authority Java trusts signed it");
        assertThat(CertificateRefusal.inWords("NotBefore: Mon Jan 01 00:00:00 UTC 2035"))
                .isEqualTo("it is not valid yet: valid from Mon Jan 01 00:00:00 UTC 2035");
        assertThat(CertificateRefusal.inWords("PKIX path validation failed: java.security.cert."
                + "CertPathValidatorException: Path does not chain with any of the trust anchors"))
                .isEqualTo("PKIX path validation failed: Path does not chain with any of the trust anchors");
    }

    @Test
    void leavesAHandshakeTheServerHungUpOnToTheRetries() {
        SSLHandshakeException hungUp = new SSLHandshakeException("Remote host terminated the handshake");
        hungUp.initCause(new EOFException("SSL peer shut down incorrectly"));

        assertThat(CertificateRefusal.of(hungUp, SERVER, "dataset lookup")).isEmpty();
        assertThat(CertificateRefusal.of(new IOException("Connection reset"), SERVER, "dataset lookup")).isEmpty();
    }
}

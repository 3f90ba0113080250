package io.vlmeta.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import org.junit.jupiter.api.Test;

class HttpLinksTest {

    /** The rule as the server has always applied it. */
    private static boolean acceptedByUri(String text) {
        try {
            URI uri = new URI(text);
            return uri.getScheme() != null && (uri.getScheme().equalsIgnoreCase("http")
                    || uri.getScheme().equalsIgnoreCase("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @Test
    void acceptsExactlyWhatJavaNetUriAcceptsForEdgeCases() {
        String[] links = {"https://example.com", "HTTPS://EXAMPLE.COM/A", "HtTp://x.example/a?b#c", "httpſ://example.com",
            "https://ex.com:443/", "https://ex.com:/", "https://ex.com:1234567/", "https://ex.com:99999999999/",
            "https://user:pw@ex.com/", "https://[2001:db8::1]/", "https://10.0.0.1/", "https://300.0.0.1/",
            "https://123/", "https://1.2.3.4.com/", "https://ex.com./", "https://ex..com/", "https://-ex.com/",
            "https://ex-.com/", "https://e_x.com/", "https://ex.1com/", "https://éx.com/", "https://ex.com/é",
            "https://ex.com/a b", "https://ex.com/a%2", "https://ex.com/a%20", "https://ex.com/{a}",
            "https://ex.com/?q=[1]", "https://ex.com/#a#b", "https://ex.com?x", "https://ex.com#x", " https://ex.com",
            "https://ex.com ", "https://", "https:///a", "http:ex.com", "ftp://ex.com/", "mailto:a@ex.com",
            "example.com/doc.pdf", "not a url", "", "https://ex.com\\a", "https://localhost:8080/x"};
        for (String link : links) {
            assertThat(HttpLinks.isHttpUrlWithHost(link)).as(link).isEqualTo(acceptedByUri(link));
        }
    }

    @Test
    void acceptsTheCommonShapeWithoutJavaNetUri() {
        assertThat(HttpLinks.hasCommonShape("https://storage.example.com/captures/0000/0000001.jpg?rev=1")).isTrue();
        assertThat(HttpLinks.hasCommonShape("HTTP://Docs.Example.com:8080/a%20b.pdf#page=2")).isTrue();
        assertThat(HttpLinks.hasCommonShape("https://user@example.com/")).isFalse();
        assertThat(HttpLinks.hasCommonShape("httpſ://example.com/")).isFalse();
    }
}

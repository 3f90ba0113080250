package io.vlmeta.sinks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LinkHostsTest {

    /** What the report has always shown: {@code URI.create} of the trimmed link. */
    private static String hostByUri(String link) {
        try {
            String host = URI.create(link.trim()).getHost();
            return host == null ? "(no host)" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAUri) {
            return "(not a URI)";
        }
    }

    @Test
    void readsTheSameHostAsJavaNetUriForTrickyLinks() {
        LinkHosts hosts = new LinkHosts();
        for (String link : TrickyValues.LINKS) {
            assertThat(hosts.hostOf(link)).as(link).isEqualTo(hostByUri(link));
        }
    }

    @Test
    void readsHostsOfTheCommonShapeInAnyCaseAndPadding() {
        assertThat(new LinkHosts().hostOf("  HTTPS://Docs.EXAMPLE.com:8443/A.pdf?x=1#top ")).isEqualTo("docs.example.com");
    }

    @Test
    void reusesTheLastHostWhenTheNextLinkNamesItAgainInAnyCase() {
        LinkHosts hosts = new LinkHosts();
        String first = hosts.hostOf("https://storage.example.com/a.jpg");

        assertThat(hosts.hostOf("https://STORAGE.example.com/b.jpg")).isSameAs(first);
        assertThat(hosts.hostOf("https://storage.example.org/c.jpg")).isEqualTo("storage.example.org");
        assertThat(hosts.hostOf("https://storage.example.co/c.jpg")).isEqualTo("storage.example.co");
    }
}

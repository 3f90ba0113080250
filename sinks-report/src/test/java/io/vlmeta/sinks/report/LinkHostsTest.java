package io.vlmeta.sinks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Locale;
import java.util.Random;
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
    void readsHostsOfTheCommonShapeByItsOwnScan() {
        assertThat(LinkHosts.hostRange("https://Docs.Example.com:8443/a.pdf?x=1#top", 0, 43))
                .isEqualTo(8L << 32 | 24);
        assertThat(new LinkHosts().hostOf("  HTTPS://Docs.EXAMPLE.com/A.pdf ")).isEqualTo("docs.example.com");
    }

    @Test
    void leavesUserInfoIpAddressesAndOddCharactersToJavaNetUri() {
        for (String link : new String[] {"https://user@host.example.com/", "http://[::1]/", "http://192.168.0.1/",
            "http://under_score.example.com/", "http://example.com/a b", "http://example.com/ä",
            "http://example.com./", "http://example.com:/", "http://example.com:123456/", "mailto:a@example.com",
            "http://example.com/a%2", "http://example.com/#a#b", "http://example.com/?q=[x]"}) {
            assertThat(LinkHosts.hostRange(link, 0, link.length())).as(link).isEqualTo(-1);
        }
    }

    @Test
    void reusesTheLastHostWhenTheNextLinkNamesItAgainInAnyCase() {
        LinkHosts hosts = new LinkHosts();
        String first = hosts.hostOf("https://storage.example.com/a.jpg");

        assertThat(hosts.hostOf("https://STORAGE.example.com/b.jpg")).isSameAs(first);
        assertThat(hosts.hostOf("https://storage.example.org/c.jpg")).isEqualTo("storage.example.org");
        assertThat(hosts.hostOf("https://storage.example.co/c.jpg")).isEqualTo("storage.example.co");
    }

    @Test
    void readsTheSameHostAsJavaNetUriForRandomLinks() {
        Random random = new Random(42);
        String pieces = "aZ09-._~:/?#[]@!$&'()*+,;=% ä\t\\|{}\"<>^`";
        String[] starts = {"http://", "https://", "HTTP://", "ftp://", "a+b.c-d://", "mailto:", "", "//", "1a://",
            " https://", "https://user:pw@", "http://[::1]", "http://10.0.0.1"};
        String[] hosts = {"example.com", "a.b", "x", "ex-ample.com", "-x.com", "x-.com", "1.com", "a.1b", "a..b",
            "a.", ".a", "EXAMPLE.COM", "xn--d1a.example", "a_b.com", "1.2.3.4", "1.2.3.4.com", "300.1.1.1", ""};
        LinkHosts linkHosts = new LinkHosts();
        int fast = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder link = new StringBuilder(starts[random.nextInt(starts.length)])
                    .append(hosts[random.nextInt(hosts.length)]);
            if (random.nextInt(4) == 0) {
                link.append(':').append(random.nextInt(4) == 0 ? "" : Integer.toString(random.nextInt(2_000_000)));
            }
            int extra = random.nextInt(12);
            for (int c = 0; c < extra; c++) {
                link.append(random.nextInt(3) == 0 ? "/" : String.valueOf(pieces.charAt(random.nextInt(pieces.length()))));
            }
            if (random.nextInt(10) == 0 && link.length() > 0) {
                link.setCharAt(random.nextInt(link.length()), pieces.charAt(random.nextInt(pieces.length())));
            }
            String text = link.toString();
            assertThat(linkHosts.hostOf(text)).as(text).isEqualTo(hostByUri(text));
            if (LinkHosts.hostRange(text, 0, text.length()) >= 0) {
                fast++;
            }
        }
        // the scan must carry the common shape, not leave everything to java.net.URI
        assertThat(fast).isGreaterThan(2_000);
    }
}

package io.vlmeta.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UriHostsTest {

    /** Whatever the scan finds, java.net.URI parses the text and gives the same host. */
    private static boolean foundAsJavaNetUriFindsIt(String text) {
        long found = UriHosts.find(text, 0, text.length());
        if (found < 0) {
            return false;
        }
        String host = text.substring((int) (found >>> 32), (int) found);
        try {
            assertThat(new URI(text).getHost()).as(text).isEqualTo(host);
        } catch (URISyntaxException e) {
            throw new AssertionError("the scan found host '" + host + "' in '" + text + "', which URI refuses", e);
        }
        return true;
    }

    @Test
    void findsTheHostOfTheCommonShape() {
        String link = "https://Docs.Example.com:8443/a%20b.pdf?x=1&y=[#top";
        assertThat(UriHosts.find(link, 0, link.length())).isEqualTo(-1);
        String plain = "https://Docs.Example.com:8443/a%20b.pdf?x=1#top";
        assertThat(UriHosts.find(plain, 0, plain.length())).isEqualTo(8L << 32 | 24);
        assertThat(UriHosts.find("  " + plain + " ", 2, plain.length() + 2)).isEqualTo(10L << 32 | 26);
        // digits and dots before a last label that starts with a letter: a host name, not an IPv4 address
        assertThat(foundAsJavaNetUriFindsIt("http://1.2.3.4.com:80/x")).isTrue();
    }

    @Test
    void leavesEveryOtherShapeToJavaNetUri() {
        for (String text : new String[] {"https://user@host.example.com/", "http://[::1]/", "http://192.168.0.1/",
            "http://under_score.example.com/", "http://example.com/a b",
            "http://example.com/ä", "http://exämple.com/", "http://example.com./", "http://example..com/",
            "http://-a.com/", "http://a-.com/", "http://a.1com/", "http://123/", "http://example.com:/",
            "http://example.com:123456/", "http://example.com:99999999999/", "http://example.com:1:2/",
            "mailto:a@example.com", "//example.com/", "1http://example.com/", "http://example.com/a%2",
            "http://example.com/a%zz", "http://example.com/#a#b", "http://example.com/?q=[x]", "http://example.com\\a",
            "http://", "http:///a", "", " http://example.com/"}) {
            assertThat(UriHosts.find(text, 0, text.length())).as(text).isEqualTo(-1);
        }
    }

    @Test
    void findsOnlyHostsJavaNetUriFindsTooInRandomTexts() {
        Random random = new Random(42);
        String pieces = "aZ09-._~:/?#[]@!$&'()*+,;=% ä\t\\|{}\"<>^`";
        String[] starts = {"http://", "https://", "HTTP://", "ftp://", "a+b.c-d://", "mailto:", "", "//", "1a://",
            " https://", "https://user:pw@", "http://[::1]", "http://10.0.0.1", "httpſ://"};
        String[] hosts = {"example.com", "a.b", "x", "ex-ample.com", "-x.com", "x-.com", "1.com", "a.1b", "a..b",
            "a.", ".a", "EXAMPLE.COM", "xn--d1a.example", "a_b.com", "1.2.3.4", "1.2.3.4.com", "300.1.1.1", ""};
        int found = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder(starts[random.nextInt(starts.length)])
                    .append(hosts[random.nextInt(hosts.length)]);
            if (random.nextInt(4) == 0) {
                text.append(':').append(random.nextInt(4) == 0 ? "" : Integer.toString(random.nextInt(2_000_000)));
            }
            for (int c = random.nextInt(12); c > 0; c--) {
                text.append(random.nextInt(3) == 0 ? '/' : pieces.charAt(random.nextInt(pieces.length())));
            }
            if (random.nextInt(10) == 0 && text.length() > 0) {
                text.setCharAt(random.nextInt(text.length()), pieces.charAt(random.nextInt(pieces.length())));
            }
            if (foundAsJavaNetUriFindsIt(text.toString())) {
                found++;
            }
        }
        // the scan must carry the common shape, not leave everything to java.net.URI
        assertThat(found).isGreaterThan(2_000);
    }
}

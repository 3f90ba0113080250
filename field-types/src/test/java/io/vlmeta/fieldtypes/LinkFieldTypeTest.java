package io.vlmeta.fieldtypes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.ParseResult;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.ValueParser;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkFieldTypeTest {

    private final LinkFieldType type = new LinkFieldType();
    private final ValueParser parser = type.parser(Settings.defaults());

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/doc.pdf", "http://example.com", "HTTPS://Example.com/A?b=c#d",
        "https://user:pw@host.example:8443/x", "http://[::1]:8080/health", "http://[2001:db8::1]",
        "https://xn--bcher-kva.example/straße?q=é#ü", "http://localhost:/x", "http://192.0.2.1/x",
        "http://[::1%25eth0]/", "https://example.com/a%20b?c[]=1", "http://example.com./"})
    void sendsAnHttpOrHttpsUrlAsWritten(String url) {
        assertThat(parser.parse(RawValue.text("  " + url + " "))).isEqualTo(ParseResult.of(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://host.example/p@th:1", "https://host.example?q=a@b:c", "https://:@host.example/x",
        "https://host.example#frag:x@y", "HtTpS://h", "http://h:"})
    void looksForUserInfoAndPortInsideTheAuthorityOnly(String url) {
        // '@' and ':' after the authority belong to the path, query or fragment
        assertThat(parser.parse(RawValue.text(url))).isEqualTo(ParseResult.of(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[::1]x/y", "http://[::1]:8o", "http://h@/x@y", "http://h:x/1:2", "http://[::1/x]"})
    void refusesAnAuthorityWithoutAHostWhateverFollowsIt(String url) {
        assertThat(parser.parse(RawValue.text(url))).isEqualTo(ParseResult.invalid("Invalid link '" + url
                + "'. Must include a host after the protocol, e.g. https://example.com/doc.pdf"));
    }

    @Test
    void refusesAUrlWithoutProtocol() {
        ParseResult result = parser.parse(RawValue.text("example.com/doc.pdf"));

        assertThat(result).isEqualTo(ParseResult.invalid(
                "Invalid link 'example.com/doc.pdf'. Must include protocol (http:// or https://)"));
        assertThat(Rendered.atRow(2, "pdf_url", result)).isEqualTo(
                "Row 2, field 'pdf_url': Invalid link 'example.com/doc.pdf'. Must include protocol (http:// or https://)");
    }

    @Test
    void refusesSchemesWithoutTheSlashes() {
        assertThat(parser.parse(RawValue.text("mailto:someone@example.com"))).isEqualTo(ParseResult.invalid(
                "Invalid link 'mailto:someone@example.com'. Must include protocol (http:// or https://)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "file", "s3", "javascript", "httpx"})
    void refusesAnyOtherProtocol(String scheme) {
        String url = scheme + "://example.com/doc.pdf";

        assertThat(parser.parse(RawValue.text(url))).isEqualTo(ParseResult.invalid(
                "Invalid link '" + url + "'. Protocol '" + scheme + "' is not accepted; use http:// or https://"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://", "https:///doc.pdf", "http://:80/x", "http://user@/x", "http://host:8o/x",
        "http://[]/x", "http://[::1/x"})
    void refusesAUrlWithoutAHost(String url) {
        assertThat(parser.parse(RawValue.text(url))).isEqualTo(ParseResult.invalid("Invalid link '" + url
                + "'. Must include a host after the protocol, e.g. https://example.com/doc.pdf"));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
        https://example.com/a|b{c} => "Holds '|' at position 22, which a URL may not hold as it is; write it as %7C"
        https://example.com/x{1} => "Holds '{' at position 22, which a URL may not hold as it is; write it as %7B"
        http://example.com/a^b => "Holds '^' at position 21, which a URL may not hold as it is; write it as %5E"
        http://example.com/#a#b => "Holds '#' at position 22, which a URL may not hold as it is; write it as %23"
        http://[::1]/x]y => "Holds ']' at position 15, which a URL may not hold as it is; write it as %5D"
        https://example.com/%zz => "Holds a malformed percent-escape '%zz' at position 21; write a literal % as %25"
        https://example.com/100% => "Holds a malformed percent-escape '%' at position 24; write a literal % as %25"
        http://[v1.x]/ => "Holds a malformed IPv6 address at position 9; write one in brackets, e.g. http://[2001:db8::1]/"
        http://exa!mple.com/ => "Host 'exa!mple.com' is not a host name: dot-separated labels of letters, digits and inner hyphens, the last one starting with a letter"
        http://a_b.com/ => "Host 'a_b.com' is not a host name: dot-separated labels of letters, digits and inner hyphens, the last one starting with a letter"
        http://-a.example/ => "Host '-a.example' is not a host name: dot-separated labels of letters, digits and inner hyphens, the last one starting with a letter"
        http://a.123/ => "Host 'a.123' is not a host name: dot-separated labels of letters, digits and inner hyphens, the last one starting with a letter"
        http://256.1.1.1/ => "Host '256.1.1.1' is not an IPv4 address: write four numbers from 0 to 255, e.g. 192.0.2.1"
        http://1.2.3/x => "Host '1.2.3' is not an IPv4 address: write four numbers from 0 to 255, e.g. 192.0.2.1"
        https://bücher.example/straße => "Host 'bücher.example' must be written in ASCII: write it as xn--bcher-kva.example"
        https://例え.jp:8443/ => "Host '例え.jp' must be written in ASCII: write it as xn--r8jz45g.jp"
        https://ü_x.example/ => "Host 'ü_x.example' must be written in ASCII (its IDNA form, xn--...)"
        https://a@b@host.example/x => "Holds '@' more than once before its host; write an '@' in the user name or password as %40"
        """)
    void refusesWhatAUriParserRefusesAndSaysWhatToWrite(String url, String reason) {
        // a server that refuses such a link after the field was declared would leave the field half-filled
        assertThat(parser.parse(RawValue.text(url))).isEqualTo(ParseResult.invalid("Invalid link '" + url + "'. " + reason));
    }

    @Test
    void namesACharacterThatLooksLikeASpaceByItsCodePoint() {
        String url = "https://example.com/a\u00a0b";

        assertThat(parser.parse(RawValue.text(url))).isEqualTo(ParseResult.invalid("Invalid link '" + url + "'. "
                + "Holds U+00A0 NO-BREAK SPACE at position 22, which a URL may not hold as it is; write it as %C2%A0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"httpſ", "ʜttp", "hTTPſ"})
    void refusesAProtocolThatOnlyLooksLikeHttp(String scheme) {
        String url = scheme + "://long-s.example/";

        assertThat(parser.parse(RawValue.text(url))).isEqualTo(ParseResult.invalid(
                "Invalid link '" + url + "'. Protocol '" + scheme + "' is not accepted; use http:// or https://"));
    }

    @Test
    void acceptsOnlyLinksThatAUriParserReadsWithAnHttpHost() {
        // random texts over the characters where URL rules differ: whatever the parser accepts must be an
        // http(s) URI with a host to java.net.URI, as a strict server would judge it
        String[] parts = {"http://", "https://", "HTTP://", "a", "b1", "-", ".", "_", ":", "80", "@", "[", "]", "::1",
            "/", "?", "#", "%", "%2", "%41", "|", "{", "}", "^", "~", "é", "ü", "例", "!", "'", "(", "*", "=", "&", ";",
            "256", "1.2.3.4", "xn--", "\\", "`", "\"", "<", "+", ",", "$"};
        java.util.Random random = new java.util.Random(20261201);
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder(parts[random.nextInt(3)]);
            for (int n = random.nextInt(9); n >= 0; n--) {
                text.append(parts[3 + random.nextInt(parts.length - 3)]);
            }
            String url = text.toString();
            ParseResult result = parser.parse(RawValue.text(url));
            if (result instanceof ParseResult.Value) {
                accepted++;
                assertThat(isHttpUriWithHost(url)).as(url).isTrue();
            } else if (result instanceof ParseResult.Invalid invalid) {
                assertThat(invalid.message()).as(url).startsWith("Invalid link '").doesNotContain("null");
            }
        }
        assertThat(accepted).isGreaterThan(1_000);
    }

    private static boolean isHttpUriWithHost(String text) {
        try {
            java.net.URI uri = new java.net.URI(text);
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    @Test
    void refusesWhiteSpaceInsideTheUrl() {
        assertThat(parser.parse(RawValue.text("https://example.com/my doc.pdf"))).isEqualTo(ParseResult.invalid(
                "Invalid link 'https://example.com/my doc.pdf'. Contains white space or a control character"
                        + " at position 23; encode a space as %20"));
    }

    @Test
    void refusesNumberDateAndListCells() {
        assertThat(parser.parse(RawValue.Number.ofDouble(42))).isEqualTo(ParseResult.invalid(
                "Invalid link '42'. Must be an http:// or https:// URL, not a number"));
        assertThat(parser.parse(new RawValue.DateTime(LocalDateTime.of(2024, 1, 15, 0, 0), null)))
                .isEqualTo(ParseResult.invalid(
                        "Invalid link '2024-01-15T00:00'. Must be an http:// or https:// URL, not a date"));
        assertThat(parser.parse(new RawValue.ListValue(List.of(RawValue.text("https://a.example")))))
                .isEqualTo(ParseResult.invalid("Invalid link '[https://a.example]'. Must be a single URL, not a list"));
    }

    @Test
    void treatsEmptyCellsAsMissing() {
        assertThat(parser.parse(RawValue.text(""))).isSameAs(ParseResult.absent());
        assertThat(parser.parse(RawValue.missing())).isSameAs(ParseResult.absent());
    }

    @Test
    void declaresALinkField() {
        var accumulator = type.newAccumulator("pdf_url", Settings.defaults());

        assertThat(accumulator.finish()).isEmpty();
        assertThat(accumulator.declaration()).isEqualTo(FieldDeclaration.simple("pdf_url", "link", "link"));
    }
}

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
import org.junit.jupiter.params.provider.ValueSource;

class LinkFieldTypeTest {

    private final LinkFieldType type = new LinkFieldType();
    private final ValueParser parser = type.parser(Settings.defaults());

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/doc.pdf", "http://example.com", "HTTPS://Example.com/A?b=c#d",
        "https://user:pw@host.example:8443/x", "http://[::1]:8080/health", "http://[2001:db8::1]",
        "https://example.com/a|b{c}", "https://bücher.example/straße", "http://localhost:/x"})
    void sendsAnHttpOrHttpsUrlAsWritten(String url) {
        assertThat(parser.parse(RawValue.text("  " + url + " "))).isEqualTo(ParseResult.of(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://host.example/p@th:1", "https://host.example?q=a@b:c", "https://a@b@host.example/x",
        "https://host.example#frag:x@y", "http://[::1]/x]y", "HtTpS://h", "http://h:", "httpſ://long-s.example"})
    void looksForUserInfoPortAndBracketsInsideTheAuthorityOnly(String url) {
        // '@', ':' and ']' after the authority belong to the path, query or fragment; "ſ" is an 's' to equalsIgnoreCase
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

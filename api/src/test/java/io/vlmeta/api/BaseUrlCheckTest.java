package io.vlmeta.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BaseUrlCheckTest {
    private static final String SECRET = "Zsecr";

    private static void assertRefused(String url, String message) {
        assertThatThrownBy(() -> BaseUrlCheck.check(url))
                .isInstanceOfSatisfying(VlmetaException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage(message)
                .hasMessageNotContaining(SECRET).hasMessageNotContaining("al1ce");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://al1ce:pa/Zsecr@127.0.0.1:18510", "http://al1ce:pa#Zsecr@127.0.0.1:18510",
        "http://al1ce:pa?Zsecr@127.0.0.1:18510", "http://al1ce:pa/Zsecr@127.0.0.1:18510/api/v1",
        "HTTP://al1ce:pa/Zsecr@127.0.0.1:18510", "http://127.0.0.1:18611/?a=b@Zsecr",
        "http://127.0.0.1:18611/#a@Zsecr", "http://127.0.0.1:18611/api;jsessionid=a@Zsecr",
        "http://al1ce:pw@127.0.0.1:18611/x@Zsecr"})
    void anAtSignAfterASlashQuestionMarkOrHashIsRefusedNamingOnlyTheScheme(String url) {
        String scheme = url.substring(0, url.indexOf("://") + 3);
        assertRefused(url, "The base URL '" + scheme + "...' has an @ in its user name or password, or an @ "
                + "after a / ? or #: write @ / ? # in a user name or password as %40 %2F %3F %23, e.g. "
                + "https://user:p%40ss@vl.example.com.");
        assertThatThrownBy(() -> BaseUrlCheck.check(url)).hasMessageNotContaining("127.0.0.1");
    }

    @Test
    void anUnencodedAtBeforeAnySlashQuestionMarkOrHashIsRefusedNamingTheServerAfterTheLastAt() {
        assertRefused("http://al1ce:p@Zsecr@127.0.0.1:18510", "The base URL 'http://127.0.0.1:18510' "
                + UriRedaction.UNENCODED_REFUSAL);
    }

    @Test
    void anAtSignAfterAnUnknownSchemeNamesNoSchemeEither() {
        assertRefused("al1ce:pa/Zsecr@127.0.0.1:18510", "The base URL '...' " + UriRedaction.UNENCODED_REFUSAL);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://127.0.0.1:99999|99999", "http://127.0.0.1:65536|65536", "http://127.0.0.1:0|0",
        "https://vl.example.com:123456789012/api|123456789012"})
    void aPortOutsideOneTo65535IsRefused(String url, String port) {
        assertRefused(url, "The base URL '" + url + "': its port " + port + " is outside 1 to 65535, the ports a "
                + "server can listen on, e.g. http://localhost:2080.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:1", "http://127.0.0.1:65535", "http://localhost", "https://[::1]:2080/x",
        "http://al1ce:p%40Zsecr@127.0.0.1:18510", "http://vl.example.com.:80/api/v1/datasets/",
        "https://al1ce@vl-1.example.com", "http://127.0.0.1:", "http://al1ce:p%2FZsecr%3F%23@127.0.0.1:8080"})
    void usableBaseUrlsPass(String url) {
        assertThatCode(() -> BaseUrlCheck.check(url)).doesNotThrowAnyException();
    }

    @Test
    void aBadEscapeInThePasswordIsNamedAsSuch() {
        for (String url : new String[] {"http://al1ce:pa%zZsecr@127.0.0.1:18510", "http://al1ce:Zsecr%4@127.0.0.1:18510",
            "http://al1ce:Zsecr%@127.0.0.1:18510"}) {
            assertRefused(url, "The base URL 'http://127.0.0.1:18510': its password holds a bad %-escape: a % must "
                    + "be followed by two hex digits; write a % itself as %25, e.g. https://user:p%25ss@vl.example.com.");
        }
        assertRefused("http://al%g1ce:Zsecr@127.0.0.1:18510", "The base URL 'http://127.0.0.1:18510': its user name "
                + "holds a bad %-escape: a % must be followed by two hex digits; write a % itself as %25, e.g. "
                + "https://user:p%25ss@vl.example.com.");
    }

    @Test
    void aSpaceOrBackslashInThePasswordIsNamedAsSuch() {
        for (String url : new String[] {"http://al1ce:pa Zsecr@127.0.0.1:18510", "http://al1ce:pa\\Zsecr@127.0.0.1:18510",
            "http://al1ce:pa\"Zsecr@127.0.0.1:18510"}) {
            assertRefused(url, "The base URL 'http://127.0.0.1:18510': its password holds a character a URL cannot "
                    + "carry there (such as a space, \\ or \"): write it %-encoded, e.g. a space as %20 and \\ as %5C, "
                    + "as in https://user:p%20ss@vl.example.com.");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"999.1.1.1", "1.2.3", "1.2.3.4.5", "256.0.0.1"})
    void anInvalidIpv4AddressIsNamed(String host) {
        assertRefused("http://al1ce:Zsecr@" + host + ":80", "The base URL 'http://" + host + ":80': its host '" + host
                + "' is not a valid address: an IPv4 address is four numbers from 0 to 255, e.g. 127.0.0.1.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"_under_score.local", "-dash.example", "a..b", "bad host"})
    void anInvalidHostNameIsNamed(String host) {
        assertRefused("http://" + host + ":80", "The base URL 'http://" + host + ":80': its host '" + host
                + "' is not a valid host name: it holds letters, digits and - between dots (no _ or space, no - at "
                + "either end of a part), e.g. vl.example.com.");
    }

    @Test
    void aPortThatIsNoNumberIsNamedWithoutEchoingIt() {
        String[][] cases = {{"http://127.0.0.1:18510:1", "http://127.0.0.1"}, {"http://127.0.0.1:80a/x", "http://127.0.0.1"},
            {"http://127.0.0.1:8o80", "http://127.0.0.1"}, {"http://al1ce:Zsecr@127.0.0.1:18510:1", "http://127.0.0.1"},
            // a user name and password typed without the @ and host: what follows the : is the password
            {"http://user:Zsecr", "http://user"}, {"http://user:pa/Zsecr", "http://user"},
            {"https://us-er:Zsecr/api", "https://us-er"}};
        for (String[] given : cases) {
            assertRefused(given[0], "The base URL '" + given[1] + "': its port is not a number: only digits may "
                    + "follow the : after the host, e.g. http://localhost:2080.");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://127.0.0.1:18510;jsessionid=Zsecr|http://127.0.0.1:18510",
        "http://al1ce:Zsecr@localhost;jsessionid=Zsecr/x|http://localhost/x",
        "http://127.0.0.1:18510/;jsessionid=Zsecr|http://127.0.0.1:18510/",
        "http://127.0.0.1:18510/api;jsessionid=Zsecr|http://127.0.0.1:18510/api",
        "https://vl.example.com/api;v=Zsecr/v1|https://vl.example.com/api/v1",
        "https://vl.example.com/api/v1/;Zsecr|https://vl.example.com/api/v1/",
        "http://127.0.0.1:18510/api;jsessionid=Zsecr?t=Zsecr|http://127.0.0.1:18510/api"})
    void aPathParameterAnywhereIsRefusedNamingTheServerWithoutIt(String url, String server) {
        assertRefused(url, "The base URL '" + server + "' holds a ; parameter (such as ;jsessionid=), which a base "
                + "URL cannot carry: give the server's address alone, or with its path without ; parameters, e.g. "
                + "http://localhost:2080 or https://app.visual-layer.com.");
    }

    @Test
    void aPathParameterAfterAPortThatIsNoNumberIsNamedWithoutThePort() {
        // a user name and password typed without the @ and host, the password holding a ;
        assertRefused("http://user:pa;Zsecr", "The base URL 'http://user' holds a ; parameter (such as ;jsessionid=), "
                + "which a base URL cannot carry: give the server's address alone, or with its path without ; "
                + "parameters, e.g. http://localhost:2080 or https://app.visual-layer.com.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:18510/a%3Bb", "http://al;ce:p;w@127.0.0.1:18510/api"})
    void anEncodedSemicolonInThePathOrASemicolonInTheUserinfoIsNoPathParameter(String url) {
        assertThatCode(() -> BaseUrlCheck.check(url)).doesNotThrowAnyException();
    }

    @Test
    void aBadCharacterInThePathIsNamedAsSuch() {
        assertRefused("http://al1ce:Zsecr@127.0.0.1:18510/a b", "The base URL 'http://127.0.0.1:18510/a b' holds a "
                + "character a URL cannot carry (such as a space or \\) after the server's address: write it "
                + "%-encoded, e.g. a space as %20, or give the server's address alone, e.g. http://localhost:2080 or "
                + "https://app.visual-layer.com.");
    }

    @Test
    void aSchemeOtherThanHttpIsRefusedAsBefore() {
        assertRefused("ftp://al1ce:Zsecr@vl.example.com", "The base URL 'ftp://vl.example.com' is not an http:// or "
                + "https:// address, e.g. http://localhost:2080 or https://app.visual-layer.com.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:2080", "vl.example.com", "10.0.0.7:8080/api/v1", "app.visual-layer.com/"})
    void anAddressWithoutItsSchemeIsQuotedWithHttpsPutBeforeIt(String url) {
        assertRefused(url, "The base URL '" + url + "' is not an http:// or https:// address: give it with its "
                + "scheme, e.g. https://" + url + ".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-xZsecrq", "Zsecr", "Zsecr-Z1x", "Zsecr=", "Zsecr+/Zsecr", "a b Zsecr", "Zsecr_x.y",
        "Zsecr:x/y", "--Zsecr.com", "Zsecr.-x"})
    void aValueThatIsNoAddressIsNotQuotedForItMayBeASecretTypedInItsPlace(String value) {
        assertRefused(value, "The base URL given is not an http:// or https:// address, e.g. http://localhost:2080 "
                + "or https://app.visual-layer.com.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-xZsecrq://vl.example.com", "x://Zsecr", "ftp://vl.example.com/Zsecr=1",
        "x=Zsecr;u=ftp://vl.example.com"})
    void anUnknownSchemeIsQuotedOnlyWhenSchemeAndServerReadAsAnAddress(String value) {
        assertRefused(value, "The base URL given is not an http:// or https:// address, e.g. http://localhost:2080 "
                + "or https://app.visual-layer.com.");
    }

    @Test
    void anIpv6HostFollowedByWhatIsNoPortIsNamedAsTheHostAlone() {
        assertRefused("http://[::1]:Zsecr", "The base URL 'http://[::1]': its port is not a number: only digits "
                + "may follow the : after the host, e.g. http://localhost:2080.");
        assertRefused("http://[::1]x:Zsecr", "The base URL 'http://[::1]': only a :port may follow its IPv6 host, "
                + "e.g. http://[::1]:2080.");
        assertRefused("http://[::1:Zsecr", "The base URL 'http://...': its host is an IPv6 address without its "
                + "closing ], e.g. http://[::1]:2080.");
    }

    @Test
    void anIpv6HostWithAPortIsNamedWhole() {
        assertRefused("http://[::1]:99999", "The base URL 'http://[::1]:99999': its port 99999 is outside 1 to "
                + "65535, the ports a server can listen on, e.g. http://localhost:2080.");
    }

    @Test
    void aControlCharacterInsideTheUrlIsRefusedWithoutQuotingIt() {
        String[][] cases = {{"http://al1ce:Zsecr@ho\nst", "line break", "22"}, {"http://host/a\rb", "line break", "14"},
            {"http://ho\tst:2080", "tab", "10"}, {"http://host/\u0007Zsecr", "control character (U+0007)", "13"}};
        for (String[] given : cases) {
            assertRefused(given[0], "The base URL holds a " + given[1] + " at character " + given[2] + ", which no "
                    + "URL may carry: give it on one line, e.g. http://localhost:2080 or https://app.visual-layer.com.");
        }
    }

    @Test
    void blanksAndALineEndAroundTheUrlAreNoFault() {
        assertThatCode(() -> BaseUrlCheck.check(" http://localhost:2080\n")).doesNotThrowAnyException();
    }

    @Test
    void nothingIsCheckedForNull() {
        assertThatCode(() -> BaseUrlCheck.check(null)).doesNotThrowAnyException();
    }
}

package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.VlmetaException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:2080", "http://localhost:2080/", "http://localhost:2080/api/v1/datasets",
            "http://localhost:2080/api/v1/datasets/", " http://localhost:2080/api/v1 "})
    void acceptsTheBaseUrlWithOrWithoutTheApiPathAndTrailingSlash(String given) {
        ServerUrls urls = new ServerUrls(given, "ds 1");

        assertThat(urls.base()).isEqualTo("http://localhost:2080");
        assertThat(urls.dataset()).hasToString("http://localhost:2080/api/v1/dataset/ds%201");
        assertThat(urls.status("t-1"))
                .hasToString("http://localhost:2080/api/v1/datasets/ds%201/custom_metadata/tasks/t-1/status");
    }

    @Test
    void theHttpUrlSuggestedForAnHttpsOneKeepsThePortThatAnsweredAndThePath() {
        assertThat(ServerUrls.overPlainHttp("https://vl.example.com:8443/vl")).isEqualTo("http://vl.example.com:8443/vl");
        // the plain answer came from https's port, 443, not http's 80
        assertThat(ServerUrls.overPlainHttp("https://vl.example.com")).isEqualTo("http://vl.example.com:443");
        assertThat(ServerUrls.overPlainHttp("HTTPS://[::1]/base")).isEqualTo("http://[::1]:443/base");
        assertThat(ServerUrls.overPlainHttp("http://vl.example.com")).isEqualTo("http://vl.example.com");
    }

    @Test
    void refusesABaseUrlWithoutAnHttpScheme() {
        assertThatThrownBy(() -> ServerUrls.normalize("localhost:2080"))
                .isInstanceOf(VlmetaException.class)
                .hasMessage("The base URL 'localhost:2080' is not an http:// or https:// address: give it with its "
                        + "scheme, e.g. https://localhost:2080.");
    }

    @Test
    void refusesABaseUrlWithAQueryOrFragmentWithoutEchoingWhatItCarries() {
        for (String given : new String[] {"https://vl.example.com/?token=SECRETTOKEN",
                "https://alice:SECRETPW@vl.example.com/api/v1#SECRETTOKEN"}) {
            assertThatThrownBy(() -> ServerUrls.normalize(given))
                    .isInstanceOf(VlmetaException.class)
                    .hasMessageContaining("has a query or fragment (after ? or #); give the server's address alone")
                    .hasMessageNotContaining("SECRET");
        }
    }

    @Test
    void aBaseUrlThatIsNotHttpIsRefusedWithoutItsPassword() {
        assertThatThrownBy(() -> ServerUrls.normalize("ftp://alice:SECRETPW@vl.example.com"))
                .hasMessage("The base URL 'ftp://vl.example.com' is not an http:// or https:// address, e.g. "
                        + "http://localhost:2080 or https://app.visual-layer.com.");
    }

    @Test
    void aBaseUrlWithAnUnencodedAtSignInItsPasswordIsRefusedWithoutIt() {
        for (String given : new String[] {"https://alice:p@SECRETPW@vl.example.com/", "http://al@ice:SECRETPW@127.0.0.1:2080"}) {
            assertThatThrownBy(() -> ServerUrls.normalize(given))
                    .isInstanceOf(VlmetaException.class)
                    .hasMessageContaining("has an @ in its user name or password, or an @ after a / ? or #: write "
                            + "@ / ? # in a user name or password as %40 %2F %3F %23")
                    .hasMessageNotContaining("SECRETPW").hasMessageNotContaining("alice").hasMessageNotContaining("ice");
        }
    }

    @Test
    void aBaseUrlWithAnEncodedAtSignInItsPasswordIsSentAsBasicCredentials() {
        ServerUrls urls = new ServerUrls("https://alice:p%40ss@vl.example.com/", "d1");
        assertThat(urls.userInfo()).isEqualTo("alice:p%40ss");
        assertThat(urls.base()).isEqualTo("https://vl.example.com");
    }

    @Test
    void anAtSignAfterASlashQuestionMarkOrHashIsRefusedNamingOnlyTheScheme() {
        // a password holding an unencoded / ? or #, or a query or fragment holding an @: either side may be secret
        for (String given : new String[] {"http://al1ce:pa/Zsecr@127.0.0.1:18510", "http://al1ce:pa#Zsecr@127.0.0.1:18510",
            "http://al1ce:pa?Zsecr@127.0.0.1:18510/api/v1", "http://127.0.0.1:18510/?a=b@Zsecr"}) {
            assertThatThrownBy(() -> new ServerUrls(given, "d1"))
                    .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                    .hasMessageStartingWith("The base URL 'http://...' has an @")
                    .hasMessageContaining("write @ / ? # in a user name or password as %40 %2F %3F %23")
                    .hasMessageNotContaining("Zsecr").hasMessageNotContaining("al1ce").hasMessageNotContaining("a=b");
        }
    }

    @Test
    void aPortOutsideOneTo65535IsAUsageErrorNamingTheRange() {
        for (String port : new String[] {"99999", "65536", "0"}) {
            assertThatThrownBy(() -> new ServerUrls("http://al1ce:Zsecr@127.0.0.1:" + port, "d1"))
                    .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                    .hasMessage("The base URL 'http://127.0.0.1:" + port + "': its port " + port + " is outside 1 to "
                            + "65535, the ports a server can listen on, e.g. http://localhost:2080.");
        }
    }

    @Test
    void eachOtherFaultOfABaseUrlIsNamedWithoutThePassword() {
        String[][] cases = {
            {"http://al1ce:pa%zZsecr@127.0.0.1:18510", "its password holds a bad %-escape"},
            {"http://al1ce:pa Zsecr@127.0.0.1:18510", "its password holds a character a URL cannot carry there"},
            {"http://al1ce:pa\\Zsecr@127.0.0.1:18510", "its password holds a character a URL cannot carry there"},
            {"http://al1ce:Zsecr@999.1.1.1:80", "its host '999.1.1.1' is not a valid address"},
            {"http://al1ce:Zsecr@_under_score.local:80", "its host '_under_score.local' is not a valid host name"},
            {"http://al1ce:Zsecr@127.0.0.1:18510:1", "its port is not a number"},
            {"http://al1ce:Zsecr@127.0.0.1:18510;jsessionid=Zsecr", "holds a ; parameter (such as ;jsessionid=)"},
            {"http://127.0.0.1:18510/;jsessionid=Zsecr", "holds a ; parameter (such as ;jsessionid=)"},
            {"http://127.0.0.1:18510/api;jsessionid=Zsecr", "holds a ; parameter (such as ;jsessionid=)"},
            {"http://user:pa/Zsecr", "its port is not a number"},
        };
        for (String[] given : cases) {
            assertThatThrownBy(() -> ServerUrls.normalize(given[0]))
                    .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                    .hasMessageContaining(given[1])
                    .hasMessageNotContaining("is not an http:// or https:// address")
                    .hasMessageNotContaining("Zsecr").hasMessageNotContaining("al1ce");
        }
    }
}

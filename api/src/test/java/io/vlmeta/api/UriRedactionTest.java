package io.vlmeta.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UriRedactionTest {
    @Test
    void theServerLeavesOutUserinfoQueryAndFragment() {
        assertThat(UriRedaction.server("https://user:PASSWD@vl.example.com:8443/api?token=T0K#f"))
                .isEqualTo("https://vl.example.com:8443/api");
        assertThat(UriRedaction.server("https://S3CRETTOKEN@vl.example.com")).isEqualTo("https://vl.example.com");
        assertThat(UriRedaction.server("https://vl.example.com/?token=T0K")).isEqualTo("https://vl.example.com/");
        assertThat(UriRedaction.server("https://vl.example.com#T0K")).isEqualTo("https://vl.example.com");
    }

    @Test
    void theServerLeavesOutPathParametersOfEverySegment() {
        assertThat(UriRedaction.server("https://vl.example.com/api;jsessionid=S3SS10N"))
                .isEqualTo("https://vl.example.com/api");
        assertThat(UriRedaction.server("https://vl.example.com/a;x=1/b;jsessionid=S3SS10N/c"))
                .isEqualTo("https://vl.example.com/a/b/c");
        assertThat(UriRedaction.server("https://vl.example.com;jsessionid=S3SS10N")).isEqualTo("https://vl.example.com");
        assertThat(UriRedaction.server("https://u:PASSWD@vl.example.com:8443/api;jsessionid=S3SS10N/v1?t=T0K#f"))
                .isEqualTo("https://vl.example.com:8443/api/v1");
    }

    @Test
    void theServerOfAnUnparsableUriLeavesOutTheSameParts() {
        // a blank in the password and an unencoded '@' make no valid URI: all before the host goes all the same
        assertThat(UriRedaction.server("http://user:p@ss word@127.0.0.1:18555/x?k=v")).isEqualTo("http://127.0.0.1:18555/x");
        assertThat(UriRedaction.server("http://user:p@ss@127.0.0.1:18555")).isEqualTo("http://127.0.0.1:18555");
    }

    @Test
    void theServerOfAUrlMissingItsSchemeStillLeavesOutTheUserinfo() {
        // read by a parser as the scheme 'user' and an opaque part: the password would pass through whole
        assertThat(UriRedaction.server("user:PASSWD@vl.example.com:8080/api")).isEqualTo("vl.example.com:8080/api");
    }

    @Test
    void theServerKeepsAUriWithoutSecretsAsGiven() {
        assertThat(UriRedaction.server(" https://vl.example.invalid ")).isEqualTo("https://vl.example.invalid");
        assertThat(UriRedaction.server("http://[::1]:2080/api/v1")).isEqualTo("http://[::1]:2080/api/v1");
        assertThat(UriRedaction.server("localhost:8080")).isEqualTo("localhost:8080");
        assertThat(UriRedaction.server("")).isEmpty();
        assertThat(UriRedaction.server(null)).isNull();
    }

    @Test
    void anUnencodedAtSignInTheUserinfoIsTheOnlyOneOfItsKind() {
        assertThat(UriRedaction.unencodedUserinfo("https://user:p@ss@vl.example.com/")).isTrue();
        assertThat(UriRedaction.unencodedUserinfo("https://us@er:pw@vl.example.com")).isTrue();
        assertThat(UriRedaction.unencodedUserinfo("http://user:p@ss word@127.0.0.1")).isTrue();
        assertThat(UriRedaction.unencodedUserinfo("user:p@ss@vl.example.com")).isTrue();
        assertThat(UriRedaction.unencodedUserinfo("https://user:p%40ss@vl.example.com")).isFalse();
        assertThat(UriRedaction.unencodedUserinfo("https://user:pw@vl.example.com/a@b?c=d@e#f@g")).isTrue();
        assertThat(UriRedaction.unencodedUserinfo("http://al1ce:pa/Zsecr@127.0.0.1:18510")).isTrue();
        assertThat(UriRedaction.unencodedUserinfo("http://al1ce:pa?Zsecr@127.0.0.1:18510")).isTrue();
        assertThat(UriRedaction.unencodedUserinfo("http://al1ce:pa#Zsecr@127.0.0.1:18510")).isTrue();
        assertThat(UriRedaction.unencodedUserinfo("https://user:pw@vl.example.com/a/b?c=d#e")).isFalse();
        assertThat(UriRedaction.unencodedUserinfo("https://vl.example.com")).isFalse();
        assertThat(UriRedaction.unencodedUserinfo(null)).isFalse();
    }

    @Test
    void anUnencodedAtSignIsRefusedWithoutEchoingThePassword() {
        assertThatThrownBy(() -> UriRedaction.refuseUnencodedUserinfo("https://user:p@SS@vl.example.com/", "The base URL"))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage("The base URL 'https://vl.example.com/' has an @ in its user name or password, or an @ "
                        + "after a / ? or #: write @ / ? # in a user name or password as %40 %2F %3F %23, e.g. "
                        + "https://user:p%40ss@vl.example.com.")
                .hasMessageNotContaining("SS");
        UriRedaction.refuseUnencodedUserinfo("https://user:p%40SS@vl.example.com/", "The base URL");
    }

    @Test
    void theUserinfoIsTheAuthorityUpToItsLastAtSignParsableOrNot() {
        assertThat(UriRedaction.userinfo("http://user:p@ss@127.0.0.1:18555")).isEqualTo("user:p@ss");
        assertThat(UriRedaction.userinfo("http://user:p%40ss@127.0.0.1:18555/x")).isEqualTo("user:p%40ss");
        assertThat(UriRedaction.userinfo("https://to ken@vl.example")).isEqualTo("to ken");
        assertThat(UriRedaction.userinfo("user:pw@vl.example:8080")).isEqualTo("user:pw");
        assertThat(UriRedaction.userinfo("http://127.0.0.1:18555/a/b?c=d#e")).isNull();
        assertThat(UriRedaction.userinfo(null)).isNull();
    }

    @Test
    void anAtSignAfterTheAuthorityEndsAUserinfoThatHeldAnUnencodedSlashQuestionMarkOrHash() {
        assertThat(UriRedaction.userinfo("http://al1ce:pa/Zsecr@127.0.0.1:18510")).isEqualTo("al1ce:pa/Zsecr");
        assertThat(UriRedaction.userinfo("http://al1ce:pa#Zsecr@127.0.0.1:18510/x")).isEqualTo("al1ce:pa#Zsecr");
        assertThat(UriRedaction.userinfo("http://127.0.0.1:18555/a@b?c=d@e")).isEqualTo("127.0.0.1:18555/a@b?c=d");
    }

    @Test
    void theServerOfAUriWithAnAtSignAfterItsAuthorityIsOnlyItsScheme() {
        // a password holding an unencoded / ? or # cannot be told from a path, query or fragment holding an @:
        // what follows the @ may be a token, what precedes it a password, so nothing after the scheme is named
        assertThat(UriRedaction.server("http://al1ce:pa/Zsecr@127.0.0.1:18510")).isEqualTo("http://...");
        assertThat(UriRedaction.server("http://al1ce:pa?Zsecr@127.0.0.1:18510/api;s=1/v1?t=T#f"))
                .isEqualTo("http://...");
        assertThat(UriRedaction.server("https://al1ce:pa#Zsecr@vl.example.com")).isEqualTo("https://...");
        assertThat(UriRedaction.server("HTTP://al1ce:pa/Zsecr@vl.example.com")).isEqualTo("HTTP://...");
        assertThat(UriRedaction.server("http://127.0.0.1:18555/a@b")).isEqualTo("http://...");
        assertThat(UriRedaction.server("http://127.0.0.1:18611/?a=b@SESSX")).isEqualTo("http://...");
        assertThat(UriRedaction.server("http://127.0.0.1:18611/#a@SESSX")).isEqualTo("http://...");
        assertThat(UriRedaction.server("http://127.0.0.1:18611/api;jsessionid=a@SESSX")).isEqualTo("http://...");
        assertThat(UriRedaction.server("https://user:pw@vl.example.com/a?t=x@SESSX")).isEqualTo("https://...");
        // a scheme other than http(s) may be a user name typed without one
        assertThat(UriRedaction.server("al1ce://pa/Zsecr@127.0.0.1:18510")).isEqualTo("...");
        assertThat(UriRedaction.server("al1ce:pa/Zsecr@127.0.0.1:18510")).isEqualTo("...");
    }

    @Test
    void onlyAnAtSignAfterTheAuthorityLeavesTheServerUnnamed() {
        assertThat(UriRedaction.namesOnlyTheScheme("http://127.0.0.1:18611/?a=b@SESSX")).isTrue();
        assertThat(UriRedaction.namesOnlyTheScheme("http://al1ce:pa/Zsecr@127.0.0.1:18510")).isTrue();
        assertThat(UriRedaction.namesOnlyTheScheme("http://user:p@ss@127.0.0.1:18555")).isFalse();
        assertThat(UriRedaction.namesOnlyTheScheme("http://user:pw@127.0.0.1:18555/a?b#c")).isFalse();
        assertThat(UriRedaction.namesOnlyTheScheme("http://127.0.0.1:18555")).isFalse();
        assertThat(UriRedaction.namesOnlyTheScheme(null)).isFalse();
    }

    @Test
    void anAtSignInAQueryIsRefusedWithoutEchoingWhatFollowsIt() {
        assertThatThrownBy(() -> UriRedaction.refuseUnencodedUserinfo("http://127.0.0.1:18611/?a=b@SESSX",
                "The base URL"))
                .hasMessage("The base URL 'http://...' " + UriRedaction.UNENCODED_REFUSAL)
                .hasMessageNotContaining("SESSX").hasMessageNotContaining("a=b").hasMessageNotContaining("18611");
    }
}

package io.vlmeta.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UriRedactionTest {
    @Test
    void leavesOutUserinfoQueryAndFragmentKeepingTheServer() {
        assertThat(UriRedaction.forMessages("https://user:PASSWD@vl.example.com:8443/api?token=T0K#f"))
                .isEqualTo("https://vl.example.com:8443/api");
        assertThat(UriRedaction.forMessages("https://S3CRETTOKEN@vl.example.com"))
                .isEqualTo("https://vl.example.com");
    }

    @Test
    void masksAnUnparsableUriUpToItsLastAtSign() {
        // a password with an unencoded '@' makes no valid URI: all of it before the host goes
        assertThat(UriRedaction.forMessages("http://user:p@ss word@127.0.0.1:18555/x?k=v"))
                .isEqualTo("http://***@127.0.0.1:18555/x***");
    }

    @Test
    void masksAPasswordWhoseUnencodedAtSignLeavesJavaNoUserinfo() {
        // Java parses it with a registry-based authority: no userinfo, no host
        assertThat(UriRedaction.forMessages("http://user:p@ss@127.0.0.1:18555")).isEqualTo("http://***@127.0.0.1:18555");
        assertThat(UriRedaction.hasUserinfo(java.net.URI.create("http://user:p@ss@127.0.0.1:18555"))).isTrue();
        assertThat(UriRedaction.hasUserinfo(java.net.URI.create("http://127.0.0.1:18555/a@b"))).isFalse();
    }

    @Test
    void leavesAUriWithoutSecretsAsGiven() {
        assertThat(UriRedaction.forMessages(" https://vl.example.invalid ")).isEqualTo("https://vl.example.invalid");
        assertThat(UriRedaction.forMessages(null)).isNull();
    }
}

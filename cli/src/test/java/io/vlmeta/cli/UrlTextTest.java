package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlTextTest {
    @Test
    void masksThePasswordAndKeepsTheUser() {
        assertThat(UrlText.withoutPassword("https://alice:S3cr3t@vl.example:2080/api"))
                .isEqualTo("https://alice:***@vl.example:2080/api");
    }

    @Test
    void masksAUserNameWithoutPasswordWholeAsItMayBeAToken() {
        assertThat(UrlText.withoutPassword("https://ghp_T0k3n@vl.example")).isEqualTo("https://***@vl.example");
    }

    @Test
    void masksAPasswordHoldingAnUnencodedAtSignUpToTheLastOne() {
        assertThat(UrlText.withoutPassword("http://user:p@ss@127.0.0.1:18555")).isEqualTo("http://***@127.0.0.1:18555");
    }

    @Test
    void namesOnlyTheSchemeWhenAnAtSignFollowsASlashQuestionMarkOrHash() {
        // a password holding an unencoded / ? or #, or a query, fragment or path parameter holding an @: either
        // side of the @ may be secret
        assertThat(UrlText.withoutPassword("http://127.0.0.1:18611/?a=b@SESSX")).isEqualTo("http://...");
        assertThat(UrlText.withoutPassword("http://127.0.0.1:18611/;jsessionid=a@SESSX")).isEqualTo("http://...");
        assertThat(UrlText.withoutPassword("https://alice:pa/ss@vl.example")).isEqualTo("https://...");
    }

    @Test
    void masksWhatMayBeCredentialsInAnUnparsableUrl() {
        assertThat(UrlText.withoutPassword("https://to ken@vl.example")).isEqualTo("https://***@vl.example");
    }

    @Test
    void leavesOutAQueryAFragmentAndPathParametersAsEveryMessageDoes() {
        assertThat(UrlText.withoutPassword("https://alice:S3cr3t@vl.example/api;jsessionid=S3SS10N?token=T0K#f"))
                .isEqualTo("https://alice:***@vl.example/api");
    }

    @Test
    void leavesAUrlWithoutCredentialsAsItIs() {
        assertThat(UrlText.withoutPassword("http://127.0.0.1:8080")).isEqualTo("http://127.0.0.1:8080");
        assertThat(UrlText.withoutPassword(null)).isNull();
    }
}

package io.vlmeta.sinks.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The base URL as the report keeps it: the server, never what may be credentials. */
class ReportAssemblerBaseUrlTest {
    @Test
    void keepsTheServerAndLeavesOutUserinfoQueryAndFragment() {
        assertThat(ReportAssembler.withoutCredentials("https://bob:pw@vl.example.com:8443/api?token=t#f"))
                .isEqualTo("https://vl.example.com:8443/api");
    }

    @Test
    void hidesAPasswordWhoseUnencodedAtSignLeavesJavaNoHost() {
        assertThat(ReportAssembler.withoutCredentials("http://user:p@ss@127.0.0.1:18555")).isEqualTo("(hidden)");
    }
}

package io.vlmeta.sinks.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.RunSummary;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The base URL as the report keeps it: the server, never what may be credentials. */
class ReportAssemblerBaseUrlTest {
    private static String reported(String baseUrl) {
        RunSummary summary = new RunSummary("m.csv", "csv", "no media mapping", true, List.of(), Map.of(), 0, 0, 0,
                List.of(), true, List.of());
        return new ReportAssembler(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), () -> "run")
                .assemble(summary, Map.of(), "d1", baseUrl, "validation", null, List.of()).baseUrl();
    }

    @Test
    void keepsTheServerAndLeavesOutUserinfoQueryAndFragment() {
        assertThat(reported("https://bob:pw@vl.example.com:8443/api?token=t#f")).isEqualTo("https://vl.example.com:8443/api");
    }

    @Test
    void leavesOutPathParametersSuchAsASessionId() {
        assertThat(reported("https://vl.example.com/api;jsessionid=S3SS10N/v1")).isEqualTo("https://vl.example.com/api/v1");
    }

    @Test
    void keepsTheServerOfAPasswordWhoseUnencodedAtSignLeavesJavaNoHost() {
        assertThat(reported("http://user:p@ss@127.0.0.1:18555")).isEqualTo("http://127.0.0.1:18555");
    }

    @Test
    void keepsAServerWithoutSecretsAsGiven() {
        assertThat(reported("http://localhost:2080")).isEqualTo("http://localhost:2080");
        assertThat(reported(null)).isNull();
    }
}

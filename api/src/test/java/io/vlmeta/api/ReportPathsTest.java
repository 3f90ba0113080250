package io.vlmeta.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReportPathsTest {
    @Test
    void derivesTheJsonPathFromAnyGivenName() {
        assertThat(ReportPaths.at(Path.of("r/run.html"))).isEqualTo(new ReportPaths(Path.of("r/run.html"),
                Path.of("r/run.json")));
        assertThat(ReportPaths.at(Path.of("run.json"))).isEqualTo(new ReportPaths(Path.of("run.html"),
                Path.of("run.json")));
        assertThat(ReportPaths.at(Path.of("run"))).isEqualTo(new ReportPaths(Path.of("run.html"), Path.of("run.json")));
    }
}

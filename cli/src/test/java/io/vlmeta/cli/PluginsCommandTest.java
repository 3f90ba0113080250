package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsCommandTest {
    @TempDir
    Path dir;

    @Test
    void listsEveryBuiltInSourceFieldTypeAndSink() {
        CliRun run = CliRun.of(Map.of(), dir, "plugins", "--plugins-dir", dir.toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).startsWith("KIND ");
        assertThat(run.out()).containsPattern("(?m)^source +csv +\\S+")
                .containsPattern("(?m)^source +xlsx ")
                .containsPattern("(?m)^source +dicom-sidecar ")
                .containsPattern("(?m)^source +jsonl +\\S*sources-jsonl\\S* +JSON Lines")
                .containsPattern("(?m)^source +parquet +\\S*sources-parquet\\S* +Apache Parquet")
                .containsPattern("(?m)^field-type +multi-enum ")
                .containsPattern("(?m)^field-type +link ")
                .containsPattern("(?m)^sink +visual-layer ")
                .containsPattern("(?m)^sink +report +\\S*vlmeta-sinks-report\\S* +Dry-run report");
    }
}

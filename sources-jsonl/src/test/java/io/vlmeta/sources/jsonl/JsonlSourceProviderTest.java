package io.vlmeta.sources.jsonl;

import io.vlmeta.api.SourceProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class JsonlSourceProviderTest {

    private final JsonlSourceProvider provider = new JsonlSourceProvider();

    @Test
    void isFoundByTheServiceLoaderUnderTheNameJsonl() {
        assertThat(ServiceLoader.load(SourceProvider.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(JsonlSourceProvider.class);
        assertThat(provider.name()).isEqualTo("jsonl");
        assertThat(provider.optionNames()).hasValue(java.util.Set.of());
    }

    @ParameterizedTest
    @CsvSource({
            "labels.jsonl, 10",
            "LABELS.JSONL, 10",
            "export.ndjson, 10",
            "export.jsonl.gz, 10",
            "export.ndjson.gz, 10",
            "scan.json, 0",
            "metadata.csv, 0",
            "archive.gz, 0",
    })
    void scoresPathsByTheirExtension(String path, int score) {
        assertThat(provider.score(Path.of(path))).isEqualTo(score);
    }

    @Test
    void cannotReadAFolder(@TempDir Path dir) throws Exception {
        assertThat(provider.score(Files.createDirectory(dir.resolve("labels.jsonl")))).isZero();
    }
}

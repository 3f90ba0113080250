package io.vlmeta.sources.parquet;

import io.vlmeta.api.SourceProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ParquetSourceProviderTest {

    private final ParquetSourceProvider provider = new ParquetSourceProvider();

    @Test
    void isFoundByTheServiceLoaderUnderTheNameParquet() {
        assertThat(ServiceLoader.load(SourceProvider.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(ParquetSourceProvider.class);
        assertThat(provider.name()).isEqualTo("parquet");
        assertThat(provider.optionNames()).hasValue(Set.of());
    }

    @ParameterizedTest
    @CsvSource({
            "metadata.parquet, 10",
            "PART-00000.PARQUET, 10",
            "metadata.csv, 0",
            "labels.jsonl, 0",
            "_metadata.parquet, 0",
    })
    void scoresFilesByTheirExtension(String path, int score) {
        assertThat(provider.score(Path.of(path))).isEqualTo(score);
    }

    @Test
    void scoresAFolderByWhetherItHoldsParquetFiles(@TempDir Path dir) throws Exception {
        assertThat(provider.score(SourceRun.fixture("parts"))).isEqualTo(10);
        assertThat(provider.score(Files.createDirectory(dir.resolve("empty")))).isZero();
    }
}

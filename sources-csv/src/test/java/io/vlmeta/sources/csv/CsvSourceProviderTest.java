package io.vlmeta.sources.csv;

import io.vlmeta.api.SourceProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class CsvSourceProviderTest {

    private final CsvSourceProvider provider = new CsvSourceProvider();

    @Test
    void isFoundByTheServiceLoaderUnderTheNameCsv() {
        assertThat(ServiceLoader.load(SourceProvider.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(CsvSourceProvider.class);
        assertThat(provider.name()).isEqualTo("csv");
    }

    @ParameterizedTest
    @CsvSource({
            "metadata.csv, 10",
            "METADATA.CSV, 10",
            "data/export.tsv, 10",
            "notes.txt, 10",
            "book.xlsx, 0",
            "scan.json, 0",
            "csv, 0",
    })
    void scoresPathsByTheirExtension(String path, int score) {
        assertThat(provider.score(Path.of(path))).isEqualTo(score);
    }

    @Test
    void cannotReadAFolderEvenWhenItsNameEndsInCsv(@TempDir Path dir) throws Exception {
        Path folder = java.nio.file.Files.createDirectory(dir.resolve("exports.csv"));

        assertThat(provider.score(folder)).isZero();
    }
}

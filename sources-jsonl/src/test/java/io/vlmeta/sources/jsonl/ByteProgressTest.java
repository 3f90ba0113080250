package io.vlmeta.sources.jsonl;

import io.vlmeta.api.RecordSource;
import io.vlmeta.api.SourceRequest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ByteProgressTest {

    @Test
    void countsTheFilesBytesUpToItsSizeOnceEveryLineIsRead() throws Exception {
        assertCountsWholeFile(SourceRun.fixture("duckdb-export.jsonl"));
    }

    @Test
    void countsTheCompressedBytesOfAGzippedFileSoTheyCompareWithItsSize() throws Exception {
        assertCountsWholeFile(SourceRun.fixture("duckdb-export.jsonl.gz"));
    }

    private static void assertCountsWholeFile(Path file) throws Exception {
        try (RecordSource source = new JsonlSourceProvider().open(new SourceRequest(file, null, Map.of()),
                problem -> { })) {
            assertThat(source.bytesRead()).isLessThan(Files.size(file));
            int records = 0;
            while (source.next() != null) {
                records++;
            }
            assertThat(records).isPositive();
            assertThat(source.bytesRead()).isEqualTo(Files.size(file));
        }
    }
}

package io.vlmeta.sources.parquet;

import io.vlmeta.api.RecordSource;
import io.vlmeta.api.SourceRequest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ByteProgressTest {

    @Test
    void advancesWithTheRowGroupsReadAndEndsAtTheFilesSize() throws Exception {
        Path file = SourceRun.fixture("row-groups.parquet");
        List<Long> seen = new ArrayList<>();
        try (RecordSource source = new ParquetSourceProvider().open(new SourceRequest(file, null, Map.of()),
                problem -> { })) {
            assertThat(source.bytesRead()).isZero();
            while (source.next() != null) {
                if (seen.isEmpty() || seen.get(seen.size() - 1) != source.bytesRead()) {
                    seen.add(source.bytesRead());
                }
            }
            // the row groups' compressed bytes while records are read, then the whole file with its footer
            assertThat(seen).hasSizeGreaterThan(1).doesNotHaveDuplicates().isSorted();
            assertThat(seen.get(0)).isPositive().isLessThan(Files.size(file));
            assertThat(source.bytesRead()).isEqualTo(Files.size(file));
        }
    }
}

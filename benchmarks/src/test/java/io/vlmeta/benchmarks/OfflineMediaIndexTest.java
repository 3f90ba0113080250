package io.vlmeta.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.MediaResolver;
import io.vlmeta.api.Resolution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineMediaIndexTest {

    @TempDir
    Path temp;

    @Test
    void resolvesGeneratedPathsToTheMediaIdsOfTheExport() throws IOException {
        Path export = temp.resolve("export.csv");
        OfflineMediaIndex.writeExport(export, 1_500, 3);
        List<CSVRecord> rows = GeneratedFiles.readCsv(export);

        MediaResolver index = OfflineMediaIndex.open(export, temp);

        assertThat(index.size()).isEqualTo(1_500);
        assertThat(index.resolve("images/shard-0000/img-0001234.jpg"))
                .isEqualTo(new Resolution.Matched(rows.get(1_235).get(1), 1_234));
        assertThat(index.resolve("images/shard-0000/img-0001500.jpg")).isEqualTo(Resolution.Unmatched.INSTANCE);
    }

    @Test
    void writesTheSameExportAsTheGeneratorForTheSameSeed() throws IOException {
        Path export = temp.resolve("export.csv");
        OfflineMediaIndex.writeExport(export, 200, 8);
        GeneratedFiles.generate(temp.resolve("generated"), 200, 8, OutputFormat.CSV);

        assertThat(Files.mismatch(export, temp.resolve("generated/export.csv"))).isEqualTo(-1);
    }
}

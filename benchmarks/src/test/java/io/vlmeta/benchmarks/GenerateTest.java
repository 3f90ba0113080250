package io.vlmeta.benchmarks;

import static io.vlmeta.benchmarks.GeneratedFiles.column;
import static io.vlmeta.benchmarks.GeneratedFiles.readCsv;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateTest {

    @TempDir
    Path temp;

    @Test
    void sameSeedWritesIdenticalFiles() throws IOException {
        Path first = GeneratedFiles.generate(temp.resolve("a"), 2_000, 42, OutputFormat.CSV);
        Path second = GeneratedFiles.generate(temp.resolve("b"), 2_000, 42, OutputFormat.CSV);

        assertThat(Files.mismatch(first.resolve("metadata.csv"), second.resolve("metadata.csv"))).isEqualTo(-1);
        assertThat(Files.mismatch(first.resolve("export.csv"), second.resolve("export.csv"))).isEqualTo(-1);
    }

    @Test
    void differentSeedsKeepThePathsButChangeValuesAndIds() throws IOException {
        List<CSVRecord> first = readCsv(GeneratedFiles.generate(temp.resolve("a"), 500, 1, OutputFormat.CSV)
                .resolve("metadata.csv"));
        List<CSVRecord> second = readCsv(GeneratedFiles.generate(temp.resolve("b"), 500, 2, OutputFormat.CSV)
                .resolve("metadata.csv"));

        assertThat(column(second, "file_fullpath")).isEqualTo(column(first, "file_fullpath"));
        assertThat(column(second, "confidence")).isNotEqualTo(column(first, "confidence"));
        assertThat(readCsv(temp.resolve("b/export.csv"))).extracting(r -> r.get(1))
                .doesNotContainAnyElementsOf(readCsv(temp.resolve("a/export.csv")).stream().skip(1)
                        .map(r -> r.get(1)).toList());
    }

    @Test
    void metadataHasTheKeyColumnTheEightFieldsAndOneRowPerImage() throws IOException {
        List<CSVRecord> records = readCsv(GeneratedFiles.generate(temp, 1_234, 7, OutputFormat.CSV)
                .resolve("metadata.csv"));

        assertThat(records.get(0).toList()).containsExactly("file_fullpath", "caption", "confidence",
                "altitude_m", "captured_at", "weather", "camera", "tags", "source_url");
        assertThat(records).hasSize(1_235).allSatisfy(r -> assertThat(r.size()).isEqualTo(9));
        assertThat(column(records, "file_fullpath")).startsWith("images/shard-0000/img-0000000.jpg",
                "images/shard-0000/img-0000001.jpg").endsWith("images/shard-0000/img-0001233.jpg");
    }

    @Test
    void exportMapsEveryPathOnceToItsOwnVersionFourUuid() throws IOException {
        GeneratedFiles.generate(temp, 3_000, 11, OutputFormat.CSV);
        List<CSVRecord> export = readCsv(temp.resolve("export.csv"));

        assertThat(export.get(0).toList()).containsExactly("filename", "media_id");
        assertThat(column(export, "filename")).isEqualTo(column(readCsv(temp.resolve("metadata.csv")), "file_fullpath"));
        List<String> ids = column(export, "media_id");
        assertThat(new HashSet<>(ids)).hasSize(3_000);
        assertThat(ids).allSatisfy(id -> {
            assertThat(UUID.fromString(id).toString()).isEqualTo(id);
            assertThat(UUID.fromString(id).version()).isEqualTo(4);
        });
    }

    @Test
    void writesTheTypeFlagsThatDeclareTheFields() throws IOException {
        GeneratedFiles.generate(temp, 1, 1, OutputFormat.CSV);

        assertThat(Files.readString(temp.resolve("field-flags.txt"))).isEqualTo("--string-fields caption "
                + "--float-fields confidence altitude_m --datetime-fields captured_at --enum-fields weather camera "
                + "--multi-enum-fields tags --link-fields source_url\n");
    }
}

package io.vlmeta.sinks.visuallayer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MediaSampleTest {
    @TempDir
    Path dir;

    private Path export(int media, boolean uuids) throws IOException {
        Path file = dir.resolve("export-" + media + "-" + uuids + ".csv");
        StringBuilder csv = new StringBuilder("media_type,filename,media_id\n");
        SplittableRandom ids = new SplittableRandom(media);
        for (int i = 0; i < media; i++) {
            String id = uuids ? new UUID(ids.nextLong(), ids.nextLong()).toString() : "media-" + i;
            csv.append(String.format(Locale.ROOT, "image,images/img-%06d.jpg, %s \n", i, id));
            if (i % 97 == 0) {
                csv.append('\n'); // a blank line, which neither the index nor the sample counts
            }
        }
        Files.writeString(file, csv);
        return file;
    }

    private static MediaIndex index(Path export) {
        return ExportReader.read(export, export.toString(), MatchMode.PATH).build("test");
    }

    @Test
    void drawsTheSameMediaAsReadingTheExportsMediaIdColumnAgain() throws IOException {
        for (int media : new int[] {0, 1, 19, 20, 21, 1_000, 25_000}) {
            for (boolean uuids : new boolean[] {true, false}) {
                Path export = export(media, uuids);

                assertThat(MediaSample.of(index(export))).as("%,d media, UUIDs %s", media, uuids)
                        .isEqualTo(sampledFromTheFile(export));
            }
        }
    }

    @Test
    void takesEveryMediaOfASmallDatasetInExportOrder() throws IOException {
        Path export = export(5, false);

        assertThat(MediaSample.of(index(export))).containsExactly("media-0", "media-1", "media-2", "media-3",
                "media-4");
    }

    @Test
    void drawsTwentyDistinctMediaFromAcrossALargeExportTheSameEachTime() throws IOException {
        MediaIndex index = index(export(25_000, false));

        List<String> sample = MediaSample.of(index);

        assertThat(sample).hasSize(MediaSample.SIZE).doesNotHaveDuplicates().isEqualTo(MediaSample.of(index));
        assertThat(sample).anyMatch(id -> Integer.parseInt(id.substring("media-".length())) >= 12_500);
    }

    /**
     * How the sample was drawn before it came from the index: the export's media_id column read again
     * with Commons CSV, blank ids skipped, stripped, into a seeded reservoir of 20.
     */
    private static List<String> sampledFromTheFile(Path export) throws IOException {
        List<String> items = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(15);
        long seen = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.parse(reader, format)) {
            int column = csv.getHeaderNames().indexOf("media_id");
            for (CSVRecord record : csv) {
                if (record.size() <= column || record.get(column).isBlank()) {
                    continue;
                }
                seen++;
                if (items.size() < 20) {
                    items.add(record.get(column).strip());
                } else {
                    long slot = random.nextLong(seen);
                    if (slot < 20) {
                        items.set((int) slot, record.get(column).strip());
                    }
                }
            }
        }
        return items;
    }
}

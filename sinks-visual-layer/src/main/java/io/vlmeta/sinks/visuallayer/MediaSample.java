package io.vlmeta.sinks.visuallayer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A few media ids drawn evenly from a dataset's export (reservoir sampling with a fixed seed, so the
 * same export gives the same sample), read back to tell whether an existing field already holds values.
 */
final class MediaSample {
    static final int SIZE = 20;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private MediaSample() {
    }

    /** @return up to {@link #SIZE} media ids; empty when the export cannot be read (the index reports why) */
    static List<String> of(Path export) {
        Reservoir reservoir = new Reservoir();
        try {
            if (ExportReader.startsLikeJson(export)) {
                try (JsonParser json = JSON.createParser(export.toFile())) {
                    while (json.nextToken() != null) {
                        if (json.currentToken() == JsonToken.FIELD_NAME && "media_id".equals(json.currentName())
                                && json.nextToken() == JsonToken.VALUE_STRING) {
                            reservoir.offer(json.getText());
                        }
                    }
                }
            } else {
                CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
                try (BufferedReader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8);
                     CSVParser csv = CSVParser.parse(reader, format)) {
                    int column = csv.getHeaderNames().stream()
                            .map(name -> name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList()
                            .indexOf("media_id");
                    if (column >= 0) {
                        for (CSVRecord record : csv) {
                            if (record.size() > column && !record.get(column).isBlank()) {
                                reservoir.offer(record.get(column).strip());
                            }
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return reservoir.items;
    }

    private static final class Reservoir {
        private final List<String> items = new ArrayList<>();
        private final SplittableRandom random = new SplittableRandom(15);
        private long seen;

        void offer(String id) {
            seen++;
            if (items.size() < SIZE) {
                items.add(id);
            } else {
                long slot = random.nextLong(seen);
                if (slot < SIZE) {
                    items.set((int) slot, id);
                }
            }
        }
    }
}

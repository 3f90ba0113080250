package io.vlmeta.sources.csv;

import io.vlmeta.api.ColumnInfo;
import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.SourceRequest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Measures records per second through the source on a generated file of one million rows with a
 * key and eight value columns, reading every value as the validation pass does. Not a test: run
 * it by hand ({@code java -cp <test+main classpath> io.vlmeta.sources.csv.CsvReadThroughputMain [file]}).
 */
public final class CsvReadThroughputMain {

    private static final int ROWS = 1_000_000;
    private static final int ROUNDS = 5;

    private CsvReadThroughputMain() {
    }

    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : Files.createTempFile("vlmeta-throughput", ".csv");
        if (Files.notExists(file) || Files.size(file) == 0) {
            write(file);
        }
        System.out.printf("%s: %,d bytes%n", file, Files.size(file));
        for (int round = 1; round <= ROUNDS; round++) {
            long start = System.nanoTime();
            long[] counts = readAll(file);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: %,d records, %,d values in %.2f s = %,.0f records/s%n",
                    round, counts[0], counts[1], seconds, counts[0] / seconds);
        }
        if (args.length == 0) {
            Files.delete(file);
        }
    }

    private static long[] readAll(Path file) {
        long records = 0;
        long values = 0;
        try (RecordSource source = new CsvSourceProvider().open(new SourceRequest(file, null, Map.of()),
                ProblemReporter.DISCARD)) {
            List<String> columns = source.columns().stream().map(ColumnInfo::name).toList();
            for (Record record = source.next(); record != null; record = source.next()) {
                records++;
                for (String column : columns) {
                    if (record.value(column) instanceof RawValue.Text) {
                        values++;
                    }
                }
            }
        }
        return new long[] {records, values};
    }

    private static void write(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("file_fullpath,patient_id,score,created_at,status,tags,pdf_url,notes,site\n");
            for (int i = 0; i < ROWS; i++) {
                out.write("images/batch" + (i % 100) + "/img" + i + ".jpg,P" + (i % 9973) + "," + (i % 1000) / 10.0
                        + ",2024-01-15T10:30:00Z," + (i % 3 == 0 ? "active" : "pending") + ",\"tag1, tag" + (i % 7)
                        + "\",https://example.com/doc" + i + ".pdf,some free text note,site-" + (i % 12) + "\n");
            }
        }
    }
}

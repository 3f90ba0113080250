package io.vlmeta.sources.csv;

import io.vlmeta.api.ColumnInfo;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.SourceRequest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Streams a CSV file through the source, reading every value, and prints how many records and
 * problems it saw. Run in a JVM with a small heap to show that memory does not grow with rows.
 */
public final class CountRecordsMain {

    private CountRecordsMain() {
    }

    public static void main(String[] args) {
        long[] problems = {0};
        long records = 0;
        long nonBlankValues = 0;
        SourceRequest request = new SourceRequest(Path.of(args[0]), null, Map.of());
        try (RecordSource source = new CsvSourceProvider().open(request, problem -> problems[0]++)) {
            List<String> columns = source.columns().stream().map(ColumnInfo::name).toList();
            for (Record record = source.next(); record != null; record = source.next()) {
                records++;
                for (String column : columns) {
                    if (!record.value(column).isBlank()) {
                        nonBlankValues++;
                    }
                }
            }
        }
        System.out.println("records=" + records + " values=" + nonBlankValues + " problems=" + problems[0]);
    }
}

package io.vlmeta.sources.dicom;

import io.vlmeta.api.ColumnInfo;
import io.vlmeta.api.Problem;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.SourceRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One full pass of the provider over an input, as the engine makes it. */
record SourceRun(List<ColumnInfo> columns, List<Record> records, List<Problem> problems, String keyColumn) {

    static SourceRun of(Path input, Map<String, String> options) {
        return of(input, null, options);
    }

    static SourceRun of(Path input, String keyColumn, Map<String, String> options) {
        List<Problem> problems = new ArrayList<>();
        List<Record> records = new ArrayList<>();
        try (RecordSource source = new DicomSidecarSourceProvider().open(new SourceRequest(input, keyColumn, options), problems::add)) {
            for (Record record = source.next(); record != null; record = source.next()) {
                records.add(record);
            }
            return new SourceRun(source.columns(), records, problems, source.keyColumn());
        }
    }

    Record record(String key) {
        return records.stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no record " + key + " in " + keys()));
    }

    List<String> keys() {
        return records.stream().map(Record::key).toList();
    }

    ColumnInfo column(String name) {
        return findColumn(name).orElseThrow(() -> new AssertionError("no column " + name + " in " + columnNames()));
    }

    Optional<ColumnInfo> findColumn(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    List<String> columnNames() {
        return columns.stream().map(ColumnInfo::name).toList();
    }

    List<String> renderedProblems() {
        return problems.stream().map(Problem::render).toList();
    }

    RawValue value(String key, String column) {
        return record(key).value(column);
    }

    /** Keys to values as display text, for readable failure messages. */
    Map<String, String> displayed(String key) {
        Map<String, String> shown = new LinkedHashMap<>();
        record(key).values().forEach((column, value) -> shown.put(column, value.display()));
        return shown;
    }
}

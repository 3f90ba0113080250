package io.vlmeta.sources.jsonl;

import io.vlmeta.api.ColumnInfo;
import io.vlmeta.api.Problem;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.SourceRequest;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Everything one pass over a file gave: its columns, the records and the problems reported. */
record SourceRun(List<ColumnInfo> columns, List<Record> records, List<Problem> problems) {

    static Path fixture(String name) {
        try {
            return Path.of(SourceRun.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static SourceRun of(Path file) {
        return of(new SourceRequest(file, null, Map.of()));
    }

    static SourceRun of(SourceRequest request) {
        List<Problem> problems = new ArrayList<>();
        List<Record> records = new ArrayList<>();
        try (RecordSource source = new JsonlSourceProvider().open(request, problems::add)) {
            for (Record record = source.next(); record != null; record = source.next()) {
                records.add(record);
            }
            return new SourceRun(source.columns(), records, problems);
        }
    }

    Record record(String key) {
        return records.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    List<String> columnNames() {
        return columns.stream().map(ColumnInfo::name).toList();
    }

    List<String> keys() {
        return records.stream().map(Record::key).toList();
    }

    List<String> renderedProblems() {
        return problems.stream().map(Problem::render).toList();
    }
}

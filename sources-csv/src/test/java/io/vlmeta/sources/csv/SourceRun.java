package io.vlmeta.sources.csv;

import io.vlmeta.api.Problem;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.SourceRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Everything one pass over a file gave: the records and the problems reported. */
record SourceRun(List<Record> records, List<Problem> problems) {

    static SourceRun of(Path file) {
        return of(new SourceRequest(file, null, Map.of()));
    }

    static SourceRun of(Path file, Map<String, String> options) {
        return of(new SourceRequest(file, null, options));
    }

    static SourceRun of(SourceRequest request) {
        List<Problem> problems = new ArrayList<>();
        List<Record> records = new ArrayList<>();
        try (RecordSource source = new CsvSourceProvider().open(request, problems::add)) {
            for (Record record = source.next(); record != null; record = source.next()) {
                records.add(record);
            }
        }
        return new SourceRun(records, problems);
    }

    List<String> keys() {
        return records.stream().map(Record::key).toList();
    }

    List<Long> rows() {
        return records.stream().map(record -> record.location().row()).toList();
    }

    List<String> renderedProblems() {
        return problems.stream().map(Problem::render).toList();
    }
}

package io.vlmeta.sources.xlsx;

import io.vlmeta.api.Problem;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.SourceRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything one pass over a sheet yields, read through the provider as the engine reads it.
 *
 * @param keyColumn the source's key column
 * @param columns   the value column names
 * @param records   the records in order
 * @param problems  the problems reported, in order
 */
record SheetReading(String keyColumn, List<String> columns, List<Record> records, List<Problem> problems) {

    static SheetReading of(Path file) {
        return of(new SourceRequest(file, null, Map.of()));
    }

    static SheetReading of(Path file, String sheet) {
        return of(new SourceRequest(file, null, Map.of(XlsxSourceProvider.SHEET_OPTION, sheet)));
    }

    static SheetReading of(SourceRequest request) {
        List<Problem> problems = new ArrayList<>();
        List<Record> records = new ArrayList<>();
        try (RecordSource source = new XlsxSourceProvider().open(request, problems::add)) {
            for (Record record = source.next(); record != null; record = source.next()) {
                records.add(record);
            }
            return new SheetReading(source.keyColumn(),
                    source.columns().stream().map(column -> column.name()).toList(), records, problems);
        }
    }

    /** @return the record read from that spreadsheet row */
    Record row(long number) {
        return records.stream().filter(record -> record.location().row() == number).findFirst()
                .orElseThrow(() -> new AssertionError("no record for row " + number + " in " + records));
    }

    List<Long> rowNumbers() {
        return records.stream().map(record -> record.location().row()).toList();
    }

    List<String> renderedProblems() {
        return problems.stream().map(Problem::render).toList();
    }
}

package io.vlmeta.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.ColumnAccumulator;
import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.FieldSettings;
import io.vlmeta.api.ParseResult;
import io.vlmeta.api.Problem;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.SourceRequest;
import io.vlmeta.api.ValueParser;
import io.vlmeta.sources.csv.CsvSourceProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scale runs measure the clean path, so every generated value must pass the real field types. */
class GeneratedDataValidatesTest {

    private static final int ROWS = 3_000;

    @TempDir
    Path temp;

    @Test
    void everyGeneratedValuePassesItsFieldTypeThroughTheCsvSource() {
        GeneratedFiles.generate(temp, ROWS, 99, OutputFormat.CSV);
        Map<BenchmarkField, ValueParser> parsers = new LinkedHashMap<>();
        Map<BenchmarkField, ColumnAccumulator> accumulators = new LinkedHashMap<>();
        for (BenchmarkField field : BenchmarkSchema.FIELDS) {
            parsers.put(field, BenchmarkData.handler(field.type()).parser(FieldSettings.defaults()));
            accumulators.put(field, BenchmarkData.handler(field.type()).newAccumulator(field.name(),
                    FieldSettings.defaults()));
        }
        List<Problem> reported = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int rows = 0;

        try (RecordSource source = new CsvSourceProvider().open(
                new SourceRequest(temp.resolve("metadata.csv"), null, Map.of()), reported::add)) {
            for (Record row = source.next(); row != null; row = source.next()) {
                rows++;
                for (BenchmarkField field : BenchmarkSchema.FIELDS) {
                    ParseResult result = parsers.get(field).parse(row.value(field.name()));
                    if (result instanceof ParseResult.Value value) {
                        assertThat(value.warning()).as(field.name()).isNull();
                        accumulators.get(field).add(value.json());
                    } else if (result instanceof ParseResult.Invalid invalid) {
                        refused.add(row.location().rowLabel() + " " + field.name() + ": " + invalid.message());
                    }
                }
            }
        }

        assertThat(rows).isEqualTo(ROWS);
        assertThat(reported).isEmpty();
        assertThat(refused).isEmpty();
        for (BenchmarkField field : BenchmarkSchema.FIELDS) {
            assertThat(accumulators.get(field).finish()).as(field.name()).isEmpty();
        }
        FieldDeclaration weather = accumulators.get(BenchmarkData.firstFieldOf("enum")).declaration();
        assertThat(weather.enumOptions()).containsExactly("Cloudy", "Fog", "Night", "Overcast", "Rain", "Snow", "Sunny");
        assertThat(accumulators.get(BenchmarkData.firstFieldOf("multi-enum")).declaration().multi()).isTrue();
    }
}

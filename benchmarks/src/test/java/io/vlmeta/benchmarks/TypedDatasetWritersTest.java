package io.vlmeta.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.Problem;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.SourceProvider;
import io.vlmeta.api.SourceRequest;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON Lines and Parquet the generator writes read back, through their sources, as the CSV's cells typed. */
class TypedDatasetWritersTest {

    @TempDir
    Path dir;

    private static List<Record> read(Path file, String sourceName, List<Problem> problems) {
        SourceProvider source = ServiceLoader.load(SourceProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(sourceName)).findFirst().orElseThrow();
        List<Record> records = new ArrayList<>();
        try (RecordSource open = source.open(new SourceRequest(file, null, Map.of()), problems::add)) {
            for (Record record = open.next(); record != null; record = open.next()) {
                records.add(record);
            }
        }
        return records;
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsonl", "parquet"})
    void writesTheCsvsRowsWithTypedValues(String format) {
        GenerateArguments csv = new GenerateArguments(500, 7, dir.resolve("csv"), OutputFormat.CSV);
        GenerateArguments typed = new GenerateArguments(500, 7, dir.resolve(format), OutputFormat.parse(format));
        Generate.write(csv);
        Generate.write(typed);
        List<Problem> problems = new ArrayList<>();

        List<Record> texts = read(csv.metadataFile(), "csv", problems);
        List<Record> values = read(typed.metadataFile(), format, problems);

        assertThat(problems).isEmpty();
        assertThat(values).extracting(Record::key).containsExactlyElementsOf(texts.stream().map(Record::key).toList());
        for (int i = 0; i < texts.size(); i++) {
            Record text = texts.get(i);
            Record value = values.get(i);
            for (BenchmarkField field : BenchmarkSchema.FIELDS) {
                RawValue cell = text.value(field.name());
                RawValue typedCell = value.value(field.name());
                if (cell.isBlank()) {
                    assertThat(typedCell).as(field.name()).isEqualTo(RawValue.Missing.INSTANCE);
                    continue;
                }
                String written = ((RawValue.Text) cell).value();
                switch (field.type()) {
                    case "float" -> assertThat(((RawValue.Number) typedCell).value().doubleValue())
                            .as(field.name()).isEqualTo(Double.parseDouble(written));
                    case "multi-enum" -> assertThat(((RawValue.ListValue) typedCell).items())
                            .extracting(RawValue::display).containsExactlyElementsOf(TypedCells.tags(written));
                    case "datetime" -> {
                        if (typedCell instanceof RawValue.DateTime dateTime) {
                            assertThat(dateTime.dateTime().toInstant(dateTime.offset()))
                                    .isEqualTo(TypedCells.instant(written));
                            assertThat(dateTime.offset()).isEqualTo(ZoneOffset.UTC);
                        } else {
                            assertThat(typedCell).isEqualTo(new RawValue.Text(written));
                        }
                    }
                    default -> assertThat(typedCell).as(field.name()).isEqualTo(new RawValue.Text(written));
                }
            }
        }
    }
}

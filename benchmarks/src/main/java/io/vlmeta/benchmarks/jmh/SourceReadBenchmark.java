package io.vlmeta.benchmarks.jmh;

import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.SourceProvider;
import io.vlmeta.api.SourceRequest;
import io.vlmeta.benchmarks.BenchmarkField;
import io.vlmeta.benchmarks.BenchmarkSchema;
import io.vlmeta.benchmarks.Generate;
import io.vlmeta.benchmarks.GenerateArguments;
import io.vlmeta.benchmarks.OutputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reads the same generated 1,000,000-row, 8-field metadata through the {@code csv}, {@code jsonl} and
 * {@code parquet} sources, touching every field's value as a validation pass does. Throughput is in rows
 * per second. The fork's heap is capped at 256 MiB: a source that held the file (about 100 MB as CSV)
 * rather than streaming it would fail or spend its time collecting garbage.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class SourceReadBenchmark {

    private static final int ROWS = 1_000_000;
    private static final List<String> FIELDS = BenchmarkSchema.FIELDS.stream().map(BenchmarkField::name).toList();

    @Param({"csv", "jsonl", "parquet"})
    public String format;

    private Path folder;
    private Path file;
    private SourceProvider source;

    @Setup
    public void setUp() throws IOException {
        folder = Files.createTempDirectory("vlmeta-source-bench");
        GenerateArguments arguments = new GenerateArguments(ROWS, 42, folder,
                OutputFormat.parse(format.toLowerCase(Locale.ROOT)));
        Generate.write(arguments);
        file = arguments.metadataFile();
        source = ServiceLoader.load(SourceProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(format)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the " + format + " source is not on the class path"));
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long readEveryRow(Blackhole blackhole) {
        long rows = 0;
        try (RecordSource records = source.open(new SourceRequest(file, null, Map.of()), ProblemReporter.DISCARD)) {
            for (Record row = records.next(); row != null; row = records.next()) {
                for (String field : FIELDS) {
                    RawValue value = row.value(field);
                    blackhole.consume(value);
                }
                rows++;
            }
        }
        if (rows != ROWS) {
            throw new IllegalStateException("read " + rows + " rows of " + ROWS);
        }
        return rows;
    }
}

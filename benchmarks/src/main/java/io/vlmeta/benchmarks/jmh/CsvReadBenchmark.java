package io.vlmeta.benchmarks.jmh;

import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.SourceProvider;
import io.vlmeta.api.SourceRequest;
import io.vlmeta.benchmarks.Generate;
import io.vlmeta.benchmarks.GenerateArguments;
import io.vlmeta.benchmarks.OutputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reads a generated 100,000-row, 8-field metadata CSV through the {@code csv} source, as both passes
 * of a job do. Throughput is in rows per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CsvReadBenchmark {

    private static final int ROWS = 100_000;

    private Path folder;
    private Path file;
    private SourceProvider csv;

    @Setup
    public void setUp() throws IOException {
        folder = Files.createTempDirectory("vlmeta-csv-bench");
        GenerateArguments arguments = new GenerateArguments(ROWS, 42, folder, OutputFormat.CSV);
        Generate.write(arguments);
        file = arguments.metadataFile();
        csv = ServiceLoader.load(SourceProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("csv")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the csv source is not on the class path"));
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
        try (RecordSource source = csv.open(new SourceRequest(file, null, Map.of()), ProblemReporter.DISCARD)) {
            for (Record row = source.next(); row != null; row = source.next()) {
                blackhole.consume(row);
                rows++;
            }
        }
        if (rows != ROWS) {
            throw new IllegalStateException("read " + rows + " rows of " + ROWS);
        }
        return rows;
    }
}

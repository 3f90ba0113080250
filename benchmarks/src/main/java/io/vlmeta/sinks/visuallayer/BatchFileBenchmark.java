package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.FieldSettings;
import io.vlmeta.api.ParseResult;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.ValueParser;
import io.vlmeta.benchmarks.BenchmarkData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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

/**
 * Writes one full upload batch (50,000 entries, the default batch size) of each field type's JSON
 * values to disk, as the Visual Layer sink does before sending it. Throughput is in entries per second.
 * It sits in the sink's package because the batch writer is internal to the sink.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BatchFileBenchmark {

    private static final int BATCH = 50_000;
    private static final int VALUES = 8192;

    @Param({"string", "float", "datetime", "enum", "multi-enum", "link"})
    public String type;

    private Path folder;
    private Object[] values;
    private String[] mediaIds;

    @Setup
    public void setUp() throws IOException {
        folder = Files.createTempDirectory("vlmeta-batch-bench");
        ValueParser parser = BenchmarkData.handler(type).parser(FieldSettings.defaults());
        RawValue[] cells = BenchmarkData.cells(BenchmarkData.firstFieldOf(type), VALUES, 42);
        values = new Object[VALUES];
        mediaIds = new String[VALUES];
        for (int i = 0; i < VALUES; i++) {
            if (!(parser.parse(cells[i]) instanceof ParseResult.Value value)) {
                throw new IllegalStateException("generated " + type + " value refused: " + cells[i].display());
            }
            values[i] = value.json();
            mediaIds[i] = UUID.nameUUIDFromBytes(new byte[] {(byte) i, (byte) (i >> 8)}).toString();
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.delete(folder);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int writeBatch() throws IOException {
        BatchFile batch = new BatchFile(folder, type, 1, 0);
        for (int i = 0; i < BATCH; i++) {
            batch.add(mediaIds[i & (VALUES - 1)], values[i & (VALUES - 1)], null);
        }
        BatchFile.Pending written = batch.close(false);
        Files.delete(written.file());
        return written.batch().count();
    }
}

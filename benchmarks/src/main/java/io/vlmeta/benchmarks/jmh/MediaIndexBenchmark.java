package io.vlmeta.benchmarks.jmh;

import io.vlmeta.api.MediaResolver;
import io.vlmeta.api.Resolution;
import io.vlmeta.benchmarks.OfflineMediaIndex;
import io.vlmeta.benchmarks.RowGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Looks metadata keys up in the Visual Layer sink's media index (built from a generated export, matched
 * by path): keys the dataset holds, in random order, and keys it does not.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class MediaIndexBenchmark {

    private static final int KEYS = 1 << 16;

    @Param({"1000000"})
    public int media;

    private MediaResolver index;
    private String[] present;
    private String[] absent;
    private int next;

    @Setup
    public void setUp() throws IOException {
        Path folder = Files.createTempDirectory("vlmeta-index-bench");
        Path export = folder.resolve("export.csv");
        OfflineMediaIndex.writeExport(export, media, 42);
        index = OfflineMediaIndex.open(export, folder);
        Files.delete(export);
        Files.delete(folder);
        SplittableRandom random = new SplittableRandom(7);
        present = new String[KEYS];
        absent = new String[KEYS];
        for (int i = 0; i < KEYS; i++) {
            present[i] = RowGenerator.path(random.nextInt(media));
            absent[i] = RowGenerator.path(media + random.nextInt(media));
        }
    }

    @Benchmark
    public Resolution resolvePresentKey() {
        next = (next + 1) & (KEYS - 1);
        return index.resolve(present[next]);
    }

    @Benchmark
    public Resolution resolveAbsentKey() {
        next = (next + 1) & (KEYS - 1);
        return index.resolve(absent[next]);
    }
}

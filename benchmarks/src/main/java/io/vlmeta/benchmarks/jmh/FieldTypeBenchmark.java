package io.vlmeta.benchmarks.jmh;

import io.vlmeta.api.ColumnAccumulator;
import io.vlmeta.api.FieldSettings;
import io.vlmeta.api.FieldTypeHandler;
import io.vlmeta.api.ParseResult;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.ValueParser;
import io.vlmeta.benchmarks.BenchmarkData;
import io.vlmeta.benchmarks.BenchmarkField;
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
 * One value through each field type, as validation does it: parse the raw cell, then (for
 * {@link #parseAndAccumulate}) add the JSON value to the column's accumulator. The values are the
 * generator's, so each type sees its realistic mix of forms.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FieldTypeBenchmark {

    private static final int VALUES = 8192;

    @Param({"string", "float", "datetime", "enum", "multi-enum", "link"})
    public String type;

    private ValueParser parser;
    private ColumnAccumulator accumulator;
    private RawValue[] cells;
    private int next;

    @Setup
    public void setUp() {
        BenchmarkField field = BenchmarkData.firstFieldOf(type);
        FieldTypeHandler handler = BenchmarkData.handler(type);
        parser = handler.parser(FieldSettings.defaults());
        accumulator = handler.newAccumulator(field.name(), FieldSettings.defaults());
        cells = BenchmarkData.cells(field, VALUES, 42);
    }

    private RawValue nextCell() {
        RawValue cell = cells[next];
        next = (next + 1) & (VALUES - 1);
        return cell;
    }

    @Benchmark
    public ParseResult parse() {
        return parser.parse(nextCell());
    }

    @Benchmark
    public ParseResult parseAndAccumulate() {
        ParseResult result = parser.parse(nextCell());
        if (result instanceof ParseResult.Value value) {
            accumulator.add(value.json());
        }
        return result;
    }
}

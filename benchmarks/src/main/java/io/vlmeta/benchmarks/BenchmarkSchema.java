package io.vlmeta.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The eight generated metadata columns, covering all six field types, and the command-line flags
 * that declare them.
 */
public final class BenchmarkSchema {

    /** The key column every generated metadata file starts with. */
    public static final String KEY_COLUMN = "file_fullpath";

    /** The generated fields, in column order. */
    public static final List<BenchmarkField> FIELDS = List.of(
            new BenchmarkField("caption", "string"),
            new BenchmarkField("confidence", "float"),
            new BenchmarkField("altitude_m", "float"),
            new BenchmarkField("captured_at", "datetime"),
            new BenchmarkField("weather", "enum"),
            new BenchmarkField("camera", "enum"),
            new BenchmarkField("tags", "multi-enum"),
            new BenchmarkField("source_url", "link"));

    private BenchmarkSchema() {
    }

    /** @return the header row: the key column, then every field */
    public static List<String> header() {
        return Stream.concat(Stream.of(KEY_COLUMN),
                FIELDS.stream().map(BenchmarkField::name)).toList();
    }

    /**
     * The type flags of {@code vlmeta validate} and {@code vlmeta upload} for these fields, e.g.
     * {@code --string-fields caption --float-fields confidence altitude_m ...}.
     *
     * @return the flags, separated by single spaces
     */
    public static String flags() {
        Map<String, List<String>> namesByType = FIELDS.stream().collect(Collectors.groupingBy(
                BenchmarkField::type, LinkedHashMap::new,
                Collectors.mapping(BenchmarkField::name, Collectors.toList())));
        return namesByType.entrySet().stream()
                .map(e -> "--" + e.getKey() + "-fields " + String.join(" ", e.getValue()))
                .collect(Collectors.joining(" "));
    }
}

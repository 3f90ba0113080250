package io.vlmeta.benchmarks;

import java.util.Objects;

/**
 * One generated column: its name in the metadata file and the vlmeta field type it is declared as.
 *
 * @param name the column name
 * @param type the field type name ({@code string}, {@code float}, {@code datetime}, {@code enum},
 *             {@code multi-enum} or {@code link})
 */
public record BenchmarkField(String name, String type) {

    public BenchmarkField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}

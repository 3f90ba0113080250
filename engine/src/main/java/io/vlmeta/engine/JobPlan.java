package io.vlmeta.engine;

import io.vlmeta.api.FieldPlan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job planned but not run: what {@code vlmeta plan} writes for review.
 *
 * @param source      the source plugin that reads the input (e.g. {@code csv})
 * @param description the input as the source names it in messages
 * @param keyColumn   the column holding each media's path
 * @param columns     every column the input offers, in its order
 * @param fields      the columns to upload, each with its type and why (declarations are {@code null})
 * @param leftOut     the input's other columns (the key column aside), each with why it is not uploaded
 */
public record JobPlan(String source, String description, String keyColumn, List<String> columns,
                     List<FieldPlan> fields, Map<String, String> leftOut) {

    public JobPlan {
        columns = List.copyOf(columns);
        fields = List.copyOf(fields);
        leftOut = Collections.unmodifiableMap(new LinkedHashMap<>(leftOut));
    }
}

package io.vlmeta.sources.jsonl;

import io.vlmeta.api.RawValue;

import java.util.Map;
import java.util.Set;

/**
 * One line read as an object, or why it could not be.
 *
 * @param values      the values by column ({@code a.b} for nested keys), {@code null} values left out;
 *                    {@code null} when the line was refused
 * @param objectPaths the paths that held an object on this line ({@code camera} for {@code {"camera": {...}}})
 * @param field       the column a refusal is about, or {@code null} when it is about the whole line
 * @param problem     why the line was refused, or {@code null}
 */
record JsonLine(Map<String, RawValue> values, Set<String> objectPaths, String field, String problem) {

    static JsonLine refused(String field, String problem) {
        return new JsonLine(null, Set.of(), field, problem);
    }

    boolean isRefused() {
        return problem != null;
    }
}

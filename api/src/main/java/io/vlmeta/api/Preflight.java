package io.vlmeta.api;

import java.util.List;
import java.util.Map;

/**
 * What a sink found when it checked the target before anything is sent.
 *
 * @param problems      errors (a field that exists with another type) and warnings; errors stop the job
 * @param skippedFields fields that will not be uploaded, with the reason (e.g. it exists already and
 *                      metadata is immutable, or an earlier run finished it)
 * @since 0.1
 */
public record Preflight(List<Problem> problems, Map<String, String> skippedFields) {

    /** Nothing found. */
    public static final Preflight NONE = new Preflight(List.of(), Map.of());

    public Preflight {
        problems = List.copyOf(problems);
        skippedFields = Map.copyOf(skippedFields);
    }
}

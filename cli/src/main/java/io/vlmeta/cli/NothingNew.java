package io.vlmeta.cli;

import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.Problem;
import io.vlmeta.api.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A rerun whose fields all exist is said once: "Nothing new to upload: fields X, Y exist with the
 * same type", not a warning, a skip line and a "0/2" for each field.
 */
final class NothingNew {
    private NothingNew() {
    }

    /**
     * @return the skipped fields grouped by why, e.g. {@code fields score, tags exist with the same
     *     type; field notes was finished by an earlier run}
     */
    static String describe(List<FieldOutcome> skipped) {
        List<String> exist = new ArrayList<>();
        List<String> finished = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (FieldOutcome outcome : skipped) {
            String message = outcome.message() == null ? "" : outcome.message();
            // the reasons the engine and the visual-layer sink give for skipping (VisualLayerSink.preflight)
            if (message.contains("already exists") && message.contains("same type")) {
                exist.add(outcome.fieldName());
            } else if (message.contains("finished by an earlier run")) {
                finished.add(outcome.fieldName());
            } else {
                other.add(message.isEmpty() ? "field " + outcome.fieldName() + " was skipped" : strip(message));
            }
        }
        List<String> parts = new ArrayList<>();
        if (!exist.isEmpty()) {
            parts.add(fields(exist) + (exist.size() == 1 ? " exists" : " exist") + " with the same type");
        }
        if (!finished.isEmpty()) {
            parts.add(fields(finished) + (finished.size() == 1 ? " was" : " were") + " finished by an earlier run");
        }
        parts.addAll(other);
        return String.join("; ", parts);
    }

    private static String fields(List<String> names) {
        return (names.size() == 1 ? "field " : "fields ") + String.join(", ", names);
    }

    private static String strip(String message) {
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    /**
     * @return the summary without the warnings that only repeat why a field was skipped (each skipped
     *     field is named once, in its skip line or in "Nothing new to upload")
     */
    static RunSummary withoutSkipEchoes(RunSummary summary) {
        Set<String> echoes = summary.outcomes().stream().filter(o -> o.status() == FieldOutcome.Status.SKIPPED)
                .map(o -> o.fieldName() + "\n" + o.message()).collect(Collectors.toSet());
        if (echoes.isEmpty()) {
            return summary;
        }
        List<Problem> kept = summary.problems().stream()
                .filter(p -> p.isError() || !echoes.contains(p.field() + "\n" + p.message())).toList();
        long dropped = summary.problems().size() - kept.size();
        return new RunSummary(summary.input(), summary.source(), summary.mapping(), summary.dryRun(), summary.plan(),
                Map.copyOf(summary.counts()), summary.rows(), summary.errorCount(), summary.warningCount() - dropped,
                kept, summary.gatePassed(), summary.outcomes());
    }
}

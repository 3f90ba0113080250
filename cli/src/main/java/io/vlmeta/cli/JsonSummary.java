package io.vlmeta.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vlmeta.api.FieldCounts;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.FieldPlan;
import io.vlmeta.api.Problem;
import io.vlmeta.api.RunSummary;
import io.vlmeta.engine.JobResult;
import io.vlmeta.engine.JobSpec;
import io.vlmeta.engine.Stops;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one JSON object {@code --json} prints on stdout: the job's outcome for scripts. */
final class JsonSummary {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonSummary() {
    }

    static String of(JobSpec spec, JobResult result) {
        RunSummary summary = result.summary();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", status(spec, result));
        json.put("exit_code", result.exitCode());
        json.put("mode", spec.mode().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        json.put("input", summary.input());
        json.put("source", summary.source());
        json.put("dataset_id", spec.datasetId());
        json.put("mapping", summary.mapping());
        json.put("rows", summary.rows());
        json.put("errors", summary.errorCount());
        json.put("warnings", summary.warningCount());
        json.put("gate_passed", summary.gatePassed());
        json.put("report", spec.reportPath() == null ? null : spec.reportPath().toString());
        Map<String, FieldOutcome> outcomes = new LinkedHashMap<>();
        summary.outcomes().forEach(o -> outcomes.put(o.fieldName(), o));
        List<Map<String, Object>> fields = new ArrayList<>();
        for (FieldPlan plan : summary.plan()) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", plan.column());
            field.put("type", plan.type());
            field.put("reason", plan.reason());
            FieldCounts counts = summary.counts().get(plan.column());
            if (counts != null) {
                field.put("values", counts.values());
                field.put("empty", counts.empty());
                field.put("invalid", counts.invalid());
                field.put("unmatched", counts.unmatched());
            }
            FieldOutcome outcome = outcomes.get(plan.column());
            if (outcome != null) {
                Map<String, Object> ended = new LinkedHashMap<>();
                ended.put("status", outcome.status().name());
                ended.put("sent", outcome.sent());
                ended.put("inserted", outcome.inserted() < 0 ? null : outcome.inserted());
                ended.put("rejected", outcome.rejected());
                ended.put("message", outcome.message());
                field.put("outcome", ended);
            }
            fields.add(field);
        }
        json.put("fields", fields);
        json.put("problems", summary.problems().stream().map(JsonSummary::problem).toList());
        return write(json);
    }

    /** The JSON for a job that stopped with an error before it had a summary. */
    static String error(String message, int exitCode) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", "error");
        json.put("exit_code", exitCode);
        json.put("error", message);
        return write(json);
    }

    private static String status(JobSpec spec, JobResult result) {
        if (!result.summary().gatePassed()) {
            return "validation-failed";
        }
        return switch (spec.mode()) {
            case VALIDATE -> "validated";
            case DRY_RUN -> "dry-run";
            case UPLOAD -> result.exitCode() == 0 ? "uploaded" : result.exitCode() == 4 ? "uploaded-with-rejections"
                    : result.exitCode() == Stops.EXIT_CODE ? "stopped" : "failed";
        };
    }

    private static Map<String, Object> problem(Problem problem) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("severity", problem.severity().name().toLowerCase(java.util.Locale.ROOT));
        json.put("category", problem.category().title());
        json.put("file", problem.location() == null ? null : problem.location().file());
        json.put("row", problem.location() == null ? null : problem.location().row());
        json.put("field", problem.field());
        json.put("message", problem.render());
        return json;
    }

    private static String write(Map<String, Object> json) {
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("plain values always serialise", impossible);
        }
    }
}

package io.vlmeta.cli;

import io.vlmeta.api.FieldPlan;
import io.vlmeta.engine.JobPlan;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code vlmeta plan} decided, as its {@code --json} document states it for scripts:
 * {@code {"status":"planned","exit_code":0,"file":...,"input":...,"source":...,"fields":[{"name","type",
 * "reason"}],"left_out":[{"name","reason"}],"plan":"version: 1\n..."}}. The fields are named as the jobs'
 * summaries name theirs; {@code plan} is the YAML itself, as written to {@code file}, for a script that keeps it
 * ({@code jq -r .plan > plan.yaml}).
 *
 * @param file the file the plan was written to, absolute; {@code null} without {@code -o}, when the document is
 *             the only place the plan was written
 * @param plan what was decided; never null
 * @param yaml the plan as YAML, which holds no secret; never null
 */
record PlanSummary(Path file, JobPlan plan, String yaml) {

    /** @return the document's keys in order, as {@link JsonSummary} writes them */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", "planned");
        json.put("exit_code", 0);
        json.put("file", file == null ? null : file.toString());
        json.put("input", plan.description());
        json.put("source", plan.source());
        json.put("fields", plan.fields().stream().map(PlanSummary::field).toList());
        json.put("left_out", plan.leftOut().entrySet().stream()
                .map(column -> named(column.getKey(), column.getValue())).toList());
        json.put("plan", yaml);
        return json;
    }

    private static Map<String, Object> field(FieldPlan field) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", field.column());
        json.put("type", field.type());
        json.put("reason", field.reason());
        return json;
    }

    private static Map<String, Object> named(String column, String reason) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", column);
        json.put("reason", reason);
        return json;
    }
}

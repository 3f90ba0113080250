package io.vlmeta.engine;

import io.vlmeta.api.FieldPlan;
import io.vlmeta.api.FieldTypeHandler;
import io.vlmeta.api.ValueParser;

/** A column chosen for upload, with its handler and a parser bound to the job's settings. */
record PlannedField(String column, String type, String reason, FieldTypeHandler handler, ValueParser parser) {

    FieldPlan toPlan() {
        return new FieldPlan(column, type, reason, null);
    }
}

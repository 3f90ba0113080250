package io.vlmeta.engine;

import io.vlmeta.api.FieldPlan;
import io.vlmeta.api.FieldTypeHandler;
import io.vlmeta.api.ParseResult;
import io.vlmeta.api.Record;
import io.vlmeta.api.ValueParser;

import java.util.List;

/** A column chosen for upload, with its handler and a parser bound to the job's settings. */
record PlannedField(String column, String type, String reason, FieldTypeHandler handler, ValueParser parser) {

    /** @return every field's value in {@code record} parsed, in the fields' order */
    static ParseResult[] parseAll(List<PlannedField> fields, Record record) {
        ParseResult[] parsed = new ParseResult[fields.size()];
        for (int i = 0; i < parsed.length; i++) {
            PlannedField field = fields.get(i);
            parsed[i] = field.parser().parse(record.value(field.column()));
        }
        return parsed;
    }

    FieldPlan toPlan() {
        return new FieldPlan(column, type, reason, null);
    }
}

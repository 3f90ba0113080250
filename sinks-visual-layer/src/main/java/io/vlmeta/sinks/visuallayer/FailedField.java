package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.Entry;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.FieldWriter;

import java.util.List;

/** A field that could not be declared: its entries are dropped and its outcome says why. */
final class FailedField implements FieldWriter {
    private final String fieldName;
    private final String message;

    FailedField(String fieldName, String message) {
        this.fieldName = fieldName;
        this.message = message;
    }

    @Override
    public void write(Entry entry) {
        // nothing can be sent without a task
    }

    @Override
    public FieldOutcome finish() {
        return new FieldOutcome(fieldName, FieldOutcome.Status.FAILED, 0, -1, 0, List.of(), message);
    }
}

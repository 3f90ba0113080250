package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.Entry;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.FieldWriter;

import java.util.List;

/** A field that could not be declared, or was not started: its entries are dropped and its outcome says why. */
final class FailedField implements FieldWriter {
    private final String fieldName;
    private final FieldOutcome.Status status;
    private final String message;

    FailedField(String fieldName, String message) {
        this(fieldName, FieldOutcome.Status.FAILED, message);
    }

    FailedField(String fieldName, FieldOutcome.Status status, String message) {
        this.fieldName = fieldName;
        this.status = status;
        this.message = message;
    }

    @Override
    public void write(Entry entry) {
        // nothing can be sent without a task
    }

    @Override
    public FieldOutcome finish() {
        return new FieldOutcome(fieldName, status, 0, -1, 0, List.of(), message);
    }
}

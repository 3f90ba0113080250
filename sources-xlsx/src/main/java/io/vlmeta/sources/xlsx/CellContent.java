package io.vlmeta.sources.xlsx;

import io.vlmeta.api.RawValue;

import java.util.Objects;

/** What one cell yields: a value, or a reason it cannot be used (an error cell, a formula never calculated). */
sealed interface CellContent permits CellContent.Value, CellContent.Failure {

    /** @param value the cell's value; {@link RawValue.Missing} for an empty cell */
    record Value(RawValue value) implements CellContent {
        public Value {
            Objects.requireNonNull(value, "value");
        }
    }

    /** @param message one sentence naming the cell and what to do about it */
    record Failure(String message) implements CellContent {
        public Failure {
            Objects.requireNonNull(message, "message");
        }
    }

    Value EMPTY = new Value(RawValue.Missing.INSTANCE);

    /** @return true when the cell holds nothing worth a header name or a record */
    default boolean isBlank() {
        return this instanceof Value v && v.value().isBlank();
    }
}

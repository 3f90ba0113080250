package io.vlmeta.sources.parquet;

import io.vlmeta.api.RawValue;
import org.apache.parquet.io.api.Binary;

/**
 * How one Parquet primitive column's stored values become {@link RawValue}s, straight from the stored
 * form (no text in between). A mapping only implements the call its physical type receives.
 */
interface ValueMapping {

    /** @return the field type {@code --infer} may take without reading values, or {@code null} */
    default String suggestedType() {
        return null;
    }

    /** @return true when the values are text, as the key column's must be */
    default boolean isText() {
        return false;
    }

    default RawValue ofBoolean(boolean value) {
        throw unexpected("BOOLEAN");
    }

    default RawValue ofInt(int value) {
        throw unexpected("INT32");
    }

    default RawValue ofLong(long value) {
        throw unexpected("INT64");
    }

    default RawValue ofFloat(float value) {
        throw unexpected("FLOAT");
    }

    default RawValue ofDouble(double value) {
        throw unexpected("DOUBLE");
    }

    default RawValue ofBinary(Binary value) {
        throw unexpected("BINARY");
    }

    private IllegalStateException unexpected(String physical) {
        return new IllegalStateException(getClass().getSimpleName() + " was given a " + physical + " value");
    }
}

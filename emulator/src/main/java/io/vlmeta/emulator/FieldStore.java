package io.vlmeta.emulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * The values of one declared field, by media ordinal, checked the way the server checks them.
 * Compact by design: arrays indexed by ordinal, never an object per value. Not thread-safe: callers
 * hold the store's monitor.
 */
interface FieldStore {

    /**
     * Checks a value and, when it is acceptable, stores it. The caller has already refused a second
     * value for the same media (see {@link #has(int)}).
     *
     * @return {@code null} when stored, otherwise the reason the server gives
     */
    String accept(int ordinal, UploadedValue value);

    /** @return true when the media has a value */
    boolean has(int ordinal);

    /** @return the stored value as plain Java: String, BigDecimal or List&lt;String&gt; */
    Object value(int ordinal);

    /** Writes the stored value as JSON. */
    void write(JsonGenerator generator, int ordinal) throws IOException;
}

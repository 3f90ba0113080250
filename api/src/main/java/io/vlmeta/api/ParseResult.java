package io.vlmeta.api;

import java.util.Objects;

/**
 * The outcome of parsing one raw value with a field type.
 *
 * @since 0.1
 */
public sealed interface ParseResult permits ParseResult.Value, ParseResult.Invalid, ParseResult.Absent {

    /**
     * An accepted value.
     *
     * @param json    the JSON value to send, as a plain JDK value: {@link String}, {@link java.math.BigDecimal},
     *                or {@code List<String>}; never {@code null}
     * @param warning a warning to count and show (e.g. a truncated string), or {@code null}
     */
    record Value(Object json, String warning) implements ParseResult {
        public Value {
            Objects.requireNonNull(json, "json");
        }
    }

    /**
     * A refused value.
     *
     * @param category the group it is printed under ({@link ProblemCategory#VALUE} or
     *                 {@link ProblemCategory#ENUM_CONSTRAINT})
     * @param message  the message without the row/field prefix, exactly as field-types.md words it
     */
    record Invalid(ProblemCategory category, String message) implements ParseResult {
        public Invalid {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(message, "message");
        }
    }

    /** No value (empty cell): nothing is uploaded, never an error. */
    enum Absent implements ParseResult {
        INSTANCE
    }

    /** @return an accepted value without a warning */
    static ParseResult of(Object json) {
        return new Value(json, null);
    }

    /** @return a refused value in the {@link ProblemCategory#VALUE} group */
    static ParseResult invalid(String message) {
        return new Invalid(ProblemCategory.VALUE, message);
    }

    /** @return the missing-value result */
    static ParseResult absent() {
        return Absent.INSTANCE;
    }
}

package io.vlmeta.api;

/**
 * Parses raw values for one field with settings already applied. Must be thread-safe and pure:
 * the same raw value always gives the same result.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ValueParser {

    /**
     * @param raw the raw value; never {@code null}
     * @return the value to send, a refusal, or {@link ParseResult.Absent} for empty cells; never {@code null}
     */
    ParseResult parse(RawValue raw);
}

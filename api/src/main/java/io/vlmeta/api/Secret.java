package io.vlmeta.api;

import java.util.Objects;

/**
 * A secret (API secret, token) that never shows itself: {@link #toString()} prints a mask, so a
 * secret that ends up in a log line, a report or an exception message reveals nothing.
 *
 * @since 0.1
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** @param value the secret text; never {@code null} */
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value"));
    }

    /** @return the secret text, for the one place that signs with it */
    public String reveal() {
        return value;
    }

    /** @return true when the secret is empty */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return "****";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}

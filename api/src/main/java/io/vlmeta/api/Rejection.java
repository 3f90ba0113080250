package io.vlmeta.api;

/**
 * An entry the server refused.
 *
 * @param key      the record's key
 * @param location the source row; {@code null} when the server's report could not be mapped back
 * @param value    the value as sent, as text
 * @param reason   the server's reason
 * @since 0.1
 */
public record Rejection(String key, Location location, String value, String reason) {
}

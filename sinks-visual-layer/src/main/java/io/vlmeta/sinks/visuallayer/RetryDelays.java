package io.vlmeta.sinks.visuallayer;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before a retry: the server's {@code Retry-After} when it sent one, else an
 * exponential backoff with full-range jitter (so parallel fields do not retry in lockstep).
 */
final class RetryDelays {
    private final Duration base;
    private final Duration max;

    RetryDelays(Duration base, Duration max) {
        this.base = base;
        this.max = max;
    }

    /** @param attempt the attempt that failed, from 1 */
    long backoffMillis(int attempt) {
        double exponential = base.toMillis() * Math.pow(2, Math.min(attempt - 1, 30));
        double capped = Math.min(exponential, max.toMillis());
        return Math.max(1, (long) (capped * (0.5 + ThreadLocalRandom.current().nextDouble() * 0.5)));
    }

    /** @return the wait for a retry after this answer */
    long millisAfter(int attempt, ApiResponse response) {
        Long retryAfter = retryAfterMillis(response.retryAfter());
        return retryAfter != null ? Math.min(retryAfter, max.toMillis()) : backoffMillis(attempt);
    }

    /** @return the header's wait in milliseconds (delta-seconds or an HTTP date), or null when absent or unreadable */
    static Long retryAfterMillis(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            return Math.max(0, Long.parseLong(value)) * 1000;
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis());
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}

package io.vlmeta.sinks.visuallayer;

import java.nio.charset.StandardCharsets;

/**
 * A server's answer, read in full (or streamed to {@link ApiCall#downloadTo()}).
 *
 * @param status     the HTTP status; {@code 200} for a request found to have landed after a lost answer
 * @param body       the body; empty when it was streamed to a file
 * @param retryAfter the {@code Retry-After} header, or {@code null}
 * @param attempts   how many times the request was sent
 */
record ApiResponse(int status, byte[] body, String retryAfter, int attempts) {

    boolean ok() {
        return status >= 200 && status < 300;
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    ApiResponse withAttempts(int count) {
        return new ApiResponse(status, body, retryAfter, count);
    }

    /** Retried: timeouts, throttling and server errors; every other 4xx is final. */
    boolean retryable() {
        return status == 408 || status == 429 || status >= 500;
    }
}

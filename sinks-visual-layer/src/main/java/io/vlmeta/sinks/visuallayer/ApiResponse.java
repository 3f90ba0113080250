package io.vlmeta.sinks.visuallayer;

import java.nio.charset.StandardCharsets;

/**
 * A server's answer, read in full (or streamed to {@link ApiCall#downloadTo()}).
 *
 * @param status     the HTTP status; {@link #NO_ANSWER} when the request may have reached the server
 *                   but no whole answer came back (dropped connection, read timeout)
 * @param body       the body; empty when it was streamed to a file; for {@link #NO_ANSWER}, what went wrong
 * @param retryAfter the {@code Retry-After} header, or {@code null}
 * @param attempts   how many times the request was sent
 */
record ApiResponse(int status, byte[] body, String retryAfter, int attempts) {
    /** The status of a request whose answer was lost. */
    static final int NO_ANSWER = 0;

    static ApiResponse lost(String why, int attempts) {
        return new ApiResponse(NO_ANSWER, why.getBytes(StandardCharsets.UTF_8), null, attempts);
    }

    boolean ok() {
        return status >= 200 && status < 300;
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    ApiResponse withAttempts(int count) {
        return new ApiResponse(status, body, retryAfter, count);
    }

    /** Retried for a repeatable request: timeouts, throttling and server errors; every other 4xx is final. */
    boolean retryable() {
        return status == 408 || status == 429 || status >= 500;
    }

    /**
     * For a request that is not safe to repeat: the server did not handle it, as RFC 9110 defines
     * {@code 408} (15.5.9), {@code 429} (RFC 6585) and {@code 503} (15.6.4), so it may be sent again.
     */
    boolean notHandled() {
        return status == 408 || status == 429 || status == 503;
    }

    /**
     * For a request that is not safe to repeat: the server may have processed it. A lost answer or a
     * 5xx other than 503 (a gateway's 502 or 504 comes after the request went through) is settled by
     * reading back, not by sending it again.
     */
    boolean inDoubt() {
        return status == NO_ANSWER || (status >= 500 && status != 503);
    }
}

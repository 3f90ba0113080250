package io.vlmeta.sinks.visuallayer;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

class RetryDelaysTest {

    @Test
    void honoursRetryAfterInSecondsUpToTheLongestDelay() {
        RetryDelays delays = new RetryDelays(Duration.ofMillis(100), Duration.ofSeconds(10));

        assertThat(delays.millisAfter(1, new ApiResponse(429, new byte[0], "3", 1))).isEqualTo(3_000);
        assertThat(delays.millisAfter(1, new ApiResponse(429, new byte[0], "3600", 1))).isEqualTo(10_000);
    }

    @Test
    void readsRetryAfterAsAnHttpDate() {
        String inOneMinute = ZonedDateTime.now().plusMinutes(1).format(DateTimeFormatter.RFC_1123_DATE_TIME);

        assertThat(RetryDelays.retryAfterMillis(inOneMinute)).isBetween(55_000L, 60_000L);
        assertThat(RetryDelays.retryAfterMillis("soon")).isNull();
    }

    @Test
    void backsOffExponentiallyWithJitterWithoutRetryAfter() {
        RetryDelays delays = new RetryDelays(Duration.ofMillis(100), Duration.ofMillis(1_000));

        assertThat(delays.backoffMillis(1)).isBetween(50L, 100L);
        assertThat(delays.backoffMillis(3)).isBetween(200L, 400L);
        assertThat(delays.backoffMillis(10)).isBetween(500L, 1_000L);
    }
}

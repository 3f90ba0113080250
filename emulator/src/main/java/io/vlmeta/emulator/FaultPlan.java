package io.vlmeta.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Faults the emulator injects into its answers, for reliability tests. Random faults are drawn from
 * the {@code seed}, the endpoint and the request's number on that endpoint, so the same plan and the
 * same sequence of requests per endpoint give the same faults on every run.
 *
 * <p>Requests are numbered per endpoint from 1, counting from the moment the plan is installed
 * (at start or by {@link Emulator#setFaults(FaultPlan)}). A request answered 503 or 429 (or another
 * {@link #failures() failure} status) is not processed. A dropped connection and a 502 after processing
 * are: the emulator does the work first, then closes the connection halfway through the response, or
 * answers {@code 502 Bad Gateway} with a gateway's HTML page instead of its own answer, as a failing
 * proxy in front of the server would.
 *
 * @param serviceUnavailableFraction share of requests answered {@code 503}, in {@code [0, 1]}
 * @param tooManyRequestsFraction    share of requests answered {@code 429}, in {@code [0, 1]}
 * @param retryAfterSeconds          the {@code Retry-After} header sent with a 429
 * @param fixedDelay                 a pause before every answer; {@link Duration#ZERO} for none
 * @param dropConnectionFraction     share of requests whose connection is closed mid-response, in {@code [0, 1]}
 * @param failures                   requests that fail by number, without being processed
 * @param seed                       the seed of the random faults
 * @param badGatewayAfterProcessingFraction share of requests processed and then answered {@code 502}, in
 *                                   {@code [0, 1]}
 * @param afterProcessing            requests processed and then answered badly, by number
 */
public record FaultPlan(double serviceUnavailableFraction, double tooManyRequestsFraction, int retryAfterSeconds,
                        Duration fixedDelay, double dropConnectionFraction, List<NthFailure> failures, long seed,
                        double badGatewayAfterProcessingFraction, List<NthAfterProcessing> afterProcessing) {

    /** The endpoint names faults and request counts use. */
    public static final List<String> ENDPOINTS = Arrays.stream(Endpoint.values()).map(Endpoint::label).toList();

    private static final FaultPlan NONE = builder().build();

    public FaultPlan {
        requireFraction("serviceUnavailableFraction", serviceUnavailableFraction);
        requireFraction("tooManyRequestsFraction", tooManyRequestsFraction);
        requireFraction("dropConnectionFraction", dropConnectionFraction);
        Objects.requireNonNull(fixedDelay, "fixedDelay");
        if (fixedDelay.isNegative()) {
            throw new IllegalArgumentException("fixedDelay must not be negative: " + fixedDelay);
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative: " + retryAfterSeconds);
        }
        failures = List.copyOf(failures);
        requireFraction("badGatewayAfterProcessingFraction", badGatewayAfterProcessingFraction);
        afterProcessing = List.copyOf(afterProcessing);
    }

    /** The plan of the earlier releases: no faults after processing. */
    public FaultPlan(double serviceUnavailableFraction, double tooManyRequestsFraction, int retryAfterSeconds,
                     Duration fixedDelay, double dropConnectionFraction, List<NthFailure> failures, long seed) {
        this(serviceUnavailableFraction, tooManyRequestsFraction, retryAfterSeconds, fixedDelay, dropConnectionFraction,
                failures, seed, 0, List.of());
    }

    /** @return a plan without faults */
    public static FaultPlan none() {
        return NONE;
    }

    /** @return a builder starting from no faults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return true when this plan injects nothing */
    public boolean isNone() {
        return serviceUnavailableFraction == 0 && tooManyRequestsFraction == 0 && fixedDelay.isZero()
                && dropConnectionFraction == 0 && failures.isEmpty() && badGatewayAfterProcessingFraction == 0
                && afterProcessing.isEmpty();
    }

    private static void requireFraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1: " + value);
        }
    }

    /**
     * The {@code n}-th request (1-based) to {@code endpoint} answers {@code status} without being processed.
     *
     * @param endpoint one of {@link #ENDPOINTS}
     * @param n        the request number, from 1
     * @param status   the HTTP status to answer, 400 to 599
     */
    public record NthFailure(String endpoint, int n, int status) {
        public NthFailure {
            Objects.requireNonNull(endpoint, "endpoint");
            Endpoint.byLabel(endpoint);
            if (n < 1) {
                throw new IllegalArgumentException("request numbers start at 1: " + n);
            }
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("a failure status is between 400 and 599: " + status);
            }
        }
    }

    /** What the client gets instead of the answer of a request that was processed. */
    public enum AfterProcessing {
        /** The connection is closed halfway through the answer. */
        DROP_CONNECTION,
        /** {@code 502 Bad Gateway} with a gateway's HTML page, as a reverse proxy answers. */
        BAD_GATEWAY
    }

    /**
     * The {@code n}-th request (1-based) to {@code endpoint} is processed, then answered badly.
     *
     * @param endpoint one of {@link #ENDPOINTS}
     * @param n        the request number, from 1
     * @param outcome  what the client gets instead of the answer
     */
    public record NthAfterProcessing(String endpoint, int n, AfterProcessing outcome) {
        public NthAfterProcessing {
            Objects.requireNonNull(endpoint, "endpoint");
            Endpoint.byLabel(endpoint);
            Objects.requireNonNull(outcome, "outcome");
            if (n < 1) {
                throw new IllegalArgumentException("request numbers start at 1: " + n);
            }
        }
    }

    /** Builds a {@link FaultPlan}; every fault is off until set. */
    public static final class Builder {
        private double serviceUnavailableFraction;
        private double tooManyRequestsFraction;
        private int retryAfterSeconds = 1;
        private Duration fixedDelay = Duration.ZERO;
        private double dropConnectionFraction;
        private final List<NthFailure> failures = new ArrayList<>();
        private long seed;
        private double badGatewayAfterProcessingFraction;
        private final List<NthAfterProcessing> afterProcessing = new ArrayList<>();

        private Builder() {
        }

        /** @param fraction share of requests answered 503 */
        public Builder serviceUnavailableFraction(double fraction) {
            this.serviceUnavailableFraction = fraction;
            return this;
        }

        /**
         * @param fraction          share of requests answered 429
         * @param retryAfterSeconds the {@code Retry-After} value sent with them
         */
        public Builder tooManyRequests(double fraction, int retryAfterSeconds) {
            this.tooManyRequestsFraction = fraction;
            this.retryAfterSeconds = retryAfterSeconds;
            return this;
        }

        /** @param delay a pause before every answer */
        public Builder fixedDelay(Duration delay) {
            this.fixedDelay = delay;
            return this;
        }

        /**
         * Answers lost after processing: the emulator does the work (a declaration is declared, a file
         * applied), then closes the connection halfway through its answer.
         *
         * @param fraction share of requests whose connection is closed mid-response, in {@code [0, 1]}
         */
        public Builder dropConnectionFraction(double fraction) {
            this.dropConnectionFraction = fraction;
            return this;
        }

        /**
         * The {@code n}-th request (1-based) to {@code endpoint} answers {@code status} without being
         * processed. Repeatable.
         */
        public Builder failNth(String endpoint, int n, int status) {
            failures.add(new NthFailure(endpoint, n, status));
            return this;
        }

        /**
         * The {@code n}-th request (1-based) to {@code endpoint} is processed, then its connection is
         * closed halfway through the answer. Repeatable.
         */
        public Builder dropConnectionAfterProcessingNth(String endpoint, int n) {
            afterProcessing.add(new NthAfterProcessing(endpoint, n, AfterProcessing.DROP_CONNECTION));
            return this;
        }

        /**
         * 502 after processing: the emulator does the work, then answers {@code 502 Bad Gateway} with a
         * gateway's HTML page instead of its own answer.
         *
         * @param fraction share of requests, in {@code [0, 1]}
         */
        public Builder badGatewayAfterProcessingFraction(double fraction) {
            this.badGatewayAfterProcessingFraction = fraction;
            return this;
        }

        /**
         * The {@code n}-th request (1-based) to {@code endpoint} is processed, then answered
         * {@code 502 Bad Gateway}. Repeatable. (Compare {@link #failNth}: that request is not processed.)
         */
        public Builder badGatewayAfterProcessingNth(String endpoint, int n) {
            afterProcessing.add(new NthAfterProcessing(endpoint, n, AfterProcessing.BAD_GATEWAY));
            return this;
        }

        /** @param seed the seed of the random faults */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** @return the plan */
        public FaultPlan build() {
            return new FaultPlan(serviceUnavailableFraction, tooManyRequestsFraction, retryAfterSeconds, fixedDelay,
                    dropConnectionFraction, failures, seed, badGatewayAfterProcessingFraction, afterProcessing);
        }
    }
}

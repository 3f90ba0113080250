package io.vlmeta.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link Emulator} runs.
 *
 * @param port            the TCP port on the loopback interface; {@code 0} picks a free one
 * @param apiKey          the API key tokens must name ({@code kid} and {@code sub}); {@code null} with
 *                        {@code apiSecret} for an on-premises server without authentication
 * @param apiSecret       the secret tokens are signed with (HS256); {@code null} with {@code apiKey}
 * @param maxTokenAge     refuse tokens whose {@code iat} is older than this, even before {@code exp};
 *                        {@code null} to check {@code exp} only
 * @param pollsToComplete how many status polls after the last upload answer {@code IN_PROGRESS} before one
 *                        answers the final status; {@code 0} completes on the first poll. A task reports a
 *                        final status only once every file it received was applied.
 * @param faults          faults to inject; never {@code null}
 * @param taskPolicy      when a task stops taking files; {@link TaskPolicy#OPEN_UNTIL_FAILED} by default,
 *                        never {@code null}
 * @param applyDelay      {@link Duration#ZERO} (the default) applies a file before its upload is answered;
 *                        longer answers {@code 202} at once and applies the file this long afterwards
 * @param applyCutOffUploads false (the default): an upload whose body does not arrive whole changes
 *                        nothing; true: the entries that arrived whole before the cut are applied
 */
public record EmulatorConfig(int port, String apiKey, String apiSecret, Duration maxTokenAge, int pollsToComplete,
                             FaultPlan faults, TaskPolicy taskPolicy, Duration applyDelay,
                             boolean applyCutOffUploads) {

    /** The default number of {@code IN_PROGRESS} polls before a task completes. */
    public static final int DEFAULT_POLLS_TO_COMPLETE = 2;

    public EmulatorConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        if ((apiKey == null) != (apiSecret == null)) {
            throw new IllegalArgumentException("give both the API key and the API secret, or neither");
        }
        if (apiKey != null && (apiKey.isBlank() || apiSecret.isEmpty())) {
            throw new IllegalArgumentException("the API key and the API secret must not be blank");
        }
        if (maxTokenAge != null && (maxTokenAge.isNegative() || maxTokenAge.isZero())) {
            throw new IllegalArgumentException("maxTokenAge must be positive: " + maxTokenAge);
        }
        if (pollsToComplete < 0) {
            throw new IllegalArgumentException("pollsToComplete must not be negative: " + pollsToComplete);
        }
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(taskPolicy, "taskPolicy");
        Objects.requireNonNull(applyDelay, "applyDelay");
        if (applyDelay.isNegative()) {
            throw new IllegalArgumentException("applyDelay must not be negative: " + applyDelay);
        }
    }

    /** The configuration of the earlier releases: default task policy, synchronous application. */
    public EmulatorConfig(int port, String apiKey, String apiSecret, Duration maxTokenAge, int pollsToComplete,
                          FaultPlan faults) {
        this(port, apiKey, apiSecret, maxTokenAge, pollsToComplete, faults, TaskPolicy.OPEN_UNTIL_FAILED,
                Duration.ZERO, false);
    }

    /** @return true when files are applied after their upload was answered */
    public boolean appliesAsynchronously() {
        return !applyDelay.isZero();
    }

    /** @return an on-premises emulator on a free port, without faults */
    public static EmulatorConfig defaults() {
        return builder().build();
    }

    /** @return a builder starting from {@link #defaults()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return true when requests must carry a valid token */
    public boolean authenticated() {
        return apiKey != null;
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "EmulatorConfig[port=" + port + ", apiKey=" + apiKey + ", apiSecret=" + (apiSecret == null ? null : "****")
                + ", maxTokenAge=" + maxTokenAge + ", pollsToComplete=" + pollsToComplete + ", faults=" + faults
                + ", taskPolicy=" + taskPolicy + ", applyDelay=" + applyDelay + ", applyCutOffUploads="
                + applyCutOffUploads + "]";
    }

    /** Builds an {@link EmulatorConfig}. */
    public static final class Builder {
        private int port;
        private String apiKey;
        private String apiSecret;
        private Duration maxTokenAge;
        private int pollsToComplete = DEFAULT_POLLS_TO_COMPLETE;
        private FaultPlan faults = FaultPlan.none();
        private TaskPolicy taskPolicy = TaskPolicy.OPEN_UNTIL_FAILED;
        private Duration applyDelay = Duration.ZERO;
        private boolean applyCutOffUploads;

        private Builder() {
        }

        /** @param port the port, {@code 0} for a free one */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** @param apiKey the API key tokens must name */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** @param apiSecret the secret tokens are signed with */
        public Builder apiSecret(String apiSecret) {
            this.apiSecret = apiSecret;
            return this;
        }

        /** @param maxTokenAge the oldest {@code iat} accepted, or {@code null} */
        public Builder maxTokenAge(Duration maxTokenAge) {
            this.maxTokenAge = maxTokenAge;
            return this;
        }

        /** @param pollsToComplete status polls answering {@code IN_PROGRESS} before completion */
        public Builder pollsToComplete(int pollsToComplete) {
            this.pollsToComplete = pollsToComplete;
            return this;
        }

        /** @param faults the faults to inject */
        public Builder faults(FaultPlan faults) {
            this.faults = faults;
            return this;
        }

        /** @param taskPolicy when a task stops taking files */
        public Builder taskPolicy(TaskPolicy taskPolicy) {
            this.taskPolicy = taskPolicy;
            return this;
        }

        /**
         * Strict mode, as Visual Layer's reference script uses the API: each task takes exactly one
         * upload; a second upload to it is refused with {@code 409} and a JSON {@code detail}.
         * Same as {@code taskPolicy(TaskPolicy.ONE_UPLOAD)}.
         */
        public Builder strictOneUploadPerTask() {
            return taskPolicy(TaskPolicy.ONE_UPLOAD);
        }

        /**
         * Worst case: the first status poll that answers {@code COMPLETED} or {@code COMPLETED_WITH_ERRORS}
         * closes the task, and later uploads get {@code 409 ... accepts no more uploads}. Same as
         * {@code taskPolicy(TaskPolicy.CLOSED_BY_FINAL_POLL)}.
         */
        public Builder pollClosesTask() {
            return taskPolicy(TaskPolicy.CLOSED_BY_FINAL_POLL);
        }

        /**
         * Asynchronous application: an upload is answered {@code 202} (status {@code IN_PROGRESS}) as soon
         * as its body has arrived, and its file is applied {@code delay} later, files in arrival order. Until
         * then the read-back endpoint does not show its values and the status poll answers
         * {@code IN_PROGRESS}.
         *
         * @param delay how long after the answer the file is applied; {@link Duration#ZERO} for synchronous
         */
        public Builder applyUploadsAsynchronously(Duration delay) {
            this.applyDelay = delay;
            return this;
        }

        /**
         * Worst case: an upload whose request body is cut off mid-way (the client or a proxy closed the
         * connection) applies the entries that arrived whole before the cut; by default such an upload
         * changes nothing. The cut-off entry and everything after it are not applied.
         */
        public Builder applyCutOffUploadsPartially() {
            this.applyCutOffUploads = true;
            return this;
        }

        /** @return the configuration */
        public EmulatorConfig build() {
            return new EmulatorConfig(port, apiKey, apiSecret, maxTokenAge, pollsToComplete, faults, taskPolicy,
                    applyDelay, applyCutOffUploads);
        }
    }
}

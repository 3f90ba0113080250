package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.OptionRanges;
import io.vlmeta.api.SinkRequest;
import io.vlmeta.api.VlmetaException;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The sink's tuning knobs, read from {@link SinkRequest#options()} ({@code --sink-option k=v}).
 *
 * @param retryMaxAttempts attempts per request, the first included ({@code retry-max-attempts}, default 6)
 * @param retryBaseDelay   the first backoff, doubled on each retry, with jitter ({@code retry-base-delay-ms}, 500)
 * @param retryMaxDelay    the longest backoff, also the cap on {@code Retry-After} ({@code retry-max-delay-ms}, 60,000)
 * @param pollInterval     the first pause between status polls ({@code poll-interval-ms}, 50; it doubles up
 *                         to the longest: a task that ends soon after its last file is seen soon, and a long
 *                         one gets only two or three polls more than from 250)
 * @param pollMaxInterval  the longest pause between status polls ({@code poll-max-interval-ms}, 15,000)
 * @param connectTimeout   connecting to the server ({@code connect-timeout-ms}, 10,000)
 * @param requestTimeout   waiting for data on one request ({@code request-timeout-ms}, 300,000)
 * @param queuedBatches    batches of one field written ahead of the upload before the reader waits
 *                         ({@code queued-batches}, 2)
 * @param readBackWait     how long a batch in doubt is read back, for a server that applies files
 *                         asynchronously, before it is judged not applied ({@code read-back-wait-ms}, 15,000)
 * @param cancelWait       how long requests in flight may take to finish after a stop was requested
 *                         ({@code cancel-wait-ms}, 30,000)
 * @param oneFilePerField  {@code one-file-per-field=true}: each field's values go as one file whatever
 *                         {@code --batch-size} says, for a server whose task takes one upload only (as
 *                         Visual Layer's reference script uses it); default {@code false}
 */
record SinkOptions(int retryMaxAttempts, Duration retryBaseDelay, Duration retryMaxDelay, Duration pollInterval,
                   Duration pollMaxInterval, Duration connectTimeout, Duration requestTimeout, int queuedBatches,
                   Duration readBackWait, Duration cancelWait, boolean oneFilePerField) {

    /** Every option this sink reads, as {@link #from} reads them. */
    static final Set<String> NAMES = Set.of("retry-max-attempts", "retry-base-delay-ms", "retry-max-delay-ms",
            "poll-interval-ms", "poll-max-interval-ms", "connect-timeout-ms", "request-timeout-ms", "queued-batches",
            "read-back-wait-ms", "cancel-wait-ms", "one-file-per-field");

    /** A whole number as typed for a number option: ASCII digits, perhaps signed, so a negative one is named back. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

    static SinkOptions from(SinkRequest request) {
        return from(request.options(), Map.of());
    }

    /**
     * @param options the sink options by name, none null
     * @param origins for an option not given by {@code --sink-option}, how a refusal names it (a plan file's key:
     *                {@code Plan p.yaml, upload.sink-options.retry-max-attempts}, refused as
     *                {@code ORIGIN: not a whole number from 1 to ...}, without its value, which a plan's reader may
     *                not have meant to show); else it is named as {@code Sink option 'retry-max-attempts'}
     * @throws VlmetaException (usage) naming the first option whose value this sink cannot read, and what it reads
     */
    static SinkOptions from(Map<String, String> options, Map<String, String> origins) {
        Values values = new Values(options, origins);
        return new SinkOptions(
                (int) values.number("retry-max-attempts", 6),
                Duration.ofMillis(values.number("retry-base-delay-ms", 500)),
                Duration.ofMillis(values.number("retry-max-delay-ms", 60_000)),
                Duration.ofMillis(values.number("poll-interval-ms", 50)),
                Duration.ofMillis(values.number("poll-max-interval-ms", 15_000)),
                Duration.ofMillis(values.number("connect-timeout-ms", 10_000)),
                Duration.ofMillis(values.number("request-timeout-ms", 300_000)),
                (int) values.number("queued-batches", 2),
                Duration.ofMillis(values.number("read-back-wait-ms", 15_000)),
                Duration.ofMillis(values.number("cancel-wait-ms", 30_000)),
                values.flag("one-file-per-field"));
    }

    /** The options' values as given, and how a refusal names each. */
    private record Values(Map<String, String> options, Map<String, String> origins) {
        /**
         * A refusal that never shows the word given, as a value typed in the wrong place may be a secret. An option
         * a plan set is named by the plan's key, in the plans' one shape ({@code Plan FILE, KEY: not ...}); a
         * {@code --sink-option} flag by its name, with {@code given} saying what was wrong.
         *
         * @param accepted what the option takes, e.g. {@code "true or false"}
         * @param given    how the value given falls short, e.g. {@code "neither"}
         */
        private VlmetaException refused(String name, String accepted, String given) {
            String origin = origins.get(name);
            return VlmetaException.usage(origin == null
                    ? "Sink option '" + name + "' takes " + accepted + "; the value given is " + given + "."
                    : origin + ": not " + accepted + ".");
        }

        private boolean flag(String name) {
            String text = options.getOrDefault(name, "false").strip();
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            throw refused(name, "true or false", "neither");
        }

        /**
         * @return the option's value, from 1 to {@link Integer#MAX_VALUE}, or {@code defaultValue} when not given
         * @throws VlmetaException (usage) for a value that is not a whole number in the digits 0-9, without
         *     showing it; a {@code --sink-option} number out of range is named back in {@link OptionRanges}' words,
         *     as every number given for an option outside its range is, and a plan's is named by its key alone
         */
        private long number(String name, long defaultValue) {
            String text = options.get(name);
            if (text == null) {
                return defaultValue;
            }
            String digits = text.strip();
            String accepted = "a whole number from 1 to " + Integer.MAX_VALUE;
            // Long.parseLong would also take digits of other scripts (Arabic-Indic and the like), not typed here
            if (!WHOLE_NUMBER.matcher(digits).matches()) {
                throw refused(name, accepted + ", in the digits 0-9", "not one");
            }
            BigInteger value = new BigInteger(digits);
            boolean inRange = value.compareTo(BigInteger.ONE) >= 0
                    && value.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) <= 0;
            if (!inRange && origins.containsKey(name)) {
                throw refused(name, accepted, "");
            }
            if (value.bitLength() >= Long.SIZE) {
                throw VlmetaException.usage("Sink option '" + name + "' must be " + accepted + "; the value given is too "
                        + (value.signum() < 0 ? "small." : "large."));
            }
            OptionRanges.between("Sink option '" + name + "'", value.longValue(), 1, Integer.MAX_VALUE);
            return value.longValue();
        }
    }
}

package io.vlmeta.api;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The identity of a job's input for its resume journal: the same bytes, read the same way, give the
 * same key wherever the file lies and whatever its modification time, so a resume after a
 * {@code touch}, a checkout or a copy finds the journal of the run it continues. The key may still be
 * being computed (the engine digests the input beside the validation pass); {@link #value()} waits.
 *
 * @since 0.4
 */
public final class JobKey {
    private final CompletableFuture<String> value;
    /** computes the key on the first {@link #value()} when nothing else completes it; {@code null} when none */
    private final Supplier<String> whenAsked;
    private final Map<String, String> settings;

    private JobKey(CompletableFuture<String> value, Supplier<String> whenAsked, Map<String, String> settings) {
        this.value = value;
        this.whenAsked = whenAsked;
        this.settings = settings;
    }

    /**
     * @param value the key, e.g. a hex digest; never {@code null}
     * @return a key known now
     */
    public static JobKey of(String value) {
        return new JobKey(CompletableFuture.completedFuture(Objects.requireNonNull(value, "value")), null, Map.of());
    }

    /**
     * @param pending completes with the key, or exceptionally with a {@link VlmetaException} that says why
     *                the input could not be read to compute it
     * @return a key known once {@code pending} completes
     */
    public static JobKey pending(CompletableFuture<String> pending) {
        return new JobKey(Objects.requireNonNull(pending, "pending"), null, Map.of());
    }

    /**
     * @param compute computes the key on the calling thread; throws a {@link VlmetaException} saying why it cannot
     * @return a key computed on the first {@link #value()}, and never when nobody asks (a job without a journal)
     */
    public static JobKey whenAsked(Supplier<String> compute) {
        return new JobKey(new CompletableFuture<>(), Objects.requireNonNull(compute, "compute"), Map.of());
    }

    /**
     * Waits for the key when it is still being computed.
     *
     * @return the key; never {@code null}
     * @throws VlmetaException as computing it failed, for example {@link ErrorCode#INPUT_UNREADABLE} when the
     *                         input became unreadable
     * @throws IllegalStateException when it was {@linkplain #abandon() abandoned}
     */
    public String value() {
        if (whenAsked != null && !value.isDone()) {
            synchronized (this) {
                if (!value.isDone()) {
                    try {
                        value.complete(whenAsked.get());
                    } catch (RuntimeException e) {
                        value.completeExceptionally(e);
                    }
                }
            }
        }
        try {
            return value.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("computing the job key failed", e.getCause());
        } catch (CancellationException e) {
            throw new IllegalStateException("the job key was abandoned before the journal needed it", e);
        }
    }

    /**
     * @param settings what decides which rows are sent and what each value becomes (the path column, source
     *                 options, how keys match media, date formats, time zone...), by the option's name, each
     *                 value given as a digest so that no value typed in the wrong place is kept; never null
     * @return this key with those settings, which a resume must repeat: a journal keeps the settings of the run
     *     that wrote it, and a resume under other ones would number or read its rows otherwise
     */
    public JobKey readingWith(Map<String, String> settings) {
        return new JobKey(value, whenAsked, java.util.Collections.unmodifiableMap(new TreeMap<>(settings)));
    }

    /** @return the settings a resume must repeat, in name order; empty when none were given */
    public Map<String, String> settings() {
        return settings;
    }

    /** Stops a computation nobody will wait for (the job ended before its journal was needed). */
    public void abandon() {
        value.cancel(false);
    }

    /** @return whether computing it has been {@linkplain #abandon() abandoned} */
    public boolean abandoned() {
        return value.isCancelled();
    }

    @Override
    public String toString() {
        return value.isDone() && !value.isCompletedExceptionally() ? "JobKey[" + value.join() + "]" : "JobKey[pending]";
    }
}

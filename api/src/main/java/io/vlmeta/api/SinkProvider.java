package io.vlmeta.api;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A kind of destination. Found with {@link java.util.ServiceLoader}, created once per run.
 *
 * @since 0.1
 */
public interface SinkProvider {

    /** @return the unique name, e.g. {@code visual-layer} or {@code report}; lower case */
    String name();

    /** @return one line for {@code vlmeta plugins} */
    String description();

    /**
     * The options this sink reads ({@code --sink-option NAME=VALUE}), so that the engine refuses a
     * name none of the job's sinks reads instead of ignoring a typing mistake.
     *
     * @return the names, or empty when this sink does not say (then every name is let through)
     */
    default Optional<Set<String>> optionNames() {
        return Optional.empty();
    }

    /**
     * Checks the values of the options this sink reads before any job runs, as {@link #open} would, so that a
     * validation and a plan refuse what an upload would, and a plan never writes a value its upload refuses.
     * The default checks nothing.
     *
     * @param options the options this sink reads ({@link #optionNames()}), by name, as given; none null
     * @param origins for an option not given by {@code --sink-option}, how a refusal names it (a plan file's key,
     *                e.g. {@code Plan p.yaml, upload.sink-options.retry-max-attempts}); the others are named as the
     *                flag's option
     * @throws VlmetaException ({@link ErrorCode#USAGE}) naming the first option whose value this sink cannot read;
     *     the value itself is not shown, as a value typed in the wrong place may be a secret
     */
    default void checkOptionValues(Map<String, String> options, Map<String, String> origins) {
    }

    /**
     * @param request the job's settings for sinks
     * @return an open sink; the caller closes it
     * @throws VlmetaException when required settings are missing ({@link ErrorCode#USAGE})
     */
    Sink open(SinkRequest request);
}

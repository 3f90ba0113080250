package io.vlmeta.api;

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
     * @param request the job's settings for sinks
     * @return an open sink; the caller closes it
     * @throws VlmetaException when required settings are missing ({@link ErrorCode#USAGE})
     */
    Sink open(SinkRequest request);
}

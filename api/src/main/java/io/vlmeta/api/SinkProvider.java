package io.vlmeta.api;

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
     * @param request the job's settings for sinks
     * @return an open sink; the caller closes it
     * @throws VlmetaException when required settings are missing ({@link ErrorCode#USAGE})
     */
    Sink open(SinkRequest request);
}

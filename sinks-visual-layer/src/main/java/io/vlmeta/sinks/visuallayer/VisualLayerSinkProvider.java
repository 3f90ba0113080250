package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.Sink;
import io.vlmeta.api.SinkProvider;
import io.vlmeta.api.SinkRequest;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code visual-layer} sink: maps keys to media ids from the dataset's export, checks the
 * dataset before anything is sent, and uploads each field in ordered batches with retries, token
 * refresh and a resume journal.
 */
public final class VisualLayerSinkProvider implements SinkProvider {

    /** Found by the service loader; needs nothing. */
    public VisualLayerSinkProvider() {
    }

    @Override
    public String name() {
        return "visual-layer";
    }

    @Override
    public Optional<Set<String>> optionNames() {
        return Optional.of(SinkOptions.NAMES);
    }

    @Override
    public String description() {
        return "Uploads custom metadata to a Visual Layer dataset (cloud or on-premises), resumable";
    }

    @Override
    public Sink open(SinkRequest request) {
        return new VisualLayerSink(request, Clock.systemUTC());
    }
}

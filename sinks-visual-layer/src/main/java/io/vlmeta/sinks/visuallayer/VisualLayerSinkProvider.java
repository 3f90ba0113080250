package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.Sink;
import io.vlmeta.api.SinkProvider;
import io.vlmeta.api.SinkRequest;

import java.time.Clock;
import java.util.List;
import java.util.Map;
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

    /**
     * Checks the values of this sink's options before any job runs, as opening the sink would, so that a
     * validation refuses what the upload would.
     *
     * @param options the sink options by name, none null; a name this sink does not read is let through
     * @param origins for an option not given by {@code --sink-option}, how a refusal names it (a plan file's key:
     *                {@code Plan p.yaml, upload.sink-options.retry-max-attempts})
     * @throws io.vlmeta.api.VlmetaException (usage) naming the first option whose value this sink cannot read
     */
    @Override
    public void checkOptionValues(Map<String, String> options, Map<String, String> origins) {
        SinkOptions.from(options, origins);
    }

    /**
     * Reads a {@code --match-by} value as the sink will, for a command that never opens the sink (a validation
     * without a dataset).
     *
     * @param matchBy the value, in any letter case; not null
     * @throws io.vlmeta.api.VlmetaException (usage) naming the ways taken, not the word given
     */
    public static void checkMatchBy(String matchBy) {
        MatchMode.parse(matchBy);
    }

    /** @return the ways a path can match the dataset's media, as {@code --match-by} names them */
    public static List<String> matchModes() {
        return MatchMode.names();
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

package io.vlmeta.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything a sink needs to know about the job, built by the command line.
 *
 * @param baseUrl     the server's base URL as the user gave it; {@code null} when none applies
 * @param datasetId   the dataset; {@code null} when none applies
 * @param apiKey      the API key (cloud); {@code null} on premises
 * @param apiSecret   the API secret (cloud); {@code null} on premises
 * @param batchSize   entries per uploaded file ({@code --batch-size}, default 50,000)
 * @param parallel    fields uploaded at once ({@code --parallel}, default 4)
 * @param taskTimeout how long to wait for one field's task to finish ({@code --task-timeout})
 * @param stateDir    where resume journals live ({@code --state-dir}, default {@code .vlmeta/})
 * @param resume      continue an interrupted job from its journal ({@code --resume})
 * @param exportFile  an offline export (CSV or the UI's metadata.json) to map keys with; {@code null} to fetch it
 * @param matchBy     how keys match media: {@code path} (default), {@code suffix}, {@code basename} or {@code stem}
 * @param jobKey      the identity of the input's content and of how it is read, for the resume journal
 * @param rejectsFile where to write every rejected entry as CSV ({@code --rejects}); {@code null} for none
 * @param options     other sink options by name, e.g. {@code report} for the report sink's path
 * @param log         step lines for the user (never secrets); called from any thread
 * @param cancellation whether the user asked the job to stop; {@link Cancellation#NEVER} when nobody can
 * @since 0.1
 */
public record SinkRequest(String baseUrl, String datasetId, String apiKey, Secret apiSecret, int batchSize,
                          int parallel, Duration taskTimeout, Path stateDir, boolean resume, Path exportFile,
                          String matchBy, JobKey jobKey, Path rejectsFile, Map<String, String> options,
                          Consumer<String> log, Cancellation cancellation) {

    public SinkRequest {
        Objects.requireNonNull(cancellation, "cancellation");
        Objects.requireNonNull(taskTimeout, "taskTimeout");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(matchBy, "matchBy");
        Objects.requireNonNull(jobKey, "jobKey");
        Objects.requireNonNull(log, "log");
        options = Map.copyOf(options);
        if (batchSize < 1 || parallel < 1) {
            throw new IllegalArgumentException("batch size and parallelism must be positive");
        }
    }

    /** A request for a job nobody can stop ({@link Cancellation#NEVER}). */
    public SinkRequest(String baseUrl, String datasetId, String apiKey, Secret apiSecret, int batchSize,
                       int parallel, Duration taskTimeout, Path stateDir, boolean resume, Path exportFile,
                       String matchBy, JobKey jobKey, Path rejectsFile, Map<String, String> options,
                       Consumer<String> log) {
        this(baseUrl, datasetId, apiKey, apiSecret, batchSize, parallel, taskTimeout, stateDir, resume, exportFile,
                matchBy, jobKey, rejectsFile, options, log, Cancellation.NEVER);
    }

    /** @return a sink option, if given */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "SinkRequest[baseUrl=" + baseUrl + ", datasetId=" + datasetId + ", batchSize=" + batchSize
                + ", parallel=" + parallel + ", matchBy=" + matchBy + "]";
    }
}

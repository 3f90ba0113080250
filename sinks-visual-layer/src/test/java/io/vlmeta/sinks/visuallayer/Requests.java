package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.Cancellation;
import io.vlmeta.api.Secret;
import io.vlmeta.api.SinkRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Builds sink requests for tests, with fast retries and polls, and keeps the step lines the sink logs. */
final class Requests {
    final List<String> log = new CopyOnWriteArrayList<>();
    String baseUrl;
    String datasetId;
    String apiKey;
    Secret apiSecret;
    int batchSize = 50_000;
    int parallel = 4;
    Duration taskTimeout = Duration.ofSeconds(30);
    Path stateDir;
    boolean resume;
    Path exportFile;
    String matchBy = "path";
    String jobKey = "metadata.csv|1234|5678";
    Path rejectsFile;
    Cancellation cancellation = Cancellation.NEVER;
    final Map<String, String> options = new HashMap<>(Map.of(
            "retry-base-delay-ms", "5", "retry-max-delay-ms", "50", "poll-interval-ms", "5",
            "poll-max-interval-ms", "20", "read-back-wait-ms", "300"));

    Requests(String baseUrl, String datasetId, Path stateDir) {
        this.baseUrl = baseUrl;
        this.datasetId = datasetId;
        this.stateDir = stateDir;
    }

    SinkRequest build() {
        return new SinkRequest(baseUrl, datasetId, apiKey, apiSecret, batchSize, parallel, taskTimeout, stateDir,
                resume, exportFile, matchBy, io.vlmeta.api.JobKey.of(jobKey), rejectsFile, options, log::add, cancellation);
    }

    VisualLayerSink open() {
        return (VisualLayerSink) new VisualLayerSinkProvider().open(build());
    }
}

package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.Cancellation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * What every field's upload shares within one job.
 *
 * @param rows         the source rows of every field's entries, recorded once for all fields
 * @param rejects      where refused and unsent entries go; {@code null} without {@code --rejects}
 * @param cancellation whether the user asked the job to stop
 * @param log          step lines for the user
 */
record UploadContext(VisualLayerApi api, Journal journal, ExecutorService pool, Path workDir, RowLog rows,
                     int batchSize, SinkOptions options, Duration taskTimeout, RejectsCsv rejects,
                     Cancellation cancellation, Consumer<String> log) {
}

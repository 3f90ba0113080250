package io.vlmeta.sinks.visuallayer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * What every field's upload shares within one job.
 *
 * @param rejects where refused entries go; {@code null} without {@code --rejects}
 */
record UploadContext(VisualLayerApi api, Journal journal, ExecutorService pool, Path workDir, int batchSize,
                     SinkOptions options, Duration taskTimeout, RejectsCsv rejects) {
}

package io.vlmeta.benchmarks;

import io.vlmeta.api.MediaResolver;
import io.vlmeta.api.Sink;
import io.vlmeta.api.SinkProvider;
import io.vlmeta.api.SinkRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The Visual Layer sink's media index over an export file, built the way {@code vlmeta validate
 * --export-file} builds it: through the sink's public provider, offline.
 */
public final class OfflineMediaIndex {

    private OfflineMediaIndex() {
    }

    /**
     * Writes the export of images 0 to {@code media - 1}, as the generator does for that many rows.
     *
     * @param file  the export file to write
     * @param media how many media items
     * @param seed  the generator's seed (it draws the media ids)
     */
    public static void writeExport(Path file, long media, long seed) {
        RowGenerator rows = new RowGenerator(seed);
        try (ExportWriter export = new ExportWriter(file)) {
            for (long i = 0; i < media; i++) {
                export.write(rows.next());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param exportFile an export CSV ({@code filename,media_id})
     * @param stateDir   a folder the sink may use
     * @return the resolver, fully built
     */
    public static MediaResolver open(Path exportFile, Path stateDir) {
        SinkProvider provider = ServiceLoader.load(SinkProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("visual-layer")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the visual-layer sink is not on the class path"));
        SinkRequest request = new SinkRequest(null, null, null, null, 50_000, 1, Duration.ofMinutes(1), stateDir,
                false, exportFile, "path", io.vlmeta.api.JobKey.of("benchmark"), null, Map.of(), line -> { });
        try (Sink sink = provider.open(request)) {
            MediaResolver resolver = sink.mediaResolver();
            resolver.size();
            return resolver;
        }
    }

    /**
     * @param prefix a name for the folder
     * @return a new temporary folder
     */
    static Path tempFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

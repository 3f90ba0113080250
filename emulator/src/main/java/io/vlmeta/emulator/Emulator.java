package io.vlmeta.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A strict local emulator of Visual Layer's custom-metadata API, served over real HTTP on the
 * loopback interface. It holds its state in memory; tests add datasets, run the code under test
 * against {@link #baseUrl()}, and assert what arrived with {@link #values(String, String)} or
 * {@link #dumpJson()}.
 *
 * <p>Thread-safe. The paths, answers and checks are those of the API description in
 * {@code docs/visual-layer-api.md}; the default behaviour and the switches for a server's worst cases
 * ({@link EmulatorConfig.Builder#strictOneUploadPerTask()}, {@link FaultPlan}, {@link FaultProxy}) are
 * described in {@code docs/emulator.md}.
 */
public final class Emulator implements AutoCloseable {
    private static final int THREADS = Math.max(4, Runtime.getRuntime().availableProcessors());

    private final EmulatorState state = new EmulatorState();
    private final FaultInjector faults;
    private final ApiHandler handler;
    private final HttpServer server;
    private final ExecutorService executor;
    /** Applies files after their answers ({@link EmulatorConfig#applyDelay()}); {@code null} when synchronous. */
    private final ScheduledExecutorService applier;
    private final Duration applyDelay;

    static {
        // The JDK server writes headers and body in separate packets; with Nagle's algorithm on, each
        // answer then waits for the client's delayed ACK (about 40 ms). Read once, when the server's
        // configuration class loads, so it is set before the first server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private Emulator(EmulatorConfig config) throws IOException {
        faults = new FaultInjector(config.faults());
        TokenVerifier tokens = config.authenticated()
                ? new TokenVerifier(config.apiKey(), config.apiSecret(), config.maxTokenAge(), Clock.systemUTC())
                : null;
        applyDelay = config.applyDelay();
        applier = config.appliesAsynchronously()
                ? Executors.newSingleThreadScheduledExecutor(daemonThreads("vlmeta-emulator-applier-")) : null;
        handler = new ApiHandler(new MetadataApi(state, config, applier), tokens, faults);
        executor = Executors.newFixedThreadPool(THREADS, daemonThreads("vlmeta-emulator-"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 128);
        server.createContext("/", handler);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts an emulator.
     *
     * @param config how to run; never {@code null}
     * @return the running emulator; close it to stop it
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static Emulator start(EmulatorConfig config) {
        Objects.requireNonNull(config, "config");
        try {
            return new Emulator(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the emulator on port " + config.port() + ": " + e.getMessage(), e);
        }
    }

    /** @return e.g. {@code http://127.0.0.1:41234}, without a trailing slash */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    /** @return the port the emulator listens on */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Adds a READY dataset whose media ids are name-based UUIDs of the dataset id and each file name,
     * so they are the same on every run (see {@link #mediaId(String, String)}).
     *
     * @param datasetId the dataset id used in paths
     * @param filenames the media file names, unique; the export lists them in this order
     * @throws IllegalArgumentException when the dataset exists or a name is blank or repeated
     */
    public void addDataset(String datasetId, List<String> filenames) {
        Objects.requireNonNull(datasetId, "datasetId");
        if (datasetId.isBlank() || datasetId.contains("/")) {
            throw new IllegalArgumentException("a dataset id must be non-blank and without '/': '" + datasetId + "'");
        }
        state.add(new Dataset(datasetId, MediaCatalog.of(datasetId, filenames)));
    }

    /**
     * @param status one of the documented statuses: {@code READY}, {@code NEW}, {@code PRE_PROCESSING},
     *               {@code INITIALIZING}, {@code UPLOADING}, {@code SAVING}, {@code INDEXING},
     *               {@code ENRICHING}, {@code FATAL_ERROR}; only {@code READY} accepts declarations
     * @throws IllegalArgumentException for an unknown dataset or status
     */
    public void setDatasetStatus(String datasetId, String status) {
        state.require(datasetId).status(status);
    }

    /**
     * Makes a dataset refuse every request with 403, as a dataset the API key has no access to.
     *
     * @throws IllegalArgumentException for an unknown dataset
     */
    public void restrictAccess(String datasetId) {
        state.require(datasetId).restrict();
    }

    /** @return the media id the emulator gives {@code filename} in {@code datasetId}, whether or not it was added */
    public String mediaId(String datasetId, String filename) {
        return MediaIds.derive(datasetId, filename).toString();
    }

    /**
     * @return the stored values of a field by media id, in export order, as plain Java values
     *     (String, BigDecimal, List&lt;String&gt;); empty for an undeclared field
     * @throws IllegalArgumentException for an unknown dataset
     */
    public Map<String, Object> values(String datasetId, String fieldName) {
        Dataset dataset = state.require(datasetId);
        Map<String, Object> values = new LinkedHashMap<>();
        dataset.field(fieldName).ifPresent(field -> {
            FieldStore store = field.store();
            MediaCatalog media = dataset.media();
            synchronized (store) {
                for (int ordinal = 0; ordinal < media.size(); ordinal++) {
                    if (store.has(ordinal)) {
                        values.put(media.mediaId(ordinal), store.value(ordinal));
                    }
                }
            }
        });
        return values;
    }

    /**
     * @return the declared fields as the schema endpoint lists them: {@code field_name},
     *     {@code field_type}, {@code is_multi}, {@code enum_options}
     * @throws IllegalArgumentException for an unknown dataset
     */
    public List<Map<String, Object>> schema(String datasetId) {
        return List.copyOf(MetadataApi.schema(state.require(datasetId)));
    }

    /** @return the whole state as JSON; meant for small datasets, see {@link #dumpJson(Writer)} for large ones */
    public String dumpJson() {
        StringWriter out = new StringWriter();
        dumpJson(out);
        return out.toString();
    }

    /**
     * Streams the whole state as JSON: {@code {"datasets": [{"id", "status", "media": [...],
     * "fields": [{"field_name", "field_type", "is_multi", "enum_options", "task", "values": {media_id: value}}]}]}}.
     * Reading it does not count as a status poll.
     */
    public void dumpJson(Writer out) {
        try {
            new StateDump(state).write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param endpoint one of {@link FaultPlan#ENDPOINTS}
     * @return requests that reached the endpoint since start, faulted ones included
     */
    public long requestCount(String endpoint) {
        return handler.requestCount(Endpoint.byLabel(endpoint));
    }

    /**
     * Waits until every file whose upload has been answered so far is applied. Returns at once when
     * files are applied before their answer (the default); meant for tests of
     * {@link EmulatorConfig.Builder#applyUploadsAsynchronously(Duration)}.
     *
     * @param timeout the longest wait
     * @throws IllegalStateException when the files are not applied within {@code timeout}
     */
    public void awaitAppliedUploads(Duration timeout) {
        if (applier == null) {
            return;
        }
        try {
            // one thread applies files in the order of their due times: this no-op is due after all of them
            applier.schedule(() -> { }, applyDelay.toNanos(), TimeUnit.NANOSECONDS)
                    .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for uploads to be applied", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("uploads not applied within " + timeout, e);
        }
    }

    /** Installs another fault plan; its request numbers count from this call. */
    public void setFaults(FaultPlan faults) {
        this.faults.install(Objects.requireNonNull(faults, "faults"));
    }

    /** Stops serving at once and releases the port. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        if (applier != null) {
            applier.shutdownNow();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

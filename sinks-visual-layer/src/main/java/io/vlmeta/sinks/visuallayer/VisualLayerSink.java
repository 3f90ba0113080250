package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.FieldWriter;
import io.vlmeta.api.MediaResolver;
import io.vlmeta.api.Preflight;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.SinkRequest;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.sinks.visuallayer.ServerTypes.AlreadyExists;
import io.vlmeta.sinks.visuallayer.ServerTypes.DatasetState;
import io.vlmeta.sinks.visuallayer.ServerTypes.DeclareResult;
import io.vlmeta.sinks.visuallayer.ServerTypes.Declared;
import io.vlmeta.sinks.visuallayer.ServerTypes.Refused;
import io.vlmeta.sinks.visuallayer.ServerTypes.SchemaField;
import io.vlmeta.sinks.visuallayer.ServerTypes.TaskStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Sends a job's metadata to one Visual Layer dataset. Nothing talks to the server until it is
 * needed, so the sink also serves offline validation with only an export file.
 */
final class VisualLayerSink implements io.vlmeta.api.Sink {
    private final SinkRequest request;
    private final SinkOptions options;
    private final MatchMode matchMode;
    private final Clock clock;
    private HttpTransport transport;
    private VisualLayerApi api;
    private Journal journal;
    private MediaResolver resolver;
    private ExecutorService pool;
    private Path workDir;
    private RejectsCsv rejects;

    VisualLayerSink(SinkRequest request, Clock clock) {
        this.request = request;
        this.clock = clock;
        this.options = SinkOptions.from(request);
        this.matchMode = MatchMode.parse(request.matchBy());
        if ((request.apiKey() == null || request.apiKey().isBlank())
                != (request.apiSecret() == null || request.apiSecret().isEmpty())) {
            throw VlmetaException.usage("Pass both --api-key and --api-secret for Visual Layer's cloud, "
                    + "or neither for an on-premises server.");
        }
        if (request.baseUrl() != null) {
            ServerUrls.normalize(request.baseUrl()); // a bad URL is a usage error now, not at upload time
        }
    }

    @Override
    public synchronized MediaResolver mediaResolver() {
        if (resolver != null) {
            return resolver;
        }
        if (request.exportFile() != null) {
            Path file = request.exportFile();
            resolver = index(file, file.toString(), "export file " + file);
        } else if (request.datasetId() != null) {
            Path download = tempFile("export-", ".csv");
            try {
                api().downloadExport(download);
                resolver = index(download, "of dataset '" + request.datasetId() + "'",
                        "export of dataset " + request.datasetId());
            } finally {
                deleteQuietly(download);
            }
        } else {
            resolver = MediaResolver.UNCHECKED;
        }
        return resolver;
    }

    /**
     * Downloads the export beside {@code target} and moves it into place only once it reads as an
     * export, so a failed download never leaves half a file where a later {@code --export-file} reads.
     */
    @Override
    public synchronized long saveExport(Path target) {
        Path folder = target.toAbsolutePath().getParent();
        Path download;
        try {
            Files.createDirectories(folder);
            download = Files.createTempFile(folder, ".export-", ".csv.part");
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, "Cannot write the export to '" + target + "' ("
                    + e.getClass().getSimpleName() + "); choose a file in a writable folder.", e);
        }
        try {
            api().downloadExport(download);
            long media = ExportReader.read(download, "of dataset '" + request.datasetId() + "'", matchMode).size();
            Files.move(download, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return media;
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, "Cannot write the export to '" + target + "' ("
                    + e.getClass().getSimpleName() + ").", e);
        } finally {
            deleteQuietly(download);
        }
    }

    /**
     * @param label  how messages about the file name it
     * @param source how the mapping describes where its media came from
     */
    private MediaIndex index(Path export, String label, String source) {
        MediaIndexBuilder builder = ExportReader.read(export, label, matchMode);
        return builder.build(String.format(Locale.ROOT, "%s (%,d media, matched by %s)", source, builder.size(),
                matchMode.optionName()));
    }

    @Override
    public synchronized Preflight preflight(List<FieldDeclaration> fields) {
        if (request.datasetId() == null) {
            return Preflight.NONE;
        }
        Journal journal = checkedJournal();
        List<Problem> problems = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        DatasetState dataset = api().dataset();
        if (!dataset.ready()) {
            problems.add(Problem.error(ProblemCategory.SCHEMA, null, null, "Dataset '" + request.datasetId()
                    + "' is " + dataset.effective() + ", not READY: metadata can only be added to a READY dataset, "
                    + "so wait until its processing ends."));
        }
        Map<String, SchemaField> schema = new LinkedHashMap<>();
        api().schema().forEach(field -> schema.put(field.name(), field));
        for (FieldDeclaration declaration : fields) {
            String name = declaration.fieldName();
            Optional<Journal.FieldProgress> progress = request.resume() ? journal.field(name) : Optional.empty();
            SchemaField existing = schema.get(name);
            if (progress.isPresent() && progress.get().finished()) {
                skipped.put(name, "Field '" + name + "' was finished by an earlier run ("
                        + progress.get().finalStatus() + "); it is not sent again.");
            } else if (existing != null && !sameType(existing, declaration)) {
                problems.add(Problem.error(ProblemCategory.SCHEMA, null, name, "Field '" + name
                        + "' already exists in dataset '" + request.datasetId() + "' as " + existing.describe()
                        + ", not " + describeDeclared(declaration) + ": metadata is immutable, so rename the column "
                        + "or upload it as " + existing.describe() + "."));
            } else if (existing != null && progress.isEmpty()) {
                String reason = "Field '" + name + "' already exists in dataset '" + request.datasetId()
                        + "' with the same type; metadata is immutable, so it is skipped.";
                skipped.put(name, reason);
                problems.add(Problem.warning(ProblemCategory.SCHEMA, null, name, reason));
            }
        }
        return new Preflight(problems, skipped);
    }

    private static boolean sameType(SchemaField existing, FieldDeclaration declaration) {
        boolean enumType = "enum".equals(declaration.serverType());
        return declaration.serverType().equalsIgnoreCase(existing.type())
                && (!enumType || existing.multi() == declaration.multi());
    }

    private static String describeDeclared(FieldDeclaration declaration) {
        return SchemaField.describe(declaration.serverType(), declaration.multi());
    }

    @Override
    public synchronized FieldWriter openField(FieldDeclaration declaration) {
        String name = declaration.fieldName();
        Journal journal = checkedJournal();
        Optional<Journal.FieldProgress> progress = request.resume() ? journal.field(name) : Optional.empty();
        if (progress.isPresent() && !progress.get().finished()) {
            Journal.FieldProgress resumed = reconciled(name, progress.get());
            request.log().accept(String.format(Locale.ROOT,
                    "Resuming field '%s' (task %s): %,d entries in %d batches were accepted before.",
                    name, resumed.taskId(), resumed.entries(), resumed.batches()));
            return new FieldUpload(context(), name, resumed.taskId(), resumed.entries(), resumed.batches());
        }
        DeclareResult result = api().declare(declaration);
        if (result instanceof Declared declared) {
            journal.declared(name, declared.taskId());
            request.log().accept("Declared field '" + name + "' as " + describeDeclared(declaration) + " (task "
                    + declared.taskId() + ").");
            return new FieldUpload(context(), name, declared.taskId(), 0, 0);
        }
        if (result instanceof Refused refused) {
            return new FailedField(name, "The server refused the declaration of field '" + name + "' ("
                    + refused.status() + "): " + refused.detail());
        }
        AlreadyExists exists = (AlreadyExists) result;
        if (!exists.afterRetry()) {
            return new FailedField(name, "Field '" + name + "' already exists in dataset '" + request.datasetId()
                    + "' (it was declared after the check before upload); metadata is immutable, so nothing was "
                    + "sent for it.");
        }
        return recoverLostDeclaration(declaration);
    }

    /**
     * A run stopped while a batch was in flight (killed, or the machine went down) may have had that
     * batch processed by the server without recording it. The task's count of processed rows says
     * where to go on; trusting the journal alone would send that batch twice, and the server refuses
     * a second value for a media item.
     */
    private Journal.FieldProgress reconciled(String name, Journal.FieldProgress recorded) {
        TaskStatus status = api().status(recorded.taskId(), name);
        long processed = status.processed();
        if (processed <= recorded.entries()) {
            return recorded;
        }
        request.log().accept(String.format(Locale.ROOT, "Field '%s': the server had processed %,d entries, %,d "
                        + "more than the journal recorded before the earlier run stopped; they are not sent again.",
                name, processed, processed - recorded.entries()));
        journal.batchAccepted(name, recorded.batches() + 1, processed);
        return new Journal.FieldProgress(recorded.taskId(), recorded.batches() + 1, processed, null);
    }

    /**
     * A declaration was sent again after a lost answer and the server then said the field exists:
     * most likely our first attempt created it. The schema says whether the type is ours, but the
     * upload needs the task that declaration opened; only a schema that names it lets us go on.
     */
    private FieldWriter recoverLostDeclaration(FieldDeclaration declaration) {
        String name = declaration.fieldName();
        SchemaField existing = api().schema().stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
        if (existing != null && sameType(existing, declaration) && existing.taskId() != null
                && !existing.taskId().isBlank()) {
            journal.declared(name, existing.taskId());
            request.log().accept("Field '" + name + "' was declared by an attempt whose answer was lost; "
                    + "continuing with its task " + existing.taskId() + ".");
            return new FieldUpload(context(), name, existing.taskId(), 0, 0);
        }
        return new FailedField(name, "Field '" + name + "' was declared by an attempt whose answer was lost, and the "
                + "server does not tell which upload task that declaration opened, so nothing was sent for it; the "
                + "field now exists empty in dataset '" + request.datasetId() + "' and, metadata being immutable, "
                + "its values need a new field name.");
    }

    /** Without {@code --resume}, an interrupted job of the same input must not be started over silently. */
    private Journal checkedJournal() {
        if (request.datasetId() == null) {
            throw VlmetaException.usage("No dataset given: pass --dataset-id to upload.");
        }
        if (journal == null) {
            journal = Journal.open(request.stateDir(), request.datasetId(), request.jobKey());
            if (journal.existedAtStart() && journal.unfinished() && !request.resume()) {
                throw VlmetaException.usage("An earlier upload of this input to dataset '" + request.datasetId()
                        + "' did not finish (journal " + journal.file() + "): pass --resume to continue it, or "
                        + "delete the journal to start over.");
            }
            if (!request.resume() && journal.existedAtStart()) {
                journal.startOver();
            }
            if (request.resume() && !journal.existedAtStart()) {
                request.log().accept("Nothing to resume for this input and dataset: starting a new upload.");
            }
        }
        return journal;
    }

    private UploadContext context() {
        if (pool == null) {
            AtomicInteger threads = new AtomicInteger();
            pool = Executors.newFixedThreadPool(request.parallel(), task -> {
                Thread thread = new Thread(task, "vlmeta-upload-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        if (rejects == null && request.rejectsFile() != null) {
            rejects = new RejectsCsv(request.rejectsFile());
        }
        return new UploadContext(api(), journal, pool, workDir(), request.batchSize(), options,
                request.taskTimeout(), rejects);
    }

    private VisualLayerApi api() {
        if (api == null) {
            if (request.datasetId() == null) {
                throw VlmetaException.usage("No dataset given: pass --dataset-id.");
            }
            boolean cloud = request.apiKey() != null && !request.apiKey().isBlank();
            String baseUrl = request.baseUrl() != null ? request.baseUrl() : cloud ? ServerUrls.CLOUD : null;
            if (baseUrl == null) {
                throw VlmetaException.usage("No server given: pass --base-url (e.g. http://localhost:2080 for an "
                        + "on-premises server), or --api-key and --api-secret for Visual Layer's cloud.");
            }
            ServerUrls urls = new ServerUrls(baseUrl, request.datasetId());
            JwtTokens tokens = cloud ? new JwtTokens(request.apiKey(), request.apiSecret(), clock) : null;
            transport = new HttpTransport(urls.base(), tokens, options, request.parallel() + 4, request.log());
            api = new VisualLayerApi(transport, urls, request.datasetId(), request.apiSecret());
        }
        return api;
    }

    private Path workDir() {
        if (workDir == null) {
            try {
                workDir = Files.createTempDirectory("vlmeta-upload-");
            } catch (IOException e) {
                throw new VlmetaException(ErrorCode.INTERNAL, "Cannot create a temporary folder: " + e.getMessage(), e);
            }
        }
        return workDir;
    }

    private Path tempFile(String prefix, String suffix) {
        try {
            return Files.createTempFile(workDir(), prefix, suffix);
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INTERNAL, "Cannot create a temporary file: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (rejects != null) {
            rejects.close();
        }
        if (transport != null) {
            transport.close();
        }
        if (workDir != null) {
            try (Stream<Path> files = Files.walk(workDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(VisualLayerSink::deleteQuietly);
            } catch (IOException e) {
                // temporary files only
            }
        }
    }

    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // temporary files only
        }
    }

    @Override
    public String toString() {
        return "VisualLayerSink[" + request + "]";
    }
}

package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.FieldWriter;
import io.vlmeta.api.FileDrafts;
import io.vlmeta.api.FileFaults;
import io.vlmeta.api.MediaResolver;
import io.vlmeta.api.Plural;
import io.vlmeta.api.Preflight;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.SinkRequest;
import io.vlmeta.api.TempFolder;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.api.WriteTargets;
import io.vlmeta.sinks.visuallayer.JournalState.Declaring;
import io.vlmeta.sinks.visuallayer.JournalState.FieldState;
import io.vlmeta.sinks.visuallayer.JournalState.Finished;
import io.vlmeta.sinks.visuallayer.JournalState.Sending;
import io.vlmeta.sinks.visuallayer.JournalState.Stopped;
import io.vlmeta.sinks.visuallayer.JournalState.Uploading;
import io.vlmeta.sinks.visuallayer.JournalState.WithTask;
import io.vlmeta.sinks.visuallayer.ServerTypes.AlreadyExists;
import io.vlmeta.sinks.visuallayer.ServerTypes.DatasetState;
import io.vlmeta.sinks.visuallayer.ServerTypes.DeclareInDoubt;
import io.vlmeta.sinks.visuallayer.ServerTypes.DeclareResult;
import io.vlmeta.sinks.visuallayer.ServerTypes.Declared;
import io.vlmeta.sinks.visuallayer.ServerTypes.Refused;
import io.vlmeta.sinks.visuallayer.ServerTypes.SchemaField;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

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
    private TempFolder workDir;
    private RejectsCsv rejects;
    private RowLog rows;
    private List<String> sample;

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
            resolver = readDownloadedExport(download -> index(download, "of dataset '" + request.datasetId() + "'",
                    "export of dataset " + request.datasetId()));
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
        // the move below replaces whatever the path names: a device or standard output would be lost to a file
        WriteTargets.SYSTEM.check(target, "Cannot save the export to", "name a regular file for 'validate "
                + "--export-file' to read");
        Path place;
        Path download;
        try {
            // a link stays a link and a file its permissions, as a plain write would leave them
            place = FileDrafts.place(target);
            download = FileDrafts.draftBeside(place);
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, "Cannot write the export to '" + target + "': "
                    + FileFaults.whyUnwritable(target, e) + "; choose a file in a writable folder.", e);
        }
        try {
            api().downloadExport(download);
            long media = ExportReader.read(download, "of dataset '" + request.datasetId() + "'", matchMode).size();
            FileDrafts.keepPermissions(download, place);
            Files.move(download, place, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return media;
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, "Cannot write the export to '" + target + "': "
                    + FileFaults.whyUnwritable(target, e) + "; choose a file in a writable folder.", e);
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
        Optional<Problem> stale = exportFileAgreement();
        if (stale.isPresent()) { // the fields' checks would read back media the dataset does not hold
            problems.add(stale.get());
            return new Preflight(problems, skipped);
        }
        Map<String, SchemaField> schema = new LinkedHashMap<>();
        api().schema().forEach(field -> schema.put(field.name(), field));
        for (FieldDeclaration declaration : fields) {
            String name = declaration.fieldName();
            FieldState state = journal.field(name).orElse(null);
            SchemaField existing = schema.get(name);
            if (existing != null && !sameType(existing, declaration)) {
                problems.add(Problem.error(ProblemCategory.SCHEMA, null, name, "Field '" + name
                        + "' already exists in dataset '" + request.datasetId() + "' as " + existing.describe()
                        + ", not " + describeDeclared(declaration) + ": metadata is immutable, so rename the column "
                        + "or upload it as " + existing.describe() + "."));
            } else if (existing == null && state instanceof Finished finished) {
                // a journal is kept per dataset id and input, not per server: a rehearsal against an emulator
                // under the real dataset's id would otherwise make the real upload a silent no-op
                problems.add(Problem.error(ProblemCategory.SCHEMA, null, name, "The journal " + journal.file()
                        + " records field '" + name + "' as finished (" + finished.status() + "), but dataset '"
                        + request.datasetId() + "' at " + api().server() + " has no such field: the journal belongs "
                        + "to another server (a rehearsal against an emulator, say) or dataset; nothing was sent. "
                        + "Pass another --state-dir, or move the journal aside, to upload to this server."));
            } else if (state instanceof Finished finished && !"FAILED".equals(finished.status())) {
                String reason = "Field '" + name + "' was finished by an earlier run (" + finished.status()
                        + "); it is not sent again.";
                skipped.put(name, reason);
                if (!request.resume()) {
                    problems.add(Problem.warning(ProblemCategory.SCHEMA, null, name, reason));
                }
            } else if (state instanceof Finished || state instanceof Stopped) {
                String why = state instanceof Stopped stopped ? stopped.reason() : "the server's task failed";
                problems.add(Problem.error(ProblemCategory.SCHEMA, null, name, "Field '" + name + "' ended in an "
                        + "earlier run of this input (" + why + ", journal " + journal.file() + "): as metadata is "
                        + "immutable, no later run can add its missing values, so --resume cannot help; upload them "
                        + "under a new field name."));
            } else if (existing != null && state == null) {
                problems.add(Problem.error(ProblemCategory.SCHEMA, null, name, unprovenField(name, journal)));
            } else if (existing == null && state instanceof WithTask withTask) {
                problems.add(Problem.error(ProblemCategory.SCHEMA, null, name, "The journal " + journal.file()
                        + " records field '" + name + "' as declared (task " + withTask.taskId() + "), but dataset '"
                        + request.datasetId() + "' has no such field: the journal belongs to another server or "
                        + "dataset; nothing was sent."));
            }
        }
        return new Preflight(problems, skipped);
    }

    /**
     * An {@code --export-file} is compared with the dataset's own export before anything is declared: one
     * that is not the dataset's, or no longer is, would map rows to media ids the server refuses.
     *
     * @return the refusal, or empty when every media id of the file is in the dataset (or no file was given)
     */
    private Optional<Problem> exportFileAgreement() {
        if (request.exportFile() == null || !(resolver instanceof MediaIndex file)) {
            return Optional.empty();
        }
        request.log().accept("Checking the export file against the dataset's own export...");
        return readDownloadedExport(download -> request.cancellation().requested()
                ? Optional.empty() // the job stops before its first declaration; no need to compare
                : ExportAgreement.check(file, request.exportFile().toString(), download, request.datasetId()));
    }

    /** Downloads the dataset's export to a temporary file, reads it, and deletes it, whatever the reading does. */
    private <T> T readDownloadedExport(Function<Path, T> reading) {
        Path download = tempFile("export-", ".csv");
        try {
            api().downloadExport(download);
            return reading.apply(download);
        } finally {
            deleteQuietly(download);
        }
    }

    /**
     * A field exists on the server that this job's journal does not record declaring: it may hold values
     * from a run whose journal was lost, so adding to it could send them twice or leave it half-filled
     * without anyone knowing. A sample of media read back says how full it is.
     */
    private String unprovenField(String name, Journal journal) {
        List<String> sample = sample();
        long holding = sample.stream().filter(media -> api().holdsValue(media, name)).count();
        String filled = sample.isEmpty() ? "" : String.format(Locale.ROOT, " %d of a sample of %d of the dataset's "
                + "media already hold values for it.", holding, sample.size());
        String how = request.resume()
                ? " This run has --resume, but the journal " + journal.file() + " has no record of declaring it "
                        + "(the journal was deleted, or the input changed since, which gives it a new journal)."
                : " No finished run of this input (journal " + journal.file() + ") uploaded it.";
        // the usual cause: the input was edited after a run; its bytes, not its path, find a journal
        for (Map.Entry<Path, FieldState> other : journal.othersRecording(name).entrySet()) {
            how += other.getValue() instanceof Finished
                    ? " The journal " + other.getKey() + " records it finished by a run of an input with other "
                            + "content (edited since, or another file)."
                    : " The journal " + other.getKey() + " records it unfinished, for an input with other content: "
                            + "to go on with that run, give it the same bytes as then, with --resume.";
        }
        return "Field '" + name + "' already exists in dataset '" + request.datasetId() + "'." + how + filled
                + " Metadata is immutable, so vlmeta adds nothing to a field it cannot prove it filled: restore the "
                + "journal and run with --resume, or upload under a new field name.";
    }

    /** @return the media read back to tell how full an existing field is; drawn once, when first needed */
    private List<String> sample() {
        if (sample == null && resolver instanceof MediaIndex index) {
            sample = MediaSample.of(index);
        }
        return sample == null ? List.of() : sample;
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
        FieldState state = journal.field(name).orElse(null);
        if (request.cancellation().requested()) { // a stop was requested: no new request, not even a declaration
            long on = state instanceof WithTask withTask ? withTask.nextEntry() : 0;
            return new FailedField(name, FieldOutcome.Status.INTERRUPTED, String.format(Locale.ROOT,
                    "Stopped on request before field '%s' was %s: %,d of its entries are on the server (journal "
                            + "%s); run again with --resume to send the rest.", name,
                    state == null ? "declared" : "resumed", on, journal.file()));
        }
        if (state instanceof Declaring) {
            // the journal keeps the intent both when a run stopped mid-declaration and when its answer was lost
            // and the schema named no task: it cannot tell which, so neither is claimed
            FieldWriter adopted = settleDeclaration(declaration, "an earlier run of this input declared it and got "
                    + "no answer it could read (that run stopped, or the answer was lost)");
            return adopted != null ? adopted : declare(declaration);
        }
        if (state instanceof Uploading || state instanceof Sending) {
            WithTask resumed = (WithTask) state;
            request.log().accept(String.format(Locale.ROOT,
                    "Resuming field '%s' (task %s): %s in %s %s accepted before%s.",
                    name, resumed.taskId(), Plural.grouped(resumed.nextEntry(), "entry", "entries"),
                    Plural.count(resumed.files(), "batch", "batches"), Plural.noun(resumed.nextEntry(), "was", "were"),
                    state instanceof Sending sending ? "; batch " + sending.batch().number() + " ("
                            + sending.batch().rows() + ") was in flight and is read back first" : ""));
            return new FieldUpload(context(), name, resumed);
        }
        if (state instanceof Finished || state instanceof Stopped) {
            return new FailedField(name, "Field '" + name + "' ended in an earlier run of this input (journal "
                    + journal.file() + "); nothing was sent for it.");
        }
        return declare(declaration);
    }

    /** Declares a field: the intent is journalled first, and an answer in doubt is settled by the schema. */
    private FieldWriter declare(FieldDeclaration declaration) {
        String name = declaration.fieldName();
        for (int attempt = 1; attempt <= 3; attempt++) {
            journal.declaring(name); // fails before any request when the state folder cannot take it
            DeclareResult result = api().declare(declaration);
            if (result instanceof Declared declared) {
                journal.declared(name, declared.taskId());
                request.log().accept("Declared field '" + name + "' as " + describeDeclared(declaration) + " (task "
                        + declared.taskId() + ").");
                return new FieldUpload(context(), name, new Uploading(declared.taskId(), List.of()));
            }
            if (result instanceof Refused refused) {
                journal.forget(name);
                return new FailedField(name, "The server refused the declaration of field '" + name + "' ("
                        + refused.status() + "): " + refused.detail());
            }
            if (result instanceof AlreadyExists) {
                journal.forget(name);
                return new FailedField(name, "Field '" + name + "' already exists in dataset '" + request.datasetId()
                        + "' (it was declared after the check before upload); metadata is immutable, so nothing was "
                        + "sent for it.");
            }
            DeclareInDoubt doubt = (DeclareInDoubt) result;
            request.log().accept("The declaration of field '" + name + "' is in doubt (" + doubt.why()
                    + "): reading the dataset's schema to settle it.");
            FieldWriter adopted = settleDeclaration(declaration, doubt.why());
            if (adopted != null) {
                return adopted;
            }
        }
        return new FailedField(name, "The declaration of field '" + name + "' stayed in doubt after 3 attempts; "
                + "the schema of dataset '" + request.datasetId() + "' does not hold it, so nothing was sent.");
    }

    /**
     * Settles a declaration this job journalled as intended but whose outcome is unknown, from the
     * dataset's schema: absent means it never happened ({@code null}: declare it); present with our type
     * means this job declared it, and the upload goes on with the task the schema names. Without a task
     * id the field cannot be filled: it fails naming it, and the journal keeps the intent so that every
     * later run says the same.
     */
    private FieldWriter settleDeclaration(FieldDeclaration declaration, String why) {
        String name = declaration.fieldName();
        SchemaField existing = api().schema().stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
        if (existing == null) {
            journal.forget(name);
            return null;
        }
        if (!sameType(existing, declaration)) {
            return new FailedField(name, "Field '" + name + "' exists in dataset '" + request.datasetId() + "' as "
                    + existing.describe() + ", not as the " + describeDeclared(declaration) + " this job declared; "
                    + "nothing was sent for it.");
        }
        if (existing.taskId() != null && !existing.taskId().isBlank()) {
            journal.declared(name, existing.taskId());
            request.log().accept("Field '" + name + "' was declared by this job (" + why + "); continuing with its "
                    + "task " + existing.taskId() + ".");
            return new FieldUpload(context(), name, new Uploading(existing.taskId(), List.of()));
        }
        return new FailedField(name, "Field '" + name + "' was declared by this job (the journal " + journal.file()
                + " records the intent), but " + why + ", and the server does not tell which upload task that "
                + "declaration opened, so nothing was sent for it: the field now exists empty in dataset '"
                + request.datasetId() + "' and, metadata being immutable, its values need a new field name.");
    }

    /** Without {@code --resume}, an interrupted job of the same input must not be started over silently. */
    private Journal checkedJournal() {
        if (request.datasetId() == null) {
            throw VlmetaException.usage("No dataset given: pass --dataset-id to upload.");
        }
        if (journal == null) {
            Journal opened = Journal.open(request.stateDir(), request.datasetId(), request.jobKey().value(),
                    request.jobKey().settings());
            if (opened.existedAtStart() && opened.unfinished() && !request.resume()) {
                opened.close();
                throw VlmetaException.usage("An earlier upload of this input to dataset '" + request.datasetId()
                        + "' did not finish (journal " + opened.file() + "): pass --resume to continue it, or "
                        + "delete the journal to start over.");
            }
            if (request.resume() && !opened.existedAtStart()) {
                request.log().accept("No journal of this input and dataset to resume from (" + opened.file()
                        + "): checking that none of its fields exists on the server.");
            }
            journal = opened;
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
        if (rows == null) {
            rows = new RowLog(workDir());
        }
        return new UploadContext(api(), journal, pool, workDir(), rows, request.batchSize(), options,
                request.taskTimeout(), rejects, request.cancellation(), request.log());
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
            transport = new HttpTransport(urls.base(), urls.userInfo(), tokens, options, request.parallel() + 4,
                    request.log());
            api = new VisualLayerApi(transport, urls, request.datasetId(), request.apiSecret());
        }
        return api;
    }

    /** The batch files and row logs: the user's metadata, in a folder a later run deletes if this one is killed. */
    private Path workDir() {
        if (workDir == null) {
            try {
                workDir = TempFolder.create("vlmeta-upload-");
            } catch (IOException e) {
                Path system = TempFolder.systemFolder();
                throw new VlmetaException(ErrorCode.INTERNAL, "Cannot create a temporary folder in " + system + ": "
                        + FileFaults.whyUnwritable(system.resolve("vlmeta-upload"), e) + ".", e);
            }
        }
        return workDir.path();
    }

    private Path tempFile(String prefix, String suffix) {
        try {
            return Files.createTempFile(workDir(), prefix, suffix);
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INTERNAL, "Cannot create a temporary file in " + workDir() + ": "
                    + FileFaults.whyUnwritable(workDir().resolve(prefix + suffix), e) + ".", e);
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
        if (rows != null) {
            rows.close();
        }
        if (transport != null) {
            transport.close();
        }
        if (journal != null) {
            journal.close();
        }
        if (workDir != null) {
            workDir.close();
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

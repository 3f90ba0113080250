package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.Entry;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.ErrorKind;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.FieldWriter;
import io.vlmeta.api.FileFaults;
import io.vlmeta.api.Plural;
import io.vlmeta.api.Rejection;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.sinks.visuallayer.JournalState.Batch;
import io.vlmeta.sinks.visuallayer.JournalState.Segment;
import io.vlmeta.sinks.visuallayer.JournalState.Sending;
import io.vlmeta.sinks.visuallayer.JournalState.WithTask;
import io.vlmeta.sinks.visuallayer.ServerTypes.TaskStatus;
import io.vlmeta.sinks.visuallayer.ServerTypes.UploadAccepted;
import io.vlmeta.sinks.visuallayer.ServerTypes.UploadInDoubt;
import io.vlmeta.sinks.visuallayer.ServerTypes.UploadRefused;
import io.vlmeta.sinks.visuallayer.ServerTypes.UploadResult;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One declared field's upload: entries are written to batch files on the reader's thread and sent in
 * order through the field's {@link OrderedLane}; each send is journalled before (intent) and after
 * (outcome). A send whose outcome is in doubt is settled by {@link ReadBack}, never sent again blindly.
 * The task's status is polled only after the last batch was sent, and the server's rejections are
 * mapped back to rows through the {@link RowSpill} and the journal's record of which entries each file
 * put on the server ({@link RowMap}). When resuming, the entries an earlier run put on the server are
 * read again (the source yields the same order) but not sent; a batch the earlier run left in doubt is
 * rebuilt with the same entries and settled before anything else is sent.
 */
final class FieldUpload implements FieldWriter {
    private final UploadContext context;
    private final String fieldName;
    private final String taskId;
    private final long skip;
    private final long resumedFrom;
    private final Batch inDoubt;
    private final RowSpill spill;
    private final OrderedLane lane;
    private final ReadBack readBack;
    private final AtomicInteger batchNumber;
    private BatchFile current;
    private int currentLimit;
    private boolean currentInDoubt;
    private volatile long onServer;
    private volatile boolean interrupted;
    /** The media id the stopped run's last entry on the server had, to check this run's at that place; or null. */
    private final String boundaryMedia;
    /** Why this run's entries are not numbered as the stopped run's were; null while they are. */
    private volatile String misaligned;
    /** Set by {@link #endOfEntries()}: the engine handed every entry of the field. */
    private volatile boolean allEntriesWritten;

    /** @param state the field as the journal records it (a fresh declaration has no segments) */
    FieldUpload(UploadContext context, String fieldName, WithTask state) {
        this.context = context;
        this.fieldName = fieldName;
        this.taskId = state.taskId();
        this.resumedFrom = state.nextEntry();
        this.inDoubt = state instanceof Sending sending ? sending.batch() : null;
        this.skip = inDoubt != null ? Math.min(inDoubt.firstEntry(), resumedFrom) : resumedFrom;
        this.onServer = skip;
        this.boundaryMedia = state.segments().stream()
                .filter(segment -> segment.kind() != Segment.Kind.PRESUMED_LOST)
                .filter(segment -> segment.firstEntry() + segment.count() == resumedFrom)
                .map(Segment::lastMedia).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        int files = state.segments().size();
        this.batchNumber = new AtomicInteger(inDoubt != null ? Math.max(files, inDoubt.number()) : files);
        this.spill = new RowSpill(context.workDir(), context.rows());
        this.lane = new OrderedLane(context.pool(), context.options().queuedBatches(), this::send);
        this.readBack = new ReadBack(context.api(), fieldName, context.options().readBackWait(),
                context.options().pollInterval());
    }

    private boolean cancelled() {
        return context.cancellation().requested();
    }

    @Override
    public void write(Entry entry) {
        if (entry.mediaId() == null) {
            throw new VlmetaException(ErrorCode.INTERNAL, "Field '" + fieldName + "': " + entry.location().describe()
                    + " reached the upload without a media id.");
        }
        spill.append(entry); // also after a stop: the outcome names every row that did not reach the server
        long index = spill.count() - 1;
        if (index == resumedFrom - 1 && boundaryMedia != null && !boundaryMedia.equals(entry.mediaId())) {
            misaligned = String.format(Locale.ROOT, "Field '%s' was not resumed: its entry %,d (%s) went to media %s "
                    + "in the stopped run and goes to media %s in this one, so this run's rows are not numbered as "
                    + "that run's were (another --export-file, media added to or removed from the dataset since, or "
                    + "rows matched otherwise). Nothing more was sent: its first %s %s on the server. Resume with "
                    + "the mapping the stopped run used.", fieldName, index + 1, entry.location().describe(),
                    boundaryMedia, entry.mediaId(), Plural.grouped(resumedFrom, "entry", "entries"),
                    Plural.noun(resumedFrom, "is", "are"));
        }
        if (index < skip || misaligned != null || lane.failure() != null || cancelled()) {
            return;
        }
        try {
            if (current == null) {
                currentInDoubt = inDoubt != null && index == inDoubt.firstEntry();
                currentLimit = currentInDoubt ? inDoubt.count()
                        : context.options().oneFilePerField() ? Integer.MAX_VALUE : context.batchSize();
                current = new BatchFile(context.workDir(), fieldName,
                        currentInDoubt ? inDoubt.number() : batchNumber.incrementAndGet(), index);
            }
            current.add(entry.mediaId(), entry.value(), entry.location());
            if (current.count() >= currentLimit) {
                BatchFile full = current;
                current = null;
                lane.submit(full.close(currentInDoubt));
            }
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INTERNAL, "Cannot write a batch of field '" + fieldName
                    + "' to the temporary folder " + context.workDir() + ": "
                    + FileFaults.whyUnwritable(context.workDir().resolve("batch.json"), e) + ".", e);
        } catch (InterruptedException e) {
            throw interruptedWhileUploading(e);
        }
    }

    /** Sends one batch (on a pool thread); throws to stop the field. */
    private void send(BatchFile.Pending pending) {
        if (cancelled()) {
            interrupted = true; // a stop was requested: no new request
            return;
        }
        Batch batch = pending.batch();
        Path file = pending.file();
        Segment.Kind kind = Segment.Kind.APPLIED;
        if (pending.inDoubt()) {
            long applied = readBack.applied(file);
            context.log().accept(String.format(Locale.ROOT, "Field '%s': batch %d (%s) was in flight when the "
                            + "earlier run stopped; reading it back shows %,d of its %s on the server.",
                    fieldName, batch.number(), batch.rows(), applied,
                    Plural.grouped(batch.count(), "entry", "entries")));
            if (journalReadBack(batch, applied, kind)) {
                return;
            }
            if (applied > 0) {
                file = ReadBack.tail(file, applied);
                batch = tail(batch, applied, file);
            } else {
                kind = Segment.Kind.RESENT;
            }
        }
        try {
            sendSettled(batch, file, kind);
        } finally {
            if (!file.equals(pending.file())) {
                VisualLayerSink.deleteQuietly(file);
            }
        }
    }

    private void sendSettled(Batch first, Path firstFile, Segment.Kind firstKind) {
        Batch batch = first;
        Path file = firstFile;
        Segment.Kind kind = firstKind;
        int attempts = context.options().retryMaxAttempts();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            String what = "upload of field '" + fieldName + "' (batch " + batch.number() + ", "
                    + Plural.grouped(batch.count(), "entry", "entries") + ")";
            context.journal().sending(fieldName, batch);
            UploadResult result = context.api().upload(taskId, file, fileName(batch), what);
            if (result instanceof UploadAccepted) {
                context.journal().sent(fieldName, batch, batch.count(), kind);
                onServer = batch.endEntry();
                return;
            }
            if (result instanceof UploadRefused refused) {
                if (refused.taskClosed()) {
                    context.journal().stopped(fieldName, "the server's task accepts no more uploads ("
                            + refused.status() + ")");
                    throw new TaskClosed(refused.status(), refused.detail());
                }
                context.journal().unchanged(fieldName);
                throw new VlmetaException(ErrorCode.SERVER, "The Visual Layer server refused batch " + batch.number()
                        + " of field '" + fieldName + "' (" + batch.rows() + ", " + refused.status() + "): "
                        + refused.detail());
            }
            UploadInDoubt doubt = (UploadInDoubt) result;
            context.log().accept("The " + what + " is in doubt (" + doubt.why() + "): reading back its first and "
                    + "last media before sending anything again.");
            long applied = readBack.applied(file);
            if (journalReadBack(batch, applied, kind)) {
                return;
            }
            if (applied > 0) {
                Path rest = ReadBack.tail(file, applied);
                if (!file.equals(firstFile)) {
                    VisualLayerSink.deleteQuietly(file);
                }
                file = rest;
                batch = tail(batch, applied, rest);
                context.log().accept(String.format(Locale.ROOT, "Field '%s': the server applied %s of that "
                        + "batch; sending the other %,d.", fieldName, Plural.grouped(applied, "entry", "entries"),
                        batch.count()));
            } else {
                kind = Segment.Kind.RESENT;
            }
            if (cancelled()) {
                interrupted = true;
                return;
            }
        }
        throw new VlmetaException(ErrorCode.SERVER, "The upload of batch " + batch.number() + " of field '"
                + fieldName + "' (" + batch.rows() + ") stayed in doubt after " + Plural.count(attempts, "attempt")
                + "; the journal "
                + context.journal().file() + " records exactly what reached the server, so run again with --resume "
                + "when the server is healthy.");
    }

    /**
     * Journals what reading back a batch in doubt found: the {@code applied} entries from its first as
     * sent (as {@code kind}), or, when the server holds none, the batch as presumed lost.
     *
     * @return true when the server holds the whole batch, so nothing of it is left to send
     */
    private boolean journalReadBack(Batch batch, long applied, Segment.Kind kind) {
        if (applied == batch.count()) {
            context.journal().sent(fieldName, batch, applied, kind);
            onServer = batch.endEntry();
            return true;
        }
        if (applied > 0) {
            context.journal().sent(fieldName, batch, applied, kind);
            onServer = batch.firstEntry() + applied;
        } else {
            context.journal().presumedLost(fieldName, batch);
        }
        return false;
    }

    private Batch tail(Batch batch, long applied, Path rest) {
        List<String> media = ReadBack.mediaIds(rest);
        return new Batch(batchNumber.incrementAndGet(), batch.firstEntry() + applied, (int) (batch.count() - applied),
                media.get(0), media.get(media.size() - 1), "the last " + (batch.count() - applied) + " of " + batch.rows());
    }

    /** The file name the server sees. */
    private String fileName(Batch batch) {
        return fieldName.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + String.format("%05d", batch.number()) + ".json";
    }

    /** @return entries the server holds for certain (acknowledged or read back), including an earlier run's when resuming */
    @Override
    public long accepted() {
        return onServer;
    }

    @Override
    public FieldOutcome finish() {
        try {
            if (misaligned != null) {
                // the journal keeps the field as it was, for a resume with the stopped run's mapping
                return new FieldOutcome(fieldName, FieldOutcome.Status.FAILED, resumedFrom, -1, 0, List.of(),
                        misaligned);
            }
            flush();
            RuntimeException failure = lane.failure();
            if (failure instanceof TaskClosed closed) {
                return closed(closed);
            }
            if (failure != null) {
                return stopped(failure);
            }
            long read = spill.count();
            // A stop before the engine said every entry was written: however many of those it was given
            // reached the server, the field is not complete and its journal must keep it open for --resume.
            if (interrupted || (cancelled() && (onServer < read || !allEntriesWritten))) {
                return interruptedOutcome(read);
            }
            if (read == 0) {
                context.journal().finished(fieldName, "COMPLETED");
                return new FieldOutcome(fieldName, FieldOutcome.Status.COMPLETED, 0, 0, 0, List.of(),
                        "No values to send.");
            }
            TaskStatus status = awaitFinalStatus();
            if (status == null) {
                if (cancelled()) {
                    return interruptedOutcome(read);
                }
                return new FieldOutcome(fieldName, FieldOutcome.Status.FAILED, read, -1, 0, List.of(),
                        "The server's task " + taskId + " for field '" + fieldName + "' did not finish within "
                                + describe(context.taskTimeout()) + "; every batch was accepted, so run again with "
                                + "--resume later to collect its final state.");
            }
            RowMap rows = new RowMap(context.journal().field(fieldName)
                    .map(state -> ((WithTask) state).segments()).orElse(List.of()), status.processed());
            List<Rejection> rejections = new ArrayList<>();
            long duplicates = rejections(status, rows, rejections);
            if (context.rejects() != null) {
                context.rejects().write(fieldName, rejections);
                if ("FAILED".equals(status.status())) {
                    context.rejects().write(fieldName, unapplied(rows.processedEntries(Math.max(0,
                            status.processed())), read, "not applied: the server's task for field '" + fieldName
                            + "' failed"));
                }
            }
            context.journal().finished(fieldName, status.status());
            return outcome(status, read, rejections, duplicates, rows);
        } finally {
            spill.close();
        }
    }

    /** Hands the last batch to the lane now, so that it is sent while other fields finish. */
    @Override
    public void endOfEntries() {
        allEntriesWritten = true;
        submitLast();
    }

    private void submitLast() {
        if (current == null) {
            return;
        }
        BatchFile last = current;
        current = null;
        try {
            if (lane.failure() == null && !cancelled()) {
                lane.submit(last.close(currentInDoubt));
            } else {
                last.discard();
            }
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INTERNAL, "Cannot write the last batch of field '" + fieldName
                    + "' to the temporary folder " + context.workDir() + ": "
                    + FileFaults.whyUnwritable(context.workDir().resolve("batch.json"), e) + ".", e);
        } catch (InterruptedException e) {
            throw interruptedWhileUploading(e);
        }
    }

    private void flush() {
        submitLast();
        try {
            if (!lane.awaitIdle(cancelled() ? context.options().cancelWait() : null)) {
                interrupted = true;
            }
        } catch (InterruptedException e) {
            throw interruptedWhileUploading(e);
        }
    }

    /** Keeps the thread's interrupt for its caller, and says which field it stopped. */
    private VlmetaException interruptedWhileUploading(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new VlmetaException(ErrorCode.INTERNAL, "Interrupted while uploading field '" + fieldName + "'.", e);
    }

    /** Stopped on the user's request: says exactly how many entries reached the server. */
    private FieldOutcome interruptedOutcome(long read) {
        long on = onServer;
        String rest = on < read ? " The next is " + rowOf(on) + "; run again with --resume to send the rest."
                : !allEntriesWritten ? " The input was not read to its end; run again with --resume to send the rest."
                : " Every entry read was sent; run again with --resume to collect the task's final state.";
        return new FieldOutcome(fieldName, FieldOutcome.Status.INTERRUPTED, on, -1, 0, List.of(),
                String.format(Locale.ROOT, "Stopped on request: %s of field '%s' reached the server "
                        + "(journal %s).", Plural.grouped(on, "entry", "entries"), fieldName, context.journal().file())
                        + rest);
    }

    private String rowOf(long index) {
        RowSpill.Spilled entry = index < spill.count() ? spill.read(index) : null;
        return entry == null || entry.location() == null ? "entry " + (index + 1)
                : BatchFile.rows(entry.location(), entry.location());
    }

    /**
     * The task takes no more files: names what is on the server and what is not, lists the unsent
     * rows in the rejects file, and does not advise a resume that cannot help.
     */
    private FieldOutcome closed(TaskClosed closed) {
        long on = onServer;
        long read = spill.count();
        if (context.rejects() != null) {
            context.rejects().write(fieldName, unapplied(on, read, "not sent: the server's task for field '"
                    + fieldName + "' accepts no more uploads"));
        }
        String where = on == 0 ? "No entry of it is on the server" : String.format(Locale.ROOT,
                "Its first %s (up to %s) %s on the server", Plural.grouped(on, "entry", "entries"), rowOf(on - 1),
                Plural.noun(on, "is", "are"));
        return new FieldOutcome(fieldName, FieldOutcome.Status.FAILED, on, -1, 0, List.of(), String.format(
                Locale.ROOT, "The server's task %s for field '%s' accepts no more uploads (%d: %s). %s; the other "
                        + "%s read (from %s) %s not, and as metadata is immutable no later run can add them "
                        + "to this field, so --resume cannot help: upload them under a new field name%s.",
                taskId, fieldName, closed.status(), closed.detail(), where,
                Plural.grouped(read - on, "entry", "entries"), rowOf(on), Plural.noun(read - on, "is", "are"),
                context.rejects() == null ? " (--rejects lists such rows)" : " (the rejects file lists them)"));
    }

    private List<Rejection> unapplied(long from, long to, String reason) {
        List<Rejection> rows = new ArrayList<>();
        for (long i = from; i < to; i++) {
            RowSpill.Spilled entry = spill.read(i);
            rows.add(new Rejection(entry.key(), entry.location(), entry.value(), reason));
        }
        return rows;
    }

    /** Refused credentials and an unreachable server stop the job; a refused batch stops this field only. */
    private FieldOutcome stopped(RuntimeException failure) {
        if (!(failure instanceof VlmetaException vlmeta) || vlmeta.code().kind() == ErrorKind.INTERNAL
                || vlmeta.code() == ErrorCode.AUTH || vlmeta.getCause() instanceof IOException) {
            throw failure;
        }
        long sent = onServer;
        return new FieldOutcome(fieldName, FieldOutcome.Status.FAILED, sent, -1, 0, List.of(),
                vlmeta.getMessage() + " " + Plural.grouped(sent, "entry", "entries") + " of field '"
                        + fieldName + "' " + Plural.noun(sent, "was", "were")
                        + " accepted before it stopped; run again with --resume to send the rest.");
    }

    /** Polls until the task is final or {@code --task-timeout} has passed (a last poll at the deadline). */
    private TaskStatus awaitFinalStatus() {
        long deadline = System.nanoTime() + context.taskTimeout().toNanos();
        long pause = context.options().pollInterval().toMillis();
        while (true) {
            TaskStatus status = context.api().status(taskId, fieldName);
            if (status.isFinal()) {
                return status;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0 || cancelled()) {
                return null;
            }
            try {
                Thread.sleep(Math.min(pause, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VlmetaException(ErrorCode.INTERNAL, "Interrupted while waiting for field '" + fieldName
                        + "'.", e);
            }
            pause = Math.min(pause * 2, context.options().pollMaxInterval().toMillis());
        }
    }

    /** @return how many refusals were of a second copy of entries (not rejected rows) */
    private long rejections(TaskStatus status, RowMap rows, List<Rejection> out) {
        long duplicates = 0;
        for (ServerTypes.SampleError sample : status.sampleErrors()) {
            RowMap.Row row = rows.entryOf(sample.rowIndex());
            if ((row != null && row.secondCopy()) || (rows.copiesInDoubt() && secondCopy(sample.reason()))) {
                duplicates++;
                continue;
            }
            RowSpill.Spilled source = row == null ? null : spill.read(row.entry());
            out.add(source == null
                    ? new Rejection("", null, "", sample.reason() + " (row_index " + sample.rowIndex()
                            + " is outside what was sent)")
                    : new Rejection(source.key(), source.location(), source.value(), sample.reason()));
        }
        return Math.max(duplicates, rows.secondCopies());
    }

    /**
     * The server's words for a value it refused because the media already holds one (inferred from the
     * API's immutability; the emulator says "already has a value"). In a field this job declared, that
     * is a second copy of an entry this job sent.
     */
    private static boolean secondCopy(String reason) {
        String text = reason.toLowerCase(Locale.ROOT);
        return text.contains("already has a value") || text.contains("already exists") || text.contains("duplicate");
    }

    private FieldOutcome outcome(TaskStatus status, long sent, List<Rejection> rejections, long duplicates,
                                 RowMap rows) {
        long rejected = Math.max(0, status.errorCount() - duplicates);
        FieldOutcome.Status result = switch (status.status()) {
            case "COMPLETED", "COMPLETED_WITH_ERRORS" -> rejected > 0 ? FieldOutcome.Status.COMPLETED_WITH_ERRORS
                    : FieldOutcome.Status.COMPLETED;
            default -> FieldOutcome.Status.FAILED;
        };
        List<String> notes = new ArrayList<>();
        if (result == FieldOutcome.Status.FAILED) {
            long reached = rows.processedEntries(Math.max(0, status.processed()));
            notes.add(String.format(Locale.ROOT, "The server's task %s for field '%s' failed%s. It processed the "
                            + "first %s%s (%,d inserted, %,d refused); the other %,d (from %s) %s not "
                            + "applied, and as metadata is immutable no later run can add them to this field "
                            + "(--resume cannot help): upload them under a new field name.",
                    taskId, fieldName,
                    status.sampleErrors().isEmpty() ? "" : " (" + status.sampleErrors().get(0).reason() + ")",
                    Plural.grouped(reached, "entry", "entries"),
                    reached > 0 ? " (up to " + rowOf(reached - 1) + ")" : "",
                    Math.max(0, status.insertedRows()), status.errorCount(), sent - reached,
                    reached < sent ? rowOf(reached) : "none", Plural.noun(sent - reached, "was", "were")));
        } else if (status.insertedRows() >= 0 && status.insertedRows() != sent) {
            notes.add(String.format(Locale.ROOT, "The server inserted %,d of the %s sent (%,d rejected).",
                    status.insertedRows(), Plural.grouped(sent, "entry", "entries"), rejected));
        }
        if (rejected > rejections.size()) {
            notes.add(String.format(Locale.ROOT, "It named %,d of the %,d rejected %s.", rejections.size(),
                    rejected, Plural.noun(rejected, "entry", "entries")));
        }
        if (duplicates > 0) {
            notes.add(String.format(Locale.ROOT, "%s reached the server twice after a lost answer; the "
                    + "server kept the first copy and its refusals of the second are not rejected rows.",
                    Plural.grouped(duplicates, "entry", "entries")));
        }
        if (!rows.consistent() && rows.total() == status.processed()) {
            if (!rejections.isEmpty()) {
                notes.add("A copy of a batch presumed lost reached the server late, so the rows named for "
                        + "rejections after it may be off.");
            }
        } else if (!rows.consistent()) {
            notes.add(String.format(Locale.ROOT, "The server processed %s, not the %,d the journal accounts "
                    + "for, so the rows named for its rejections may be off.",
                    Plural.grouped(status.processed(), "row", "rows"), rows.total()));
        }
        if (resumedFrom > 0) {
            notes.add(String.format(Locale.ROOT, "Resumed: %s had been accepted in an earlier run.",
                    Plural.grouped(resumedFrom, "entry", "entries")));
        }
        return new FieldOutcome(fieldName, result, sent, status.insertedRows(), rejected, rejections,
                notes.isEmpty() ? null : String.join(" ", notes));
    }

    private static String describe(Duration duration) {
        return duration.toMinutes() >= 1 ? Plural.count(duration.toMinutes(), "minute")
                : Plural.count(duration.toSeconds(), "second");
    }
}

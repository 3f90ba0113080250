package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.Entry;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.ErrorKind;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.FieldWriter;
import io.vlmeta.api.Rejection;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.sinks.visuallayer.ServerTypes.SampleError;
import io.vlmeta.sinks.visuallayer.ServerTypes.TaskStatus;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One declared field's upload: entries are written to batch files on the reader's thread, sent in
 * order through the field's {@link OrderedLane}, acknowledged in the journal one by one; then the
 * task is polled to its final state and the server's rejections are mapped back to rows through
 * the {@link RowSpill}. When resuming, the entries of batches an earlier run had acknowledged are
 * read again (the source yields the same order) but not sent.
 */
final class FieldUpload implements FieldWriter {
    private final UploadContext context;
    private final String fieldName;
    private final String taskId;
    private final long skip;
    private final RowSpill spill;
    private final OrderedLane lane;
    private int batchNumber;
    private BatchFile current;
    private volatile long acknowledged;

    /**
     * @param skip    entries an earlier run had sent and the server acknowledged
     * @param batches batches those entries made
     */
    FieldUpload(UploadContext context, String fieldName, String taskId, long skip, int batches) {
        this.context = context;
        this.fieldName = fieldName;
        this.taskId = taskId;
        this.skip = skip;
        this.batchNumber = batches;
        this.acknowledged = skip;
        this.spill = new RowSpill(context.workDir());
        this.lane = new OrderedLane(context.pool(), context.options().queuedBatches(), this::send);
    }

    @Override
    public void write(Entry entry) {
        if (lane.failure() != null) {
            return; // the field has stopped; finish() says why
        }
        if (entry.mediaId() == null) {
            throw new VlmetaException(ErrorCode.INTERNAL, "Field '" + fieldName + "': " + entry.location().describe()
                    + " reached the upload without a media id.");
        }
        spill.append(entry);
        long index = spill.count() - 1;
        if (index < skip) {
            return;
        }
        try {
            if (current == null) {
                current = new BatchFile(context.workDir(), fieldName, ++batchNumber, index);
            }
            current.add(entry.mediaId(), entry.value());
            if (current.count() >= context.batchSize()) {
                BatchFile full = current;
                current = null;
                lane.submit(full.close());
            }
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INTERNAL, "Cannot write a batch of field '" + fieldName
                    + "' to the temporary folder: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VlmetaException(ErrorCode.INTERNAL, "Interrupted while uploading field '" + fieldName + "'.", e);
        }
    }

    private void send(BatchFile.Pending batch) {
        String what = "upload of field '" + fieldName + "' (batch " + batch.number() + ", "
                + String.format(Locale.ROOT, "%,d", batch.count()) + " entries)";
        context.api().upload(taskId, batch.file(), batch.fileName(fieldName), what, () -> landed(batch));
        context.journal().batchAccepted(fieldName, batch.number(), batch.endEntry());
        acknowledged = batch.endEntry();
    }

    /** After a lost answer: did the server take the batch? It counts every row it processed. */
    private boolean landed(BatchFile.Pending batch) {
        return context.api().status(taskId, fieldName).processed() >= batch.endEntry();
    }

    /** @return entries in batches the server acknowledged, including an earlier run's when resuming */
    @Override
    public long accepted() {
        return acknowledged;
    }

    @Override
    public FieldOutcome finish() {
        try {
            flush();
            RuntimeException failure = lane.failure();
            if (failure != null) {
                return stopped(failure);
            }
            long sent = spill.count();
            if (sent == 0) {
                context.journal().finished(fieldName, "COMPLETED");
                return new FieldOutcome(fieldName, FieldOutcome.Status.COMPLETED, 0, 0, 0, List.of(),
                        "No values to send.");
            }
            TaskStatus status = awaitFinalStatus();
            if (status == null) {
                return new FieldOutcome(fieldName, FieldOutcome.Status.FAILED, sent, -1, 0, List.of(),
                        "The server's task " + taskId + " for field '" + fieldName + "' did not finish within "
                                + describe(context.taskTimeout()) + "; every batch was accepted, so run again with "
                                + "--resume later to collect its final state.");
            }
            List<Rejection> rejections = rejections(status);
            if (context.rejects() != null) {
                context.rejects().write(fieldName, rejections);
            }
            context.journal().finished(fieldName, status.status());
            return outcome(status, sent, rejections);
        } finally {
            spill.close();
        }
    }

    private void flush() {
        try {
            if (current != null) {
                BatchFile last = current;
                current = null;
                if (lane.failure() == null) {
                    lane.submit(last.close());
                } else {
                    last.discard();
                }
            }
            lane.awaitIdle();
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INTERNAL, "Cannot write the last batch of field '" + fieldName
                    + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VlmetaException(ErrorCode.INTERNAL, "Interrupted while uploading field '" + fieldName + "'.", e);
        }
    }

    /** Refused credentials and an unreachable server stop the job; a refused batch stops this field only. */
    private FieldOutcome stopped(RuntimeException failure) {
        if (!(failure instanceof VlmetaException vlmeta) || vlmeta.code().kind() == ErrorKind.INTERNAL
                || vlmeta.code() == ErrorCode.AUTH || vlmeta.getCause() instanceof IOException) {
            throw failure;
        }
        long sent = acknowledged;
        return new FieldOutcome(fieldName, FieldOutcome.Status.FAILED, sent, -1, 0, List.of(),
                vlmeta.getMessage() + " " + String.format(Locale.ROOT, "%,d", sent) + " entries of field '"
                        + fieldName + "' were accepted before it stopped; run again with --resume to send the rest.");
    }

    private TaskStatus awaitFinalStatus() {
        long deadline = System.nanoTime() + context.taskTimeout().toNanos();
        long pause = context.options().pollInterval().toMillis();
        while (true) {
            TaskStatus status = context.api().status(taskId, fieldName);
            if (status.isFinal()) {
                return status;
            }
            if (System.nanoTime() + pause * 1_000_000 > deadline) {
                return null;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VlmetaException(ErrorCode.INTERNAL, "Interrupted while waiting for field '" + fieldName
                        + "'.", e);
            }
            pause = Math.min(pause * 2, context.options().pollMaxInterval().toMillis());
        }
    }

    private List<Rejection> rejections(TaskStatus status) {
        List<Rejection> rejections = new ArrayList<>();
        for (SampleError sample : status.sampleErrors()) {
            RowSpill.Spilled source = spill.read(sample.rowIndex());
            rejections.add(source == null
                    ? new Rejection("", null, "", sample.reason() + " (row_index " + sample.rowIndex()
                            + " is outside what was sent)")
                    : new Rejection(source.key(), source.location(), source.value(), sample.reason()));
        }
        return rejections;
    }

    private FieldOutcome outcome(TaskStatus status, long sent, List<Rejection> rejections) {
        FieldOutcome.Status result = switch (status.status()) {
            case "COMPLETED" -> status.errorCount() > 0 ? FieldOutcome.Status.COMPLETED_WITH_ERRORS
                    : FieldOutcome.Status.COMPLETED;
            case "COMPLETED_WITH_ERRORS" -> FieldOutcome.Status.COMPLETED_WITH_ERRORS;
            default -> FieldOutcome.Status.FAILED;
        };
        List<String> notes = new ArrayList<>();
        if (result == FieldOutcome.Status.FAILED) {
            notes.add("The server's task for field '" + fieldName + "' failed"
                    + (status.sampleErrors().isEmpty() ? "." : ": " + status.sampleErrors().get(0).reason() + "."));
        }
        if (status.insertedRows() >= 0 && status.insertedRows() != sent) {
            notes.add(String.format(Locale.ROOT, "The server inserted %,d of the %,d entries sent (%,d rejected).",
                    status.insertedRows(), sent, status.errorCount()));
        }
        if (status.errorCount() > rejections.size()) {
            notes.add(String.format(Locale.ROOT, "It named %,d of the %,d rejected entries.", rejections.size(),
                    status.errorCount()));
        }
        if (skip > 0) {
            notes.add(String.format(Locale.ROOT, "Resumed: %,d entries had been accepted in an earlier run.", skip));
        }
        return new FieldOutcome(fieldName, result, sent, status.insertedRows(), status.errorCount(), rejections,
                notes.isEmpty() ? null : String.join(" ", notes));
    }

    private static String describe(Duration duration) {
        return duration.toMinutes() >= 1 ? duration.toMinutes() + " minutes" : duration.toSeconds() + " seconds";
    }
}

package io.vlmeta.engine;

import io.vlmeta.api.Cancellation;
import io.vlmeta.api.Entry;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FieldCounts;
import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.FieldWriter;
import io.vlmeta.api.MediaResolver;
import io.vlmeta.api.ParseResult;
import io.vlmeta.api.Plural;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.Resolution;
import io.vlmeta.api.Sink;
import io.vlmeta.api.VlmetaException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Pass 2: reads the source again and hands every accepted value of every field to that field's
 * writer, in source order. Rows that validation let through with a warning (identical duplicates,
 * unmatched keys under {@code --allow-unmatched}) are skipped here, so each media item gets one value.
 * The source is read on a thread of its own ({@link ReadAhead}); its problems were reported in pass 1.
 *
 * <p>Given validation's {@link RowPlan}, the pass takes each row's media item and whether it is sent
 * from it, checking that each row is the one validation read; without one it resolves every key and
 * finds the repeats again. Both ways hand the writers the same entries.
 */
final class UploadPass {
    private static final int PROGRESS_EVERY = 10_000;

    private final List<PlannedField> fields;
    private final List<FieldDeclaration> declarations;
    private final Map<String, FieldCounts> counts;
    private final MediaResolver resolver;
    private final JobListener listener;
    private final int parallel;
    private final Cancellation cancellation;
    private RowPlan plan;
    /** The fields validation parsed, in its order: each row's values are checked against the plan over all of them. */
    private List<PlannedField> validated;
    /** For each field sent, its position in {@link #validated}; {@code null} when every validated field is sent. */
    private int[] sentPositions;
    /** The source's description, for messages; set before its rows are read. */
    private String input;

    UploadPass(List<PlannedField> fields, List<FieldDeclaration> declarations, Map<String, FieldCounts> counts,
               MediaResolver resolver, JobListener listener, int parallel, Cancellation cancellation) {
        this.cancellation = cancellation;
        this.fields = fields;
        this.declarations = declarations;
        this.counts = counts;
        this.resolver = resolver;
        this.listener = listener;
        this.parallel = parallel;
    }

    /**
     * @param rows      validation's decisions for the rows of the source this pass reads again; {@code null}
     *                  to resolve every key again
     * @param validated every field validation parsed, in its order, of which this pass's fields are a
     *                  subsequence; the source must hand over all their columns, since each row's values
     *                  are compared with the plan's over all of them
     */
    UploadPass withPlan(RowPlan rows, List<PlannedField> validated) {
        this.plan = rows;
        this.validated = validated;
        this.sentPositions = null;
        if (validated.size() != fields.size()) {
            sentPositions = new int[fields.size()];
            for (int i = 0, at = 0; i < fields.size(); i++, at++) {
                while (validated.get(at) != fields.get(i)) {
                    at++; // a subsequence: throws IndexOutOfBounds if a sent field was never validated
                }
                sentPositions[i] = at;
            }
        }
        return this;
    }

    List<FieldOutcome> run(RecordSource source, Sink sink) {
        int n = fields.size();
        FieldWriter[] writers = new FieldWriter[n];
        long[] sent = new long[n];
        int opened = 0;
        for (int i = 0; i < n && !cancellation.requested(); i++) {
            // announced first, so the sink's own step lines (the task id) follow the field's heading
            listener.fieldStarted(declarations.get(i), counts.get(fields.get(i).column()).values());
            writers[i] = sink.openField(declarations.get(i));
            opened++;
        }
        if (opened < n) {
            // stopped between declarations: the declared fields are settled by their writers below
            writers = java.util.Arrays.copyOf(writers, opened);
        }
        boolean stopped = opened < n;
        AcceptedPoller accepted = AcceptedPoller.start(fields, writers, listener);
        try {
            return readAndFinish(source, writers, sent, stopped, n);
        } finally {
            accepted.close();
        }
    }

    private List<FieldOutcome> readAndFinish(RecordSource source, FieldWriter[] writers, long[] sent, boolean stopped,
                                             int n) {
        input = source.description();
        DuplicateTracker seen = plan == null ? DuplicateTracker.forResolver(resolver) : null;
        long read = 0;
        try (ReadAhead<PreparedRow> rows = ReadAhead.numbered(source,
                plan == null ? (record, index) -> prepare(record) : this::prepareFromPlan)) {
            for (PreparedRow row = stopped ? null : rows.next(); row != null; row = rows.next()) {
                if (cancellation.requested()) {
                    stopped = true;
                    break; // stop reading: the writers settle what they were given, the journal says where
                }
                read++;
                Record record = row.record();
                ParseResult[] parsed = row.parsed();
                if (parsed == null) {
                    continue; // unmatched under --allow-unmatched or a repeat: validated as a warning, never sent
                }
                String mediaId = row.mediaId();
                if (seen != null && seen.firstOrRecord(DuplicateTracker.keyOf(row.resolution(), record.key()),
                        record.location().row(), 0L) != null) {
                    continue; // an identical repeat (a different one would have closed the gate)
                }
                for (int i = 0; i < writers.length; i++) {
                    if (parsed[i] instanceof ParseResult.Value value) {
                        writers[i].write(new Entry(mediaId, value.json(), record.key(), record.location()));
                        if (++sent[i] % PROGRESS_EVERY == 0) {
                            listener.fieldProgress(fields.get(i).column(), sent[i]);
                        }
                    }
                }
            }
        }
        if (plan != null && !stopped) {
            plan.checkAllRead(read, input); // before the last batches go out
        }
        for (int i = 0; i < writers.length; i++) {
            listener.fieldProgress(fields.get(i).column(), sent[i]);
        }
        if (!stopped) {
            // every field's last batch goes out now; finishing (waiting for the server's tasks) runs a
            // few fields at a time, and the later fields' last batches would otherwise wait for it
            for (FieldWriter writer : writers) {
                writer.endOfEntries();
            }
        }
        List<FieldOutcome> outcomes = new ArrayList<>(finishAll(writers, stopped ? sent : null));
        for (int i = writers.length; i < n; i++) {
            FieldOutcome notStarted = new FieldOutcome(fields.get(i).column(), FieldOutcome.Status.INTERRUPTED, 0,
                    -1, 0, List.of(), "stopped before the field was declared; nothing was sent for it");
            listener.fieldFinished(notStarted);
            outcomes.add(notStarted);
        }
        return outcomes;
    }

    /**
     * Runs on the reading thread (resolvers and parsers are thread-safe), so reading, resolving and
     * parsing overlap with writing the batches on the calling thread.
     */
    private PreparedRow prepare(Record record) {
        Resolution resolution = resolver.resolve(record.key());
        boolean sent = resolution instanceof Resolution.Matched || resolution instanceof Resolution.Unchecked;
        return new PreparedRow(ValidationPass.withoutValues(record), resolution,
                resolution instanceof Resolution.Matched matched ? matched.mediaId() : null,
                sent ? PlannedField.parseAll(fields, record) : null);
    }

    /** The same as {@link #prepare}, with the media item and the verdict on repeats taken from the plan. */
    private PreparedRow prepareFromPlan(Record record, long index) {
        ParseResult[] all = PlannedField.parseAll(validated, record);
        int decision = plan.decisionFor(index, record, RowPlan.valuesHash(all), input);
        if (decision == RowPlan.NOT_SENT) {
            return new PreparedRow(ValidationPass.withoutValues(record), null, null, null);
        }
        for (ParseResult result : all) {
            if (result instanceof ParseResult.Invalid) {
                // validation refused no value of a row it let through, or there would be no upload
                throw RowPlan.changed(input, record.location().describe() + " (key '" + record.key()
                        + "') now holds a value validation did not read there");
            }
        }
        String mediaId = decision == RowPlan.UNCHECKED ? null : RowPlan.mediaId(resolver, decision, record);
        return new PreparedRow(ValidationPass.withoutValues(record), null, mediaId, sentValues(all));
    }

    /** @return the results of the fields this pass sends, out of every validated field's */
    private ParseResult[] sentValues(ParseResult[] all) {
        if (sentPositions == null) {
            return all;
        }
        ParseResult[] sent = new ParseResult[sentPositions.length];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = all[sentPositions[i]];
        }
        return sent;
    }

    /**
     * A row with its media id and every planned field parsed, in plan order; no values when it is not
     * sent. The resolution is kept only when repeats are still to be found ({@code null} with a plan).
     */
    private record PreparedRow(Record record, Resolution resolution, String mediaId, ParseResult[] parsed) {
    }

    /**
     * Finishing waits for each field's server task; do it for several fields at once.
     *
     * @param handed entries handed to each writer when the pass was stopped early; {@code null} when it read
     *               the whole source
     */
    List<FieldOutcome> finishAll(FieldWriter[] writers, long[] handed) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, writers.length)), r -> {
            Thread thread = new Thread(r, "vlmeta-finish");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<FieldOutcome>> futures = new ArrayList<>();
            for (FieldWriter writer : writers) {
                int index = futures.size();
                futures.add(pool.submit(() -> {
                    FieldOutcome outcome = handed == null ? writer.finish()
                            : notCompletedEarly(writer.finish(), handed[index]);
                    long accepted = writer.accepted();
                    if (accepted >= 0) {
                        listener.fieldAccepted(outcome.fieldName(), accepted); // the last batch's, before the end
                    }
                    listener.fieldFinished(outcome);
                    return outcome;
                }));
            }
            List<FieldOutcome> outcomes = new ArrayList<>();
            for (Future<FieldOutcome> future : futures) {
                outcomes.add(await(future));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A writer of a stopped pass was not given all of its field's values, so it cannot have completed
     * the field: whatever it answers, the field is reported as interrupted, naming how many values it
     * was given, and a stopped job never reads as a complete one.
     */
    private static FieldOutcome notCompletedEarly(FieldOutcome outcome, long handed) {
        boolean complete = outcome.status() == FieldOutcome.Status.COMPLETED
                || outcome.status() == FieldOutcome.Status.COMPLETED_WITH_ERRORS;
        if (!complete) {
            return outcome;
        }
        return new FieldOutcome(outcome.fieldName(), FieldOutcome.Status.INTERRUPTED, outcome.sent(),
                outcome.inserted(), outcome.rejected(), outcome.rejections(), "stopped after "
                + Plural.count(handed, "value") + " " + Plural.noun(handed, "was", "were") + " handed to the upload");
    }

    private static FieldOutcome await(Future<FieldOutcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VlmetaException(ErrorCode.INTERNAL, "Interrupted while waiting for uploads to finish.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof VlmetaException vlmeta) {
                throw vlmeta;
            }
            throw new VlmetaException(ErrorCode.INTERNAL, "A field's upload failed: " + e.getCause(), e.getCause());
        }
    }
}

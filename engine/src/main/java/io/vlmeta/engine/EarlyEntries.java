package io.vlmeta.engine;

import io.vlmeta.api.Cancellation;
import io.vlmeta.api.ColumnAccumulator;
import io.vlmeta.api.Entry;
import io.vlmeta.api.FieldCounts;
import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.FieldSettings;
import io.vlmeta.api.FieldWriter;
import io.vlmeta.api.ParseResult;
import io.vlmeta.api.Record;
import io.vlmeta.api.Resolution;
import io.vlmeta.api.Sink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A job that sends nothing (a validation with a report, a dry run) hands its entries to the report
 * sink while the validation pass reads the input ({@link Sink#openFieldEarly}), so the input is read
 * and parsed once. After the gate, {@link #handOver} does what the upload pass would have done with
 * the same sink (the same listener calls in the same order, the same writers finished the same way)
 * without reading the input again.
 *
 * <p>The entries are the upload pass's: the accepted values of rows whose key maps to one media item
 * (or is not checked), the first of identical repeats only, in source order. Memory stays flat in
 * rows: the writers keep what they keep, and this class one number per {@value #PROGRESS_EVERY}
 * entries, the order in which the fields reached each progress step.
 */
final class EarlyEntries {
    /** As {@link UploadPass}: a field's progress is told every this many entries. */
    static final int PROGRESS_EVERY = 10_000;

    private final List<PlannedField> fields;
    private final List<FieldDeclaration> provisional;
    private final FieldWriter[] writers;
    private final long[] handed;
    /** The field index of each progress step, in the order the upload pass would have told them. */
    private int[] steps = new int[64];
    private int stepCount;

    private EarlyEntries(List<PlannedField> fields, List<FieldDeclaration> provisional, FieldWriter[] writers) {
        this.fields = fields;
        this.provisional = provisional;
        this.writers = writers;
        this.handed = new long[writers.length];
    }

    /**
     * Opens every field early on {@code sink}.
     *
     * @return the early entries, or {@code null} when the sink takes entries only after the declaration
     */
    static EarlyEntries open(Sink sink, List<PlannedField> fields, FieldSettings settings) {
        List<FieldDeclaration> provisional = new ArrayList<>();
        FieldWriter[] writers = new FieldWriter[fields.size()];
        for (int i = 0; i < writers.length; i++) {
            PlannedField field = fields.get(i);
            provisional.add(beforeAnyValue(field, settings));
            writers[i] = sink.openFieldEarly(provisional.get(i));
            if (writers[i] == null) {
                if (i == 0) {
                    return null;
                }
                throw new IllegalStateException("the sink took field '" + fields.get(0).column() + "' early but not '"
                        + field.column() + "'");
            }
        }
        return new EarlyEntries(fields, List.copyOf(provisional), writers);
    }

    /** @return the declaration the field's type makes before any value: final but for its enum options */
    private static FieldDeclaration beforeAnyValue(PlannedField field, FieldSettings settings) {
        ColumnAccumulator empty = field.handler().newAccumulator(field.column(), settings);
        empty.finish();
        return empty.declaration();
    }

    /**
     * Hands one validated row's values over, as the upload pass would write them.
     *
     * @param record     the row's key and location
     * @param resolution the row's media: {@link Resolution.Matched} or {@link Resolution.Unchecked}
     * @param parsed     every planned field's value, in plan order
     */
    void row(Record record, Resolution resolution, ParseResult[] parsed) {
        String mediaId = resolution instanceof Resolution.Matched matched ? matched.mediaId() : null;
        for (int i = 0; i < writers.length; i++) {
            if (parsed[i] instanceof ParseResult.Value value) {
                writers[i].write(new Entry(mediaId, value.json(), record.key(), record.location()));
                if (++handed[i] % PROGRESS_EVERY == 0) {
                    step(i);
                }
            }
        }
    }

    private void step(int field) {
        if (stepCount == steps.length) {
            steps = Arrays.copyOf(steps, stepCount * 2);
        }
        steps[stepCount++] = field;
    }

    /**
     * @param declarations every planned field's final declaration, in plan order
     * @return true when each differs from the one the field was opened with in its enum options at most,
     *     so the early entries stand; false when the input must be read again for a new sink
     */
    boolean fit(List<FieldDeclaration> declarations) {
        for (int i = 0; i < writers.length; i++) {
            FieldDeclaration before = provisional.get(i);
            FieldDeclaration last = declarations.get(i);
            if (!before.fieldName().equals(last.fieldName()) || !before.handler().equals(last.handler())
                    || !before.serverType().equals(last.serverType()) || before.multi() != last.multi()) {
                return false;
            }
        }
        return true;
    }

    /**
     * What the upload pass does with a sink, for entries already written: declares each sent field
     * ({@code openField} returns its early writer), tells the listener the progress steps in the order the
     * pass would have reached them, ends and finishes the writers. A stop is looked for at each progress
     * step ({@value #PROGRESS_EVERY} entries of a field) and before the writers are finished: with
     * millions of values this stage is long enough for the user to stop it.
     *
     * @param sending      the planned fields to send, in plan order (the skipped ones left out)
     * @param declarations their final declarations
     * @param counts       every field's counts from the validation pass
     * @param finisher     the upload pass that would have run, which finishes the writers
     * @param cancellation whether the user asked the job to stop
     * @return each sent field's outcome, in the order of {@code sending}
     * @throws io.vlmeta.api.VlmetaException ({@link Stops#STOPPED}) when a stop is requested before the writers
     *     are finished; nothing is sent in such a job, so there is nothing to settle
     */
    List<FieldOutcome> handOver(Sink sink, List<PlannedField> sending, List<FieldDeclaration> declarations,
                                Map<String, FieldCounts> counts, JobListener listener, UploadPass finisher,
                                Cancellation cancellation) {
        boolean[] sent = new boolean[writers.length];
        FieldWriter[] declared = new FieldWriter[sending.size()];
        for (int i = 0; i < declared.length; i++) {
            int planned = fields.indexOf(sending.get(i));
            sent[planned] = true;
            listener.fieldStarted(declarations.get(i), counts.get(sending.get(i).column()).values());
            declared[i] = sink.openField(declarations.get(i));
            if (declared[i] != writers[planned]) {
                throw new IllegalStateException("the sink opened field '" + sending.get(i).column()
                        + "' anew instead of returning the writer that holds its early entries");
            }
        }
        try (AcceptedPoller accepted = AcceptedPoller.start(sending, declared, listener)) {
            long[] told = new long[writers.length];
            for (int s = 0; s < stepCount; s++) {
                Stops.checkBefore(cancellation, Stops.PREPARING_REPORT);
                int field = steps[s];
                told[field] += PROGRESS_EVERY;
                if (sent[field]) {
                    listener.fieldProgress(fields.get(field).column(), told[field]);
                }
            }
            for (PlannedField field : sending) {
                listener.fieldProgress(field.column(), handed[fields.indexOf(field)]);
            }
            Stops.checkBefore(cancellation, Stops.PREPARING_REPORT);
            for (FieldWriter writer : declared) {
                writer.endOfEntries();
            }
            return finisher.finishAll(declared, null);
        }
    }
}

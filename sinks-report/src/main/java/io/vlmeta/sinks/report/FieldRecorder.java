package io.vlmeta.sinks.report;

import io.vlmeta.api.Entry;
import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.FieldWriter;
import io.vlmeta.api.Plural;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Receives one field's entries in place of an upload: counts them, keeps the first ones exactly as
 * the upload would carry them, and feeds the field's statistics.
 */
final class FieldRecorder implements FieldWriter {
    /** Entries kept per field, as the upload would carry them. */
    static final int FIRST_ENTRIES = 20;

    /** Final once {@link #declared} is called for a recorder opened before its declaration was. */
    private FieldDeclaration declaration;
    private final FieldStatistics statistics;
    private final List<Map<String, Object>> firstEntries = new ArrayList<>();
    private final List<String> firstEntryRows = new ArrayList<>();
    /** Written by the one thread that writes entries; read after {@code finish} is handed over. */
    private long entries;

    /** What the outcome's message calls the job: {@code Dry run} or {@code Validation}. */
    private final String job;

    FieldRecorder(FieldDeclaration declaration) {
        this(declaration, "Dry run");
    }

    /** @param job what the outcome's message calls the job, e.g. {@code Validation} */
    FieldRecorder(FieldDeclaration declaration, String job) {
        this.declaration = declaration;
        this.job = job;
        this.statistics = FieldStatistics.forField(declaration.serverType());
    }

    /**
     * The field's final declaration, for a recorder opened with a provisional one: the enum options
     * are learned from the values, nothing else may change (the statistics were chosen by server type).
     *
     * @return this recorder
     * @throws IllegalStateException when the field, its type or {@code is_multi} differ from the provisional one
     */
    FieldRecorder declared(FieldDeclaration last) {
        if (!last.fieldName().equals(declaration.fieldName()) || !last.handler().equals(declaration.handler())
                || !last.serverType().equals(declaration.serverType()) || last.multi() != declaration.multi()) {
            throw new IllegalStateException("field '" + declaration.fieldName() + "' was opened early as "
                    + declaration + " and declared as " + last + ": only enum options may be learned in between");
        }
        this.declaration = last;
        return this;
    }

    @Override
    public void write(Entry entry) {
        if (firstEntries.size() < FIRST_ENTRIES) {
            Map<String, Object> carried = new LinkedHashMap<>();
            carried.put("media_id", entry.mediaId());
            carried.put("value", entry.value());
            firstEntries.add(Collections.unmodifiableMap(carried));
            firstEntryRows.add(entry.key() + " (" + entry.location().describe() + ")");
        }
        statistics.add(entry.value());
        entries++;
    }

    @Override
    public FieldOutcome finish() {
        return new FieldOutcome(declaration.fieldName(), FieldOutcome.Status.COMPLETED, entries, -1, 0, List.of(),
                job + ": " + Plural.count(entries, "entry", "entries") + " would be uploaded; nothing was sent.");
    }

    FieldDeclaration declaration() {
        return declaration;
    }

    long entries() {
        return entries;
    }

    List<Map<String, Object>> firstEntries() {
        return List.copyOf(firstEntries);
    }

    List<String> firstEntryRows() {
        return List.copyOf(firstEntryRows);
    }

    StatisticsView statistics() {
        return statistics.view();
    }
}

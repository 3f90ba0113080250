package io.vlmeta.engine;

import io.vlmeta.api.Cancellation;
import io.vlmeta.api.ColumnAccumulator;
import io.vlmeta.api.FieldCounts;
import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.FieldSettings;
import io.vlmeta.api.MediaResolver;
import io.vlmeta.api.ParseResult;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.Resolution;
import io.vlmeta.api.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pass 1: parses every value of every planned field, runs the column accumulators, resolves every
 * key and finds duplicate rows. Sends nothing. Memory does not grow with rows, apart from the
 * duplicate tracker's per-media state and the {@link RowPlan} it hands the upload pass (8 bytes a row).
 */
final class ValidationPass {
    private static final int PROGRESS_EVERY = 10_000;
    /**
     * Unmatched keys for which the resolver is asked for a near miss: enough to show the pattern
     * (case, folder, extension), few enough that a file of wrong keys costs no more than the others.
     */
    static final int NEAR_MISSES_SOUGHT = 20;

    private final List<PlannedField> fields;
    private final MediaResolver resolver;
    private final boolean allowUnmatched;
    private final ProblemCollector problems;
    private final JobListener listener;
    private final FieldSettings settings;
    private final Cancellation cancellation;
    private int nearMissesSought;
    /** The input file's size for progress, or -1 when unknown. */
    private long inputBytes = -1;
    /** Where the entries go as they are validated, when no upload follows; {@code null} otherwise. */
    private EarlyEntries early;
    /** Whether each row's decision is kept for an upload pass ({@link RowPlan}, 8 bytes a row). */
    private boolean planningRows;

    ValidationPass(List<PlannedField> fields, FieldSettings settings, MediaResolver resolver, boolean allowUnmatched,
                   ProblemCollector problems, JobListener listener, Cancellation cancellation) {
        this.fields = fields;
        this.cancellation = cancellation;
        this.settings = settings;
        this.resolver = resolver;
        this.allowUnmatched = allowUnmatched;
        this.problems = problems;
        this.listener = listener;
    }

    /** @param bytes the input file's size, so progress can say how far reading has got; -1 when unknown */
    ValidationPass inputBytes(long bytes) {
        this.inputBytes = bytes;
        return this;
    }

    /**
     * @param planning true when an upload pass follows, which takes each row's media item from the plan;
     *                 a validation or dry run keeps none
     */
    ValidationPass planningRows(boolean planning) {
        this.planningRows = planning;
        return this;
    }

    /**
     * @param entries where each row's entries go once the row is checked, until the first error (after
     *                which nothing will be sent); {@code null} for none
     */
    ValidationPass handingTo(EarlyEntries entries) {
        this.early = entries;
        return this;
    }

    /**
     * What the pass found.
     *
     * @param plan each row's media and whether it is sent, for the upload pass; {@code null} when none follows
     */
    record Outcome(long rows, long matched, Map<String, FieldCounts> counts, List<FieldDeclaration> declarations,
                   MediaCoverage coverage, List<io.vlmeta.api.InvalidValues> invalidValues, RowPlan plan) {
    }

    /**
     * Reads {@code source} on a thread of its own while this thread checks the rows.
     *
     * @param relay the reporter {@code source} was opened with, or {@code null} when its problems go elsewhere
     */
    Outcome run(RecordSource source, SourceProblemRelay relay) {
        int n = fields.size();
        ColumnAccumulator[] accumulators = new ColumnAccumulator[n];
        long[] values = new long[n];
        long[] empty = new long[n];
        long[] invalid = new long[n];
        long[] unmatched = new long[n];
        for (int i = 0; i < n; i++) {
            PlannedField field = fields.get(i);
            accumulators[i] = field.handler().newAccumulator(field.column(), settings);
        }
        DuplicateTracker duplicates = DuplicateTracker.forResolver(resolver);
        MediaCoverage coverage = resolver == MediaResolver.UNCHECKED ? null : new MediaCoverage(resolver);
        InvalidValueCounter invalidValues = new InvalidValueCounter(fields.stream().map(PlannedField::column).toList());
        long rows = 0;
        long matched = 0;
        RowPlan plan = planningRows ? new RowPlan() : null;
        try (ReadAhead<ParsedRow> rowsAhead = ReadAhead.start(source, relay, this::parse)) {
            for (ParsedRow row = rowsAhead.next(); row != null; row = rowsAhead.next()) {
                if (cancellation.requested()) {
                    break; // stopped: the caller refuses to go on, so partial counts are never used
                }
                Record record = row.record();
                rows++;
                if (rows % PROGRESS_EVERY == 0) {
                    listener.validationProgress(rows, source.bytesRead(), inputBytes);
                }
                Resolution resolution = row.resolution() != null ? row.resolution() : resolver.resolve(record.key());
                boolean mapped = reportMapping(record, resolution);
                if (resolution instanceof Resolution.Matched) {
                    matched++;
                }
                ParseResult[] parsed = row.parsed();
                boolean anyValue = false;
                for (int i = 0; i < n; i++) {
                    ParseResult result = parsed[i];
                    if (result instanceof ParseResult.Value value) {
                        anyValue = true;
                        accumulators[i].add(value.json());
                        values[i]++;
                        if (!mapped) {
                            unmatched[i]++;
                        }
                        if (value.warning() != null) {
                            problems.report(Problem.warning(ProblemCategory.VALUE, record.location(),
                                    fields.get(i).column(), value.warning()));
                        }
                    } else if (result instanceof ParseResult.Invalid bad) {
                        invalid[i]++;
                        invalidValues.add(i, row.invalidValue(i));
                        problems.report(Problem.error(bad.category(), record.location(), fields.get(i).column(),
                                bad.message()), row.invalidValue(i));
                    } else {
                        empty[i]++;
                    }
                }
                boolean repeat = mapped && checkDuplicate(duplicates, record, resolution, row.valuesHash());
                if (plan != null) {
                    plan.add(record, resolution, mapped && !repeat, row.valuesHash());
                }
                if (mapped && !repeat && early != null && problems.errorCount() == 0) {
                    early.row(record, resolution, parsed); // as the upload pass would send it: once per media item
                }
                if (anyValue && coverage != null && resolution instanceof Resolution.Matched media) {
                    coverage.covered(media.ordinal());
                }
            }
        }
        Map<String, FieldCounts> counts = new LinkedHashMap<>();
        List<FieldDeclaration> declarations = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            problems.reportAll(accumulators[i].finish());
            declarations.add(accumulators[i].declaration());
            counts.put(fields.get(i).column(), new FieldCounts(values[i], empty[i], invalid[i], unmatched[i]));
        }
        return new Outcome(rows, matched, counts, List.copyOf(declarations), coverage,
                invalidValues.summary(), plan);
    }

    /** Runs on the reading thread: parsers are thread-safe and pure. */
    private ParsedRow parse(Record record) {
        ParseResult[] parsed = PlannedField.parseAll(fields, record);
        long valuesHash = RowPlan.valuesHash(parsed);
        String[] invalidValues = null;
        for (int i = 0; i < parsed.length; i++) {
            if (parsed[i] instanceof ParseResult.Invalid) {
                if (invalidValues == null) {
                    invalidValues = new String[parsed.length];
                }
                io.vlmeta.api.RawValue raw = record.value(fields.get(i).column());
                invalidValues[i] = raw == null ? null : raw.display();
            }
        }
        // Where the key is resolved balances the two threads: reading and parsing keep the reading thread
        // the busier one, unless this thread also hands every entry to the report
        Resolution resolution = early != null ? resolver.resolve(record.key()) : null;
        return new ParsedRow(withoutValues(record), parsed, valuesHash, invalidValues, resolution);
    }

    /**
     * The row as it waits in the read-ahead queue once parsed: its key and location without its raw
     * values, so that the queue holds parsed values only, however many columns a source hands over.
     */
    static Record withoutValues(Record record) {
        return new Record(record.key(), record.location(), Map.of());
    }

    /**
     * A row with every planned field parsed, in plan order, the hash that tells repeats apart, and
     * the raw text of refused values (for the problems file), {@code null} when none was refused.
     */
    private record ParsedRow(Record record, ParseResult[] parsed, long valuesHash, String[] invalidValues,
                             Resolution resolution) {
        /** @return the raw text of field {@code i}'s refused value (kept for refused values only) */
        String invalidValue(int i) {
            return invalidValues == null ? null : invalidValues[i];
        }
    }

    /** @return true when the key maps to exactly one media item, or mapping is not checked */
    private boolean reportMapping(Record record, Resolution resolution) {
        if (resolution instanceof Resolution.Unmatched) {
            Severity severity = allowUnmatched ? Severity.WARNING : Severity.ERROR;
            String nearMiss = nearMiss(record.key());
            String advice = allowUnmatched ? " The row is skipped (--allow-unmatched)."
                    : nearMiss != null ? " Or pass --allow-unmatched to skip such rows."
                    : " Check the path, or pass --allow-unmatched to skip such rows.";
            problems.report(new Problem(severity, ProblemCategory.MAPPING, record.location(), null,
                    "'" + record.key() + "' matches no media item in " + resolver.description()
                            + (nearMiss != null ? "; " + nearMiss : ".") + advice));
            return false;
        }
        if (resolution instanceof Resolution.Ambiguous ambiguous) {
            problems.report(Problem.error(ProblemCategory.MAPPING, record.location(), null,
                    "'" + record.key() + "' matches " + ambiguous.candidates().size() + " media items: "
                            + String.join(", ", ambiguous.candidates())
                            + ". Write a longer path so it matches one, or use another --match-by."));
            return false;
        }
        return true;
    }

    /** @return the resolver's near miss for one of the first unmatched keys, else {@code null} */
    private String nearMiss(String key) {
        if (nearMissesSought >= NEAR_MISSES_SOUGHT) {
            return null;
        }
        nearMissesSought++;
        return resolver.nearMiss(key).orElse(null);
    }

    /** @return true when the row's media item was in an earlier row (the row is then never sent) */
    private boolean checkDuplicate(DuplicateTracker duplicates, Record record, Resolution resolution,
                                   long valuesHash) {
        DuplicateTracker.Seen seen = duplicates.firstOrRecord(DuplicateTracker.keyOf(resolution, record.key()),
                record.location().row(), valuesHash);
        if (seen == null) {
            return false;
        }
        if (seen.valuesHash() == valuesHash) {
            problems.report(Problem.warning(ProblemCategory.DUPLICATE, record.location(), null,
                    "'" + record.key() + "' repeats row " + seen.firstRow() + " with identical values; uploaded once."));
        } else {
            problems.report(Problem.error(ProblemCategory.DUPLICATE, record.location(), null,
                    "'" + record.key() + "' is also in row " + seen.firstRow() + " with different values. "
                            + "Metadata cannot be changed once uploaded: keep one row per media item."));
        }
        return true;
    }
}

package io.vlmeta.engine;

import io.vlmeta.api.ColumnInfo;
import io.vlmeta.api.FieldCounts;
import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.FieldPlan;
import io.vlmeta.api.FileFaults;
import io.vlmeta.api.JobKey;
import io.vlmeta.api.MediaResolver;
import io.vlmeta.api.Preflight;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.RunSummary;
import io.vlmeta.api.SinkRequest;
import io.vlmeta.api.SourceProvider;
import io.vlmeta.api.SourceRequest;
import io.vlmeta.api.VlmetaException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs one job: plan, validate every value (pass 1), the gate, upload (pass 2), report.
 * Nothing reaches a sink's fields when validation found any error. A job that sends nothing (a
 * validation with a report, a dry run) has no pass 2 when its report sink takes entries early: pass 1
 * hands them over as it reads ({@link EarlyEntries}), and the gate decides whether they count.
 */
public final class JobRunner {
    /**
     * The sink option the engine sets to what the job does: {@code upload}, {@code dry-run} or
     * {@code validate}, so a report can say which it describes. Sinks that do not read it ignore it.
     */
    public static final String JOB_MODE_OPTION = "job-mode";

    private final Plugins plugins;
    /** Whether a job that sends nothing hands its entries to the report during validation. */
    private final boolean onePassReports;

    public JobRunner(Plugins plugins) {
        this(plugins, true);
    }

    private JobRunner(Plugins plugins, boolean onePassReports) {
        this.plugins = plugins;
        this.onePassReports = onePassReports;
    }

    /**
     * A runner whose validations and dry runs read the input a second time for the report, as an upload
     * does, instead of handing the entries to the report while validating; for comparing the two, which
     * must give the same report, output and result.
     *
     * @return a new runner with the same plugins
     */
    public JobRunner readingTwiceForReports() {
        return new JobRunner(plugins, false);
    }

    /**
     * @throws VlmetaException for usage errors, unreadable input and server failures
     */
    public JobResult run(JobSpec spec, JobListener listener) {
        if (spec.mode() == JobSpec.Mode.UPLOAD && (spec.datasetId() == null || spec.datasetId().isBlank())) {
            throw VlmetaException.usage("No dataset given: pass --dataset-id (or set VL_DATASET_ID).");
        }
        SourceProvider sourceProvider = checkedSource(spec);
        SourceRequest sourceRequest = sourceRequest(spec);
        ProblemCollector problems = new ProblemCollector(spec.maxProblemsKept(), listener);
        JobKey jobKey = JobKeys.start(spec, sourceProvider, sourceRequest);
        try {
            return run(spec, listener, sourceProvider, sourceRequest, problems, sinkRequest(spec, listener, jobKey));
        } finally {
            jobKey.abandon(); // a job that ended without its journal stops digesting its input
        }
    }

    private JobResult run(JobSpec spec, JobListener listener, SourceProvider sourceProvider,
                          SourceRequest sourceRequest, ProblemCollector problems, SinkRequest sinkRequest) {
        SelectedColumnsReporter sourceProblems = new SelectedColumnsReporter(problems);
        // the validation pass reads the source on a thread of its own; its problems travel with the rows
        SourceProblemRelay relay = new SourceProblemRelay(sourceProblems);
        try (JobSinks sinks = JobSinks.open(spec, plugins, sinkRequest);
             RecordSource source = sourceProvider.open(sourceRequest, relay)) {
            List<ColumnInfo> columns = source.columns();
            FieldPlanner planner = new FieldPlanner(plugins, spec.fieldSettings()).stoppedBy(spec.cancellation());
            // the rows inference could not read are validation's errors too, but validation never runs
            // when they leave no column with a value: they are the reason nothing is selected
            SkippedRows unreadRows = new SkippedRows();
            List<PlannedField> fields = planner.plan(source.description(), columns, spec.fieldTypes(),
                    spec.fieldReasons(), spec.columnSelection(), spec.infer(),
                    () -> sourceProvider.open(sourceRequest, unreadRows), listener::note);
            fields = PhiGuard.apply(fields, columns, spec, listener::note);
            if (fields.isEmpty()) {
                throw VlmetaException.usage("Nothing to upload: no column of " + source.description()
                        + " was selected." + unreadRows.explanation().orElse(""));
            }
            Set<String> selected = fields.stream().map(PlannedField::column).collect(Collectors.toSet());
            sourceProblems.select(source.keyColumn(), selected);
            source.select(selected);
            // everything local is checked before the media index is fetched (the first request), and before the
            // plan's lines announce that fetch, so a refused file is told before anything else, as --problems is
            LocalChecks.check(spec, fields.size(), Path.of(System.getProperty("java.io.tmpdir")));
            listener.planned(fields.stream().map(PlannedField::toPlan).toList());
            Stops.checkBefore(spec.cancellation(), "before the media mapping was fetched");

            MediaResolver resolver = sinks.server() == null ? MediaResolver.UNCHECKED : sinks.server().mediaResolver();
            if (resolver == MediaResolver.UNCHECKED) {
                listener.note("Paths are not checked against the dataset (no mapping): pass --export-file "
                        + "or --dataset-id to check them.");
            }
            listener.mappingLoaded(resolver.description());

            // no upload follows: the report takes the entries as they are validated, so the input is read once
            EarlyEntries early = onePassReports && spec.mode() != JobSpec.Mode.UPLOAD && sinks.hasReport()
                    ? EarlyEntries.open(sinks.report(), fields, spec.fieldSettings()) : null;
            ValidationPass.Outcome validation = new ValidationPass(fields, spec.fieldSettings(), resolver,
                    spec.allowUnmatched(), problems, listener, spec.cancellation()).inputBytes(sizeOf(spec.input()))
                    .handingTo(early).planningRows(spec.mode() == JobSpec.Mode.UPLOAD).run(source, relay);
            Stops.checkBefore(spec.cancellation(), "during validation");
            if (early != null && !early.fit(validation.declarations())) {
                // a field type declared another type than before its values: the report starts again
                sinks.reopenReport();
                early = null;
            }
            if (resolver != MediaResolver.UNCHECKED) {
                listener.mappingChecked(validation.matched(), validation.rows());
            }
            // with errors nothing is sent anyway, and the empty fields are then the errors' echo
            Map<String, String> empty = problems.errorCount() == 0 ? nothingToSend(fields, validation.counts())
                    : Map.of();
            empty.forEach((column, reason) -> problems.report(Problem.warning(ProblemCategory.INPUT, null, column,
                    reason)));
            // said before the server's own checks, which are no finding of the validation: a rerun's
            // "field already finished" notes are no warnings about the rows
            listener.validated(validation.rows(), problems.errorCount(), problems.warningCount());
            List<FieldDeclaration> toCheck = validation.declarations().stream()
                    .filter(d -> !empty.containsKey(d.fieldName())).toList();
            Preflight preflight = spec.mode() != JobSpec.Mode.VALIDATE && sinks.server() != null
                    && !toCheck.isEmpty() ? sinks.server().preflight(toCheck) : Preflight.NONE;
            problems.reportAll(preflight.problems());
            Map<String, String> skipped = new LinkedHashMap<>(empty);
            skipped.putAll(preflight.skippedFields());

            Summaries summaries = new Summaries(spec, source.description(), sourceProvider.name(),
                    resolver.description(), fields, validation, problems);
            MediaCoverage coverage = validation.coverage();
            if (coverage != null) {
                sinks.coverage(coverage.summary());
            }
            if (!validation.invalidValues().isEmpty()) {
                sinks.invalidValues(validation.invalidValues());
            }
            if (problems.errorCount() > 0) {
                listener.gateClosed();
                return finish(sinks, summaries.of(false, List.of()), validation);
            }
            if (spec.mode() == JobSpec.Mode.VALIDATE && !sinks.hasReport()) {
                return finish(sinks, summaries.of(true, List.of()), validation);
            }
            Stops.checkBefore(spec.cancellation(), "after validation");
            // a validation with a report sends what would be uploaded to the report sink, as a dry run does,
            // so its report has the same statistics and charts
            List<FieldOutcome> outcomes = upload(spec, sourceProvider, sourceRequest, sinks, fields, validation,
                    skipped, resolver, listener, early);
            if (spec.mode() == JobSpec.Mode.UPLOAD) {
                return finish(sinks, summaries.of(true, outcomes), validation);
            }
            // nothing was sent, so there is nothing to settle: a report of a stopped run is not written, and a
            // stop while it is rendered (the report sink then keeps the previous one) ends the job as stopped too
            Stops.checkBefore(spec.cancellation(), Stops.PREPARING_REPORT);
            JobResult result = finish(sinks, summaries.of(true, outcomes), validation);
            Stops.checkBefore(spec.cancellation(), Stops.PREPARING_REPORT);
            return result;
        }
    }

    /**
     * Plans the job and stops: which source reads the input, and which column becomes which field
     * type and why (with {@code --infer}, after reading every value). Nothing is validated or sent;
     * no sink is opened.
     *
     * @throws VlmetaException for usage errors (unknown columns, contradicting flags) and unreadable input
     */
    public JobPlan plan(JobSpec spec, JobListener listener) {
        SourceProvider sourceProvider = checkedSource(spec);
        SourceRequest sourceRequest = sourceRequest(spec);
        try (RecordSource source = sourceProvider.open(sourceRequest, ProblemReporter.DISCARD)) {
            List<ColumnInfo> columns = source.columns();
            // a row the source skips keeps its values out of the inferred types: the plan says so
            SkippedRows unreadRows = new SkippedRows();
            FieldPlanner planner = new FieldPlanner(plugins, spec.fieldSettings());
            List<PlannedField> planned = planner.plan(source.description(),
                    columns, spec.fieldTypes(), spec.fieldReasons(), spec.columnSelection(), spec.infer(),
                    () -> sourceProvider.open(sourceRequest, unreadRows), listener::note);
            List<PlannedField> kept = PhiGuard.apply(planned, columns, spec, listener::note);
            if (kept.isEmpty()) {
                throw VlmetaException.usage("Nothing to plan: no column of " + source.description()
                        + " was selected." + unreadRows.explanation().orElse(""));
            }
            unreadRows.explanation().ifPresent(skipped -> listener.note("Types were inferred without the rows the "
                    + "source could not read:" + skipped + " Validation refuses such rows."));
            Set<String> chosen = kept.stream().map(PlannedField::column).collect(Collectors.toSet());
            Set<String> dropped = planned.stream().map(PlannedField::column).filter(c -> !chosen.contains(c))
                    .collect(Collectors.toSet());
            Map<String, String> leftOut = new LinkedHashMap<>();
            for (ColumnInfo column : columns) {
                String name = column.name();
                if (chosen.contains(name) || name.equals(source.keyColumn())) {
                    continue;
                }
                leftOut.put(name, dropped.contains(name) ? "identifying patient data (--drop-phi)"
                        : !spec.infer() ? "not named by a type flag (and no --infer)"
                        : spec.columnSelection().whyLeftOut(name).or(() -> planner.whyNoType(name))
                                .orElse("no values"));
            }
            listener.planned(kept.stream().map(PlannedField::toPlan).toList());
            return new JobPlan(sourceProvider.name(), source.description(), source.keyColumn(),
                    columns.stream().map(ColumnInfo::name).toList(),
                    kept.stream().map(PlannedField::toPlan).toList(), leftOut);
        }
    }

    private List<FieldOutcome> upload(JobSpec spec, SourceProvider sourceProvider, SourceRequest sourceRequest,
                                      JobSinks sinks, List<PlannedField> fields, ValidationPass.Outcome validation,
                                      Map<String, String> notSent, MediaResolver resolver, JobListener listener,
                                      EarlyEntries early) {
        List<PlannedField> sending = new ArrayList<>();
        List<FieldDeclaration> declarations = new ArrayList<>();
        Map<String, FieldOutcome> byField = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            PlannedField field = fields.get(i);
            String skipReason = notSent.get(field.column());
            if (skipReason != null) {
                FieldOutcome skipped = new FieldOutcome(field.column(), FieldOutcome.Status.SKIPPED, 0, -1, 0,
                        List.of(), skipReason);
                byField.put(field.column(), skipped);
                listener.fieldFinished(skipped);
            } else {
                sending.add(field);
                declarations.add(validation.declarations().get(i));
            }
        }
        if (!sending.isEmpty()) {
            UploadPass pass = new UploadPass(sending, declarations, validation.counts(), resolver, listener,
                    spec.parallel(), spec.cancellation()).withPlan(validation.plan(), fields);
            List<FieldOutcome> sent;
            if (early != null) {
                sent = early.handOver(sinks.target(), sending, declarations, validation.counts(), listener, pass,
                        spec.cancellation());
            } else {
                try (RecordSource again = sourceProvider.open(sourceRequest, ProblemReporter.DISCARD)) {
                    // every validated column, not only the sent ones: each row is checked against validation's
                    again.select(fields.stream().map(PlannedField::column).collect(Collectors.toSet()));
                    sent = pass.run(again, sinks.target());
                }
            }
            sent.forEach(outcome -> byField.put(outcome.fieldName(), outcome));
        }
        return fields.stream().map(f -> byField.get(f.column())).toList();
    }

    /**
     * Fields without a single value to send (every cell empty, or every row unmatched) are not
     * declared: a field cannot be removed once created, and the server refuses an enum without options.
     */
    private static Map<String, String> nothingToSend(List<PlannedField> fields, Map<String, FieldCounts> counts) {
        Map<String, String> empty = new LinkedHashMap<>();
        for (PlannedField field : fields) {
            FieldCounts count = counts.get(field.column());
            if (count.values() - count.unmatched() == 0 && count.invalid() == 0) {
                empty.put(field.column(), "Field '" + field.column() + "' has no values to upload, so it is not "
                        + "declared (a field cannot be removed once created).");
            }
        }
        return empty;
    }

    /**
     * @return what the source is asked to read; the input's name as every message of the source shows it, a line
     *     break or other control character in it escaped, so no message of any source splits over lines
     */
    private static SourceRequest sourceRequest(JobSpec spec) {
        return new SourceRequest(spec.input(), spec.keyColumn(), spec.sourceOptions(),
                FileFaults.shown(spec.inputLabel()));
    }

    /** @return the source that reads the input, once the source, field type and sink options are known to be theirs */
    private SourceProvider checkedSource(JobSpec spec) {
        SourceProvider sourceProvider = SourceSelector.select(plugins.sources(), spec.sourceName(), spec.input(),
                spec.inputLabel());
        OptionNames.checkSource(sourceProvider, spec.sourceOptions(), spec.sourceOptionOrigins());
        OptionNames.checkFieldTypes(plugins.fieldTypes().values(), spec.fieldSettings().options(),
                spec.fieldOptionOrigins());
        if (!spec.sinkOptions().isEmpty()) {
            OptionNames.checkSinks(List.of(plugins.sink(spec.sinkName()), plugins.sink(spec.reportSinkName())),
                    spec.sinkOptions(), spec.sinkOptionOrigins());
        }
        return sourceProvider;
    }

    /** @return the size of a regular file, for progress; -1 for folders and anything unreadable */
    private static long sizeOf(java.nio.file.Path input) {
        try {
            return java.nio.file.Files.isRegularFile(input) ? java.nio.file.Files.size(input) : -1;
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static JobResult finish(JobSinks sinks, RunSummary summary, ValidationPass.Outcome validation) {
        sinks.complete(summary);
        return new JobResult(summary, JobResult.exitCodeFor(summary), validation.coverage(),
                validation.invalidValues());
    }

    private static SinkRequest sinkRequest(JobSpec spec, JobListener listener, JobKey jobKey) {
        Map<String, String> options = new LinkedHashMap<>(spec.sinkOptions());
        if (spec.reportPath() != null) {
            options.put("report", spec.reportPath().toString());
        }
        options.put(JOB_MODE_OPTION, spec.mode().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        // a validation never talks to the server, so nothing it writes names one
        String baseUrl = spec.mode() == JobSpec.Mode.VALIDATE ? null : spec.baseUrl();
        return new SinkRequest(baseUrl, spec.datasetId(), spec.apiKey(), spec.apiSecret(), spec.batchSize(),
                spec.parallel(), spec.taskTimeout(), spec.stateDir(), spec.resume(), spec.exportFile(),
                spec.matchBy(), jobKey, spec.rejectsFile(), options, listener::note, spec.cancellation());
    }

    /** Builds the run summary from what the passes found. */
    private record Summaries(JobSpec spec, String input, String source, String mapping, List<PlannedField> fields,
                             ValidationPass.Outcome validation, ProblemCollector problems) {

        RunSummary of(boolean gatePassed, List<FieldOutcome> outcomes) {
            List<FieldPlan> plan = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                PlannedField field = fields.get(i);
                plan.add(new FieldPlan(field.column(), field.type(), field.reason(),
                        validation.declarations().get(i)));
            }
            Map<String, FieldCounts> counts = validation.counts();
            return new RunSummary(input, source, mapping, spec.mode() != JobSpec.Mode.UPLOAD, plan, counts,
                    validation.rows(), problems.errorCount(), problems.warningCount(), problems.kept(), gatePassed,
                    outcomes);
        }
    }
}

package io.vlmeta.sinks.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vlmeta.api.Cancellation;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.ErrorKind;
import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.FieldWriter;
import io.vlmeta.api.ReportPaths;
import io.vlmeta.api.RunSummary;
import io.vlmeta.api.Sink;
import io.vlmeta.api.SinkRequest;
import io.vlmeta.api.VlmetaException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The dry-run sink: takes the declarations and entries an upload would send, sends nothing, and
 * at the end writes the report (HTML and JSON) when a report path was given.
 */
final class ReportSink implements Sink {
    /** Set by the engine to the job's mode: {@code upload}, {@code dry-run} or {@code validate}. */
    static final String JOB_MODE_OPTION = "job-mode";

    /** The report cannot be written where the user asked. */
    static final ErrorCode REPORT_UNWRITABLE = new ErrorCode("REPORT_UNWRITABLE", ErrorKind.USER, 1);

    private final Optional<ReportPaths> files;
    private final String datasetId;
    private final String baseUrl;
    private final Consumer<String> log;
    private final Cancellation cancellation;
    /** What the report describes: {@code validation}, {@code dry-run} or {@code upload}. */
    private final String kind;
    /** From the engine before {@code complete}; {@code null} when paths were not mapped. */
    private volatile io.vlmeta.api.Coverage coverage;
    private final ReportAssembler assembler;
    private final ReportPair pair;
    private final Map<String, FieldRecorder> recorders = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Fields opened early and not yet confirmed by {@code openField}: left out of the report. */
    private final Map<String, FieldRecorder> earlyRecorders = new java.util.concurrent.ConcurrentHashMap<>();
    private final ObjectMapper mapper = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param runIds gives each report its run ID, which both of its files carry
     * @param pair   puts the two files in place
     */
    ReportSink(SinkRequest request, Clock clock, Supplier<String> runIds, ReportPair pair) {
        this.files = request.option(ReportSinkProvider.REPORT_OPTION).filter(p -> !p.isBlank())
                .map(Path::of).map(ReportPaths::at);
        this.datasetId = request.datasetId();
        this.baseUrl = request.baseUrl();
        this.log = request.log();
        this.cancellation = request.cancellation();
        this.assembler = new ReportAssembler(clock, runIds);
        this.pair = pair;
        this.kind = switch (request.option(JOB_MODE_OPTION).orElse("dry-run")) {
            case "validate" -> "validation";
            case "upload" -> "upload";
            default -> "dry-run";
        };
    }

    /**
     * Takes the field's declaration: a field {@linkplain #openFieldEarly opened early} keeps its recorder and
     * the entries it holds, now under the final declaration; any other field gets a new recorder.
     */
    @Override
    public FieldWriter openField(FieldDeclaration declaration) {
        FieldRecorder early = earlyRecorders.remove(declaration.fieldName());
        FieldRecorder recorder = early != null ? early.declared(declaration) : newRecorder(declaration);
        recorders.put(declaration.fieldName(), recorder);
        return recorder;
    }

    /**
     * Records the field's entries as the validation pass reads them. The report shows the field only
     * once {@link #openField} confirms it: until then its recorder waits apart from the others.
     */
    @Override
    public FieldWriter openFieldEarly(FieldDeclaration provisional) {
        FieldRecorder recorder = newRecorder(provisional);
        earlyRecorders.put(provisional.fieldName(), recorder);
        return recorder;
    }

    private FieldRecorder newRecorder(FieldDeclaration declaration) {
        return new FieldRecorder(declaration, "validation".equals(kind) ? "Validation" : "Dry run");
    }

    /** From the engine before {@code complete}; empty when no value was refused. */
    private volatile List<io.vlmeta.api.InvalidValues> invalidValues = List.of();

    @Override
    public void invalidValues(List<io.vlmeta.api.InvalidValues> byField) {
        this.invalidValues = List.copyOf(byField);
    }

    @Override
    public void coverage(io.vlmeta.api.Coverage coverage) {
        this.coverage = coverage;
    }

    @Override
    public void complete(RunSummary summary) {
        if (files.isEmpty()) {
            return;
        }
        ReportPaths target = files.get();
        Map<String, FieldRecorder> seen;
        synchronized (recorders) {
            seen = new LinkedHashMap<>(recorders);
        }
        ReportDocument report = assembler.assemble(summary, seen, datasetId, baseUrl, kind, coverage, invalidValues);
        String json = json(report);
        String html = new HtmlReport(mapper.copy().disable(SerializationFeature.INDENT_OUTPUT).writer())
                .render(report, target.json().getFileName().toString());
        if (!"upload".equals(kind) && cancellation.requested()) {
            // a validation or dry run stopped while the report was rendered: the engine ends the job so, the
            // previous report kept. A stopped upload's report is written: it says what reached the server.
            return;
        }
        // each file is written beside its place and moved there whole: a run ended while writing (a second
        // Ctrl-C, a kill) leaves the previous report or none, never a truncated one; one ended between the two
        // moves leaves files that name different runs
        pair.write(target, json, html);
        log.accept("Report written: " + target.html() + " (data: " + target.json() + ")");
    }

    private String json(ReportDocument report) {
        try {
            return mapper.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException impossible) {
            throw new VlmetaException(ErrorCode.INTERNAL, "The report could not be turned into JSON.", impossible);
        }
    }
}

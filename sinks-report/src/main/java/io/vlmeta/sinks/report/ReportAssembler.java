package io.vlmeta.sinks.report;

import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.FieldPlan;
import io.vlmeta.api.Problem;
import io.vlmeta.api.RunSummary;
import io.vlmeta.api.UriRedaction;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Joins the job's summary with what the recorders saw into one {@link ReportDocument}. */
final class ReportAssembler {
    private final Clock clock;
    private final Supplier<String> runIds;

    /** @param runIds gives each report assembled its run ID */
    ReportAssembler(Clock clock, Supplier<String> runIds) {
        this.clock = clock;
        this.runIds = runIds;
    }

    /** @param kind {@code validation}, {@code dry-run} or {@code upload} */
    ReportDocument assemble(RunSummary summary, Map<String, FieldRecorder> recorders, String datasetId,
                            String baseUrl, String kind, io.vlmeta.api.Coverage coverage,
                            List<io.vlmeta.api.InvalidValues> invalidValues) {
        List<ReportDocument.FieldSection> fields = new ArrayList<>();
        for (FieldPlan plan : summary.plan()) {
            FieldRecorder recorder = recorders.get(plan.column());
            FieldDeclaration declaration = recorder != null ? recorder.declaration() : plan.declaration();
            fields.add(section(plan.column(), plan.type(), plan.reason(), declaration, summary, recorder));
        }
        recorders.forEach((name, recorder) -> {
            if (summary.plan().stream().noneMatch(p -> p.column().equals(name))) {
                fields.add(section(name, recorder.declaration().handler(), null, recorder.declaration(), summary,
                        recorder));
            }
        });
        List<ReportDocument.ProblemLine> problems = summary.problems().stream().map(ReportAssembler::line).toList();
        return new ReportDocument(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString(), runIds.get(),
                summary.dryRun(),
                kind, summary.input(), summary.source(), summary.mapping(), datasetId, UriRedaction.server(baseUrl),
                summary.rows(), summary.errorCount(), summary.warningCount(), summary.gatePassed(),
                List.copyOf(fields), problems, summary.outcomes(), coverage,
                List.copyOf(invalidValues));
    }

    private static ReportDocument.FieldSection section(String name, String type, String reason,
                                                      FieldDeclaration declaration, RunSummary summary,
                                                      FieldRecorder recorder) {
        return new ReportDocument.FieldSection(name, type, reason, declaration == null ? null : declaration.requestBody(),
                summary.counts().get(name), recorder != null, recorder == null ? 0 : recorder.entries(),
                recorder == null ? List.of() : recorder.firstEntries(),
                recorder == null ? List.of() : recorder.firstEntryRows(),
                recorder == null ? null : recorder.statistics());
    }


    private static ReportDocument.ProblemLine line(Problem problem) {
        var location = problem.location();
        return new ReportDocument.ProblemLine(problem.severity().name().toLowerCase(Locale.ROOT),
                problem.category().name(), problem.category().title(),
                location == null ? null : location.file(), location == null ? null : location.sheet(),
                location == null ? null : location.row(), problem.field(), problem.message(), problem.render());
    }
}

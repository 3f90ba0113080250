package io.vlmeta.sinks.report;

import io.vlmeta.api.Entry;
import io.vlmeta.api.FieldCounts;
import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.FieldPlan;
import io.vlmeta.api.FieldWriter;
import io.vlmeta.api.Location;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.RunSummary;
import io.vlmeta.api.Secret;
import io.vlmeta.api.Sink;
import io.vlmeta.api.SinkRequest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dry run of a small metadata file with all six field types, driven through the sink the way the
 * engine drives it: open each field, write its entries, finish, then complete with the summary.
 */
final class DryRunFixture {
    static final String SECRET = "s3cr3t-never-shown";
    static final String FILE = "metadata.csv";
    static final int ROWS = 12;
    static final String RUN_ID = "4f0c1c52-1d0e-4b7e-9a57-2f3c8f1d6a90";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);

    final List<String> log = new ArrayList<>();
    final List<FieldOutcome> outcomes = new ArrayList<>();

    SinkRequest request(Path report) {
        return request(report, io.vlmeta.api.Cancellation.NEVER);
    }

    /** @param cancellation whether the user asked the job to stop */
    SinkRequest request(Path report, io.vlmeta.api.Cancellation cancellation) {
        return request(report, Map.of(), cancellation);
    }

    /**
     * @param jobOptions more sink options, e.g. the job mode
     * @param cancellation whether the user asked the job to stop
     */
    SinkRequest request(Path report, Map<String, String> jobOptions, io.vlmeta.api.Cancellation cancellation) {
        Map<String, String> options = new java.util.HashMap<>(jobOptions);
        if (report != null) {
            options.put("report", report.toString());
        }
        return new SinkRequest("https://user:pa55@app.visual-layer.com/api/v1/datasets?token=abc", "ds-123", "key-1",
                Secret.of(SECRET), 50_000, 4, Duration.ofMinutes(10), Path.of(".vlmeta"), false, null, "path",
                io.vlmeta.api.JobKey.of("job-1"), null, options, log::add, cancellation);
    }

    /** A validation's request: the engine names no server for it and says what the job is. */
    SinkRequest validationRequest(Path report) {
        return new SinkRequest(null, "ds-123", null, null, 50_000, 4, Duration.ofMinutes(10), Path.of(".vlmeta"),
                false, null, "path", io.vlmeta.api.JobKey.of("job-1"), null, Map.of("report", report.toString(), "job-mode", "validate"),
                log::add);
    }

    static Sink open(SinkRequest request) {
        return open(request, RUN_ID, new ReportPair());
    }

    /** @param pair puts the report's two files in place */
    static Sink open(SinkRequest request, String runId, ReportPair pair) {
        return new ReportSinkProvider(CLOCK, () -> runId, pair).open(request);
    }

    static List<FieldDeclaration> declarations() {
        return List.of(
                FieldDeclaration.simple("notes", "string", "string"),
                FieldDeclaration.simple("score", "float", "float"),
                FieldDeclaration.simple("captured_at", "datetime", "datetime"),
                new FieldDeclaration("lighting", "enum", "enum", false, List.of("<b>dusk</b>", "Cloudy", "Sunny")),
                new FieldDeclaration("tags", "multi-enum", "enum", true, List.of("indoor", "outdoor", "street")),
                FieldDeclaration.simple("doc_url", "link", "link"));
    }

    static Object value(String field, int row) {
        return switch (field) {
            case "notes" -> row == 2 ? "<script>alert('x')</script> & more" : "Photo number " + row;
            case "score" -> new BigDecimal(row % 4 == 0 ? "0.1" : Integer.toString(row * 10));
            case "captured_at" -> "2024-01-" + String.format("%02d", 10 + row) + "T08:30:00Z";
            case "lighting" -> row % 3 == 0 ? "Cloudy" : row == 2 ? "<b>dusk</b>" : "Sunny";
            case "tags" -> row % 2 == 0 ? List.of("outdoor", "street") : List.of("indoor");
            case "doc_url" -> "https://docs.example.com/report-" + row + ".pdf";
            default -> throw new IllegalArgumentException(field);
        };
    }

    static String mediaId(int row) {
        return String.format("00000000-0000-4000-8000-%012d", row);
    }

    /** Runs the fields through the sink and completes it with a passing summary. */
    void passingRun(Sink sink) {
        Map<String, FieldCounts> counts = new HashMap<>();
        List<FieldPlan> plan = new ArrayList<>();
        for (FieldDeclaration declaration : declarations()) {
            FieldWriter writer = sink.openField(declaration);
            for (int row = 2; row <= ROWS + 1; row++) {
                writer.write(new Entry(mediaId(row), value(declaration.fieldName(), row), "images/img" + row + ".jpg",
                        Location.of(FILE, row)));
            }
            outcomes.add(writer.finish());
            counts.put(declaration.fieldName(), new FieldCounts(ROWS, 0, 0, 0));
            plan.add(new FieldPlan(declaration.fieldName(), declaration.handler(),
                    "--" + declaration.handler() + "-fields", declaration));
        }
        Problem warning = Problem.warning(ProblemCategory.DUPLICATE, Location.of(FILE, 9), null,
                "Identical duplicate of row 8 for 'images/img8.jpg'; uploaded once.");
        sink.complete(new RunSummary(FILE, "csv", "export of dataset ds-123 (12 media)", true, plan, counts, ROWS,
                0, 1, List.of(warning), true, outcomes));
    }

    /** Completes the sink with a failing summary: nothing opened, problems kept. */
    static void failingRun(Sink sink) {
        Map<String, FieldCounts> counts = new LinkedHashMap<>();
        counts.put("score", new FieldCounts(10, 0, 2, 0));
        counts.put("lighting", new FieldCounts(12, 0, 0, 0));
        List<FieldPlan> plan = List.of(new FieldPlan("score", "float", "--float-fields", null),
                new FieldPlan("lighting", "enum", "--enum-fields", null));
        List<Problem> problems = List.of(
                Problem.error(ProblemCategory.VALUE, Location.of(FILE, 5), "score",
                        "Invalid float value 'abc'. Must be a valid number."),
                Problem.error(ProblemCategory.VALUE, Location.of(FILE, 7), "score",
                        "Invalid float value 'NaN'. Must be a finite number."),
                Problem.error(ProblemCategory.ENUM_CONSTRAINT, null, "lighting",
                        "Field 'lighting' (enum): Has 750 unique values, exceeds limit of 600"));
        sink.complete(new RunSummary(FILE, "csv", "no media mapping (keys are not checked)", true, plan, counts, 12,
                5, 0, problems, false, List.of()));
    }
}

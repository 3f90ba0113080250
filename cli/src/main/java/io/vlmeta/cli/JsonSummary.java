package io.vlmeta.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vlmeta.api.FieldCounts;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.FieldPlan;
import io.vlmeta.api.Problem;
import io.vlmeta.api.RunSummary;
import io.vlmeta.engine.JobResult;
import io.vlmeta.engine.JobSpec;
import io.vlmeta.engine.Stops;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one JSON object {@code --json} prints on stdout: the job's outcome for scripts. */
final class JsonSummary {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonSummary() {
    }

    /**
     * Writes the summary to {@code out} as it is produced, then a line break, and flushes; {@code out} stays
     * open. The coverage list names every media item without a value, which for a dataset of millions is
     * hundreds of MB of JSON: it is read from the coverage bits item by item as Jackson writes it, and never
     * held as text.
     *
     * @param out standard output; gets UTF-8 (RFC 8259, section 8.1) whatever its own charset
     * @return false when {@code out} could not take it all (a full disk, a reader that went away); the
     *         writing stops there
     */
    static boolean print(JobSpec spec, JobResult result, PrintStream out) {
        return printJson(summary(spec, result), out);
    }

    /**
     * Writes the document of an export that was saved ({@code vlmeta export --json}), as {@link #print} writes a
     * job's summary.
     *
     * @return false when {@code out} could not take it all
     */
    static boolean printExport(ExportSummary export, PrintStream out) {
        return printJson(export.json(), out);
    }

    /**
     * Writes the document of a plan that was made ({@code vlmeta plan --json}), as {@link #print} writes a job's
     * summary.
     *
     * @return false when {@code out} could not take it all
     */
    static boolean printPlan(PlanSummary plan, PrintStream out) {
        return printJson(plan.json(), out);
    }

    /**
     * Writes the JSON for a job that ended before it had a summary, as {@link #print} writes the summary:
     * status {@code stopped} for a stop the user asked for (exit code {@link Stops#EXIT_CODE}), else
     * {@code error}.
     *
     * @return false when {@code out} could not take it all
     */
    static boolean printError(String message, int exitCode, PrintStream out) {
        return printJson(errorJson(message, exitCode), out);
    }

    /**
     * Writes the {@code stopped} document of a stop that halts the process ({@link EarlySignals}, {@link
     * StopSignals}), the same document a job stopped in time writes through {@link #printError}. The caller has
     * claimed standard output for it ({@link StdoutClaim#claimForAForcedStop()}); a write that fails is lost.
     *
     * @param message what the stop printed on standard error, lines joined by line breaks
     */
    static void printForcedStop(String message, PrintStream out) {
        writeJson(errorJson(message, Stops.EXIT_CODE), out);
    }

    private static boolean printJson(Map<String, Object> json, PrintStream out) {
        if (!StdoutClaim.PROCESS.claimForTheJob()) {
            StdoutClaim.PROCESS.yieldToAForcedStop(); // it writes its own document and ends the process
            return true;
        }
        return writeJson(json, out);
    }

    private static boolean writeJson(Map<String, Object> json, PrintStream out) {
        try (OutputStream checked = new FailingOnError(out)) {
            MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(checked, json);
            checked.write('\n');
            checked.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Standard output as Jackson's target: a {@link PrintStream} keeps its write errors to itself, so each
     * write asks it ({@link PrintStream#checkError()}) and turns a failure into an {@link IOException} that
     * ends the document there, instead of writing hundreds of MB more into a closed pipe. Closing leaves
     * {@code out} open.
     */
    private static final class FailingOnError extends FilterOutputStream {
        private final PrintStream out;

        FailingOnError(PrintStream out) {
            super(out);
            this.out = out;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            failIfOutFailed();
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            failIfOutFailed();
        }

        @Override
        public void flush() throws IOException {
            failIfOutFailed(); // checkError flushes
        }

        @Override
        public void close() {
            // standard output stays open
        }

        private void failIfOutFailed() throws IOException {
            if (out.checkError()) {
                throw new IOException("standard output refused the JSON");
            }
        }
    }

    private static Map<String, Object> summary(JobSpec spec, JobResult result) {
        RunSummary summary = result.summary();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", status(spec, result));
        json.put("exit_code", result.exitCode());
        json.put("mode", spec.mode().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        json.put("input", summary.input());
        json.put("source", summary.source());
        json.put("dataset_id", spec.datasetId());
        json.put("mapping", summary.mapping());
        json.put("rows", summary.rows());
        json.put("errors", summary.errorCount());
        json.put("warnings", summary.warningCount());
        json.put("gate_passed", summary.gatePassed());
        json.put("report", spec.reportPath() == null ? null : spec.reportPath().toString());
        Map<String, FieldOutcome> outcomes = new LinkedHashMap<>();
        summary.outcomes().forEach(o -> outcomes.put(o.fieldName(), o));
        List<Map<String, Object>> fields = new ArrayList<>();
        for (FieldPlan plan : summary.plan()) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", plan.column());
            field.put("type", plan.type());
            field.put("reason", plan.reason());
            FieldCounts counts = summary.counts().get(plan.column());
            if (counts != null) {
                field.put("values", counts.values());
                field.put("empty", counts.empty());
                field.put("invalid", counts.invalid());
                field.put("unmatched", counts.unmatched());
            }
            FieldOutcome outcome = outcomes.get(plan.column());
            if (outcome != null) {
                Map<String, Object> ended = new LinkedHashMap<>();
                ended.put("status", outcome.status().name());
                ended.put("sent", outcome.sent());
                ended.put("inserted", outcome.inserted() < 0 ? null : outcome.inserted());
                ended.put("rejected", outcome.rejected());
                ended.put("message", outcome.message());
                field.put("outcome", ended);
            }
            fields.add(field);
        }
        json.put("fields", fields);
        List<Map<String, Object>> refused = new ArrayList<>();
        for (io.vlmeta.api.InvalidValues field : result.invalidValues()) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("field", field.field());
            group.put("invalid", field.invalid());
            group.put("exact", field.exact());
            group.put("most_frequent", field.mostFrequent().stream().map(count -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("value", count.value());
                one.put("count", count.count());
                return one;
            }).toList());
            refused.add(group);
        }
        json.put("invalid_values", refused);
        if (result.coverage() != null) {
            Map<String, Object> coverage = new LinkedHashMap<>();
            coverage.put("media", result.coverage().media());
            coverage.put("with_values", result.coverage().withValues());
            coverage.put("without_values", result.coverage().media() - result.coverage().withValues());
            // every one, read lazily from the coverage bits as Jackson writes the array
            Iterable<io.vlmeta.api.Coverage.Media> without = result.coverage().without();
            coverage.put("without", (Iterable<Map<String, String>>) () -> java.util.stream.StreamSupport
                    .stream(without.spliterator(), false).map(JsonSummary::media).iterator());
            json.put("coverage", coverage);
        }
        json.put("problems", summary.problems().stream().map(JsonSummary::problem).toList());
        return json;
    }

    private static Map<String, String> media(io.vlmeta.api.Coverage.Media media) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("path", media.path());
        json.put("media_id", media.mediaId());
        return json;
    }

    private static Map<String, Object> errorJson(String message, int exitCode) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", exitCode == Stops.EXIT_CODE ? "stopped" : "error");
        json.put("exit_code", exitCode);
        json.put("error", message);
        return json;
    }

    private static String status(JobSpec spec, JobResult result) {
        if (!result.summary().gatePassed()) {
            return "validation-failed";
        }
        return switch (spec.mode()) {
            case VALIDATE -> "validated";
            case DRY_RUN -> "dry-run";
            case UPLOAD -> result.exitCode() == 0 ? "uploaded" : result.exitCode() == 4 ? "uploaded-with-rejections"
                    : result.exitCode() == Stops.EXIT_CODE ? "stopped" : "failed";
        };
    }

    private static Map<String, Object> problem(Problem problem) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("severity", problem.severity().name().toLowerCase(java.util.Locale.ROOT));
        json.put("category", problem.category().title());
        json.put("file", problem.location() == null ? null : problem.location().file());
        json.put("row", problem.location() == null ? null : problem.location().row());
        json.put("field", problem.field());
        json.put("message", problem.render());
        return json;
    }
}

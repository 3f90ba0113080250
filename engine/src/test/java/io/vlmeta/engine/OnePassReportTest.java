package io.vlmeta.engine;

import io.vlmeta.api.Entry;
import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.FieldPlan;
import io.vlmeta.api.Problem;
import io.vlmeta.engine.testplugins.PipeSource;
import io.vlmeta.engine.testplugins.RecordingSink;
import io.vlmeta.engine.testplugins.RecordingSink.Recording;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job that sends nothing hands its entries to a report sink that takes them early while validating,
 * and reads its input once; whatever the input, the report sink, the listener and the result get
 * exactly what the two-pass job (the validation, then the input read again) gives them.
 */
class OnePassReportTest {

    private static final Plugins PLUGINS = Plugins.discover(List.of());

    @TempDir
    Path dir;

    @BeforeEach
    void forgetEarlierRecordings() {
        RecordingSink.RECORDINGS.clear();
        PipeSource.SELECTED.clear();
    }

    /** Everything one job gave out: its result, each sink's recording, and every listener call in order. */
    private record Run(JobResult result, List<String> events, List<String> finished, List<Recording> sinks) {
        Recording report() {
            return sinks.stream().filter(r -> r.sinkName.equals("report")).reduce((a, b) -> b).orElseThrow();
        }
    }

    /** Records each listener call as a line; fields finish on several threads, so those are kept apart. */
    private static final class Events implements JobListener {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final List<String> finished = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void planned(List<FieldPlan> plan) {
            lines.add("planned " + plan);
        }

        @Override
        public void mappingLoaded(String description) {
            lines.add("mapping " + description);
        }

        @Override
        public void validationProgress(long rowsRead) {
            lines.add("validating " + rowsRead);
        }

        @Override
        public void mappingChecked(long matched, long rows) {
            lines.add("mapped " + matched + " of " + rows);
        }

        @Override
        public void validated(long rows, long errors, long warnings) {
            lines.add("validated " + rows + " " + errors + " " + warnings);
        }

        @Override
        public void gateClosed() {
            lines.add("gate closed");
        }

        @Override
        public void fieldStarted(FieldDeclaration declaration, long values) {
            lines.add("started " + declaration + " " + values);
        }

        @Override
        public void fieldProgress(String field, long sent) {
            lines.add("progress " + field + " " + sent);
        }

        @Override
        public void fieldAccepted(String field, long accepted) {
            lines.add("accepted " + field + " " + accepted);
        }

        @Override
        public void fieldFinished(FieldOutcome outcome) {
            finished.add(outcome.toString());
        }

        @Override
        public void problemFound(Problem problem, String value) {
            lines.add("problem " + problem.render() + " " + value);
        }

        @Override
        public void note(String line) {
            lines.add("note " + line);
        }
    }

    private Run run(JobRunner runner, JobSpec.Builder spec) {
        RecordingSink.RECORDINGS.clear();
        Events events = new Events();
        JobResult result = runner.run(spec.sinkName("recording").sinkOption("early", "true").build(), events);
        List<String> finished = new ArrayList<>(events.finished);
        Collections.sort(finished);
        return new Run(result, List.copyOf(events.lines), finished, List.copyOf(RecordingSink.RECORDINGS));
    }

    /** Runs the job both ways and checks that nothing tells them apart; returns the one-pass run. */
    private Run bothWays(UnaryOperator<JobSpec.Builder> job) {
        Run twice = run(new JobRunner(PLUGINS).readingTwiceForReports(), job.apply(JobSpec.builder()));
        Run once = run(new JobRunner(PLUGINS), job.apply(JobSpec.builder()));

        assertThat(once.result().exitCode()).isEqualTo(twice.result().exitCode());
        assertThat(once.result().summary()).isEqualTo(twice.result().summary());
        assertThat(once.result().invalidValues()).isEqualTo(twice.result().invalidValues());
        assertThat(once.events()).isEqualTo(twice.events());
        assertThat(once.finished()).isEqualTo(twice.finished());
        Recording report = once.report();
        Recording reportTwice = twice.report();
        assertThat(report.declared).isEqualTo(reportTwice.declared);
        assertThat(report.entries).isEqualTo(reportTwice.entries);
        assertThat(sorted(report.endings)).isEqualTo(sorted(reportTwice.endings));
        assertThat(report.summary).isEqualTo(reportTwice.summary);
        assertThat(report.closed).isTrue();
        return once;
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        Collections.sort(copy);
        return copy;
    }

    private Path file(String name, List<String> lines) throws IOException {
        return Files.write(dir.resolve(name), lines);
    }

    /** An export naming {@code media} images {@code img-0.jpg}, {@code img-1.jpg}, ... */
    private Path export(int media) throws IOException {
        List<String> lines = new ArrayList<>(List.of("filename,media_id"));
        for (int i = 0; i < media; i++) {
            lines.add("img-" + i + ".jpg,m-" + i);
        }
        return file("export.csv", lines);
    }

    /**
     * 25,000 rows, so every field passes several progress steps at its own pace: a score in every row but
     * each seventh, a status in each third, a caption in all; rows 100 and 200 repeat row 1 exactly.
     */
    private Path manyRows(String badScoreAt) throws IOException {
        List<String> lines = new ArrayList<>(List.of("file_fullpath|score|status|caption"));
        for (int i = 0; i < 25_000; i++) {
            String score = i % 7 == 6 ? "" : String.valueOf(i % 100) + ".5";
            if (badScoreAt != null && i == 12_000) {
                score = badScoreAt;
            }
            lines.add("img-" + i + ".jpg|" + score + "|" + (i % 3 == 0 ? "s" + i % 5 : "") + "|caption " + i);
            if (i == 100 || i == 200) {
                lines.add(lines.get(2));
            }
        }
        return file("data.pipe", lines);
    }

    private JobSpec.Builder fields(JobSpec.Builder spec) {
        return spec.fields("float", List.of("score")).fields("enum", List.of("status"))
                .fields("string", List.of("caption"));
    }

    @Test
    void aDryRunReadsItsInputOnceAndGivesWhatTheTwoPassDryRunGives() throws IOException {
        Path input = manyRows(null);
        Path export = export(25_000);
        Run once = bothWays(spec -> fields(spec.mode(JobSpec.Mode.DRY_RUN).input(input).exportFile(export)
                .reportPath(dir.resolve("r.html"))));

        assertThat(once.result().exitCode()).isZero();
        assertThat(once.events()).contains("progress score 20000", "progress status 8334", "progress caption 25000");
        assertThat(once.report().entries.get("caption")).hasSize(25_000); // the two identical repeats are not sent
        assertThat(PipeSource.SELECTED).hasSize(3); // the two-pass run opened the input twice, this one once
    }

    @Test
    void theReportSinkIsOpenedWithTheDeclarationBeforeAnyValueAndConfirmedWithTheFinalOne() throws IOException {
        Path input = file("data.pipe", List.of("file_fullpath|status", "a.jpg|on", "b.jpg|off"));
        Run once = bothWays(spec -> spec.mode(JobSpec.Mode.VALIDATE).input(input).reportPath(dir.resolve("r.html"))
                .fields("enum", List.of("status")));

        assertThat(once.report().openedEarly).containsExactly(new FieldDeclaration("status", "enum", "enum", false,
                List.of()));
        assertThat(once.report().declared).containsExactly(new FieldDeclaration("status", "enum", "enum", false,
                List.of("off", "on")));
    }

    @Test
    void aValidationWithUnmatchedRowsAllowedSkipsThemAsTheUploadPassDoes() throws IOException {
        Path input = manyRows(null);
        Path export = export(20_000);
        Run once = bothWays(spec -> fields(spec.mode(JobSpec.Mode.VALIDATE).input(input).exportFile(export)
                .allowUnmatched(true).reportPath(dir.resolve("r.html"))));

        assertThat(once.result().exitCode()).isZero();
        assertThat(once.report().entries.get("caption")).hasSize(20_000);
    }

    @Test
    void aValidationThatFailsLeavesEveryEarlyEntryOutOfTheReport() throws IOException {
        Path input = manyRows("abc");
        Path export = export(25_000);
        Run once = bothWays(spec -> fields(spec.mode(JobSpec.Mode.VALIDATE).input(input).exportFile(export)
                .reportPath(dir.resolve("r.html"))));

        assertThat(once.result().exitCode()).isEqualTo(3);
        assertThat(once.report().openedEarly).hasSize(3);
        assertThat(once.report().declared).isEmpty();
        assertThat(once.report().entries).isEmpty();
    }

    @Test
    void rowsOfOneMediaItemWithDifferentValuesCloseTheGateAsBefore() throws IOException {
        Path input = file("data.pipe", List.of("file_fullpath|score", "img-0.jpg|1", "img-1.jpg|2",
                "img-0.jpg|3"));
        Path export = export(2);
        Run once = bothWays(spec -> spec.mode(JobSpec.Mode.DRY_RUN).input(input).exportFile(export)
                .fields("float", List.of("score")));

        assertThat(once.result().exitCode()).isEqualTo(3);
        assertThat(once.report().declared).isEmpty();
    }

    @Test
    void skippedAndEmptyFieldsAreLeftOutOfTheReportAsBefore() throws IOException {
        Path input = file("data.pipe", List.of("file_fullpath|score|status|caption", "img-0.jpg|1||old",
                "img-1.jpg|2||older"));
        Path export = export(2);
        Run once = bothWays(spec -> fields(spec.mode(JobSpec.Mode.DRY_RUN).input(input).exportFile(export)
                .datasetId("ds").sinkName("recording").stateDir(dir.resolve("state")).sinkOption("existing",
                        "caption")));

        assertThat(once.report().declared).extracting(FieldDeclaration::fieldName).containsExactly("score");
        assertThat(once.finished()).anyMatch(f -> f.contains("caption") && f.contains("SKIPPED"));
    }

    @Test
    void aFieldTypeThatDeclaresAnotherTypeAfterItsValuesGetsANewReportFromASecondRead() throws IOException {
        Path input = file("data.pipe", List.of("file_fullpath|kind", "a.jpg|plain", "b.jpg|enum!"));
        Run once = bothWays(spec -> spec.mode(JobSpec.Mode.DRY_RUN).input(input).reportPath(dir.resolve("r.html"))
                .fields("shifting", List.of("kind")));

        List<Recording> reports = once.sinks().stream().filter(r -> r.sinkName.equals("report")).toList();
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).closed).isTrue();
        assertThat(reports.get(0).summary).isNull();
        assertThat(reports.get(0).declared).isEmpty();
        assertThat(reports.get(1).declared).containsExactly(new FieldDeclaration("kind", "shifting", "enum", false,
                List.of("enum!", "plain")));
        assertThat(reports.get(1).entries.get("kind")).extracting(Entry::value).containsExactly("plain", "enum!");
    }

    @Test
    void anUploadNeverHandsEntriesOverEarly() throws IOException {
        Path input = file("data.pipe", List.of("file_fullpath|score", "img-0.jpg|1"));
        Path export = export(1);
        Run upload = run(new JobRunner(PLUGINS), JobSpec.builder().mode(JobSpec.Mode.UPLOAD).input(input)
                .exportFile(export).datasetId("ds").sinkName("recording").stateDir(dir.resolve("state"))
                .reportPath(dir.resolve("r.html")).fields("float", List.of("score")));

        assertThat(upload.result().exitCode()).isZero();
        assertThat(upload.sinks()).allSatisfy(sink -> assertThat(sink.openedEarly).isEmpty());
        assertThat(upload.sinks().stream().filter(r -> r.sinkName.equals("recording")).findFirst().orElseThrow()
                .entries.get("score")).extracting(Entry::mediaId).containsExactly("m-0");
        assertThat(PipeSource.SELECTED).hasSize(2);
    }
}

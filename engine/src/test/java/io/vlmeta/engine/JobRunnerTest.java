package io.vlmeta.engine;

import io.vlmeta.api.Entry;
import io.vlmeta.api.FieldCounts;
import io.vlmeta.api.FieldPlan;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.RunSummary;
import io.vlmeta.api.Severity;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.engine.testplugins.PipeSource;
import io.vlmeta.engine.testplugins.RecordingSink;
import io.vlmeta.engine.testplugins.RecordingSink.Recording;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobRunnerTest {

    private static final Plugins PLUGINS = Plugins.discover(List.of());

    @TempDir
    Path dir;

    private final List<String> notes = new ArrayList<>();
    private final JobListener listener = new JobListener() {
        @Override
        public void note(String line) {
            notes.add(line);
        }
    };

    @BeforeEach
    void forgetEarlierRecordings() {
        RecordingSink.RECORDINGS.clear();
    }

    private Path file(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    private Path export(String... filenames) throws IOException {
        List<String> lines = new ArrayList<>(List.of("filename,media_id"));
        for (String name : filenames) {
            lines.add(name + ",m-" + name.replace('/', '-'));
        }
        return Files.write(dir.resolve("export.csv"), lines);
    }

    private JobSpec.Builder upload(Path input) {
        return JobSpec.builder().mode(JobSpec.Mode.UPLOAD).input(input).datasetId("ds").sinkName("recording")
                .stateDir(dir.resolve("state"));
    }

    private JobResult run(JobSpec.Builder spec) {
        return new JobRunner(PLUGINS).run(spec.build(), listener);
    }

    private static Recording server() {
        return RecordingSink.RECORDINGS.stream().filter(r -> r.sinkName.equals("recording")).findFirst().orElseThrow();
    }

    private static List<String> rendered(RunSummary summary) {
        return summary.problems().stream().map(Problem::render).toList();
    }

    @Test
    void uploadsEveryAcceptedValueInSourceOrderWithItsMediaId() throws IOException {
        Path input = file("data.pipe", "file_fullpath|score|status", "images/a.jpg|1.5|ok", "images/b.jpg|2|bad",
                "images/c.jpg||ok");
        JobResult result = run(upload(input).exportFile(export("images/a.jpg", "images/b.jpg", "images/c.jpg"))
                .fields("float", List.of("score")).fields("enum", List.of("status")));

        assertThat(result.exitCode()).isZero();
        assertThat(server().declared).extracting(d -> d.fieldName() + ":" + d.serverType() + d.enumOptions())
                .containsExactly("score:float[]", "status:enum[bad, ok]");
        assertThat(server().entries.get("score")).extracting(Entry::mediaId, Entry::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("m-images-a.jpg", new BigDecimal("1.5")),
                        org.assertj.core.groups.Tuple.tuple("m-images-b.jpg", new BigDecimal("2")));
        assertThat(server().entries.get("status")).extracting(Entry::key)
                .containsExactly("images/a.jpg", "images/b.jpg", "images/c.jpg");
        assertThat(result.summary().counts().get("score")).isEqualTo(new FieldCounts(2, 1, 0, 0));
        assertThat(result.summary().gatePassed()).isTrue();
        assertThat(server().summary).isEqualTo(result.summary());
    }

    @Test
    void tellsEveryFieldItsEntriesAreAllWrittenBeforeAnyFieldIsFinished() throws IOException {
        Path input = file("data.pipe", "file_fullpath|score|status", "images/a.jpg|1.5|ok", "images/b.jpg|2|bad",
                "images/c.jpg||ok");
        JobResult result = run(upload(input).exportFile(export("images/a.jpg", "images/b.jpg", "images/c.jpg"))
                .fields("float", List.of("score")).fields("enum", List.of("status")).parallel(1));

        assertThat(result.exitCode()).isZero();
        // with one field finished at a time, the second field's last entries still go out before the first's wait
        assertThat(server().endings.subList(0, 2)).containsExactly("end score 2", "end status 3");
        assertThat(server().endings.subList(2, 4)).containsExactlyInAnyOrder("finish score", "finish status");
    }

    @Test
    void tellsTheSourceWhichColumnsEachPassReads() throws IOException {
        PipeSource.SELECTED.clear();
        Path input = file("wide.pipe", "file_fullpath|score|status|unused", "images/a.jpg|1.5|ok|x");

        JobResult result = run(upload(input).exportFile(export("images/a.jpg"))
                .fields("float", List.of("score")).fields("enum", List.of("status")));

        assertThat(result.exitCode()).isZero();
        assertThat(PipeSource.SELECTED).containsExactly(Set.of("score", "status"), Set.of("score", "status"));
    }

    @Test
    void nothingReachesTheSinkWhenAnyValueIsInvalid() throws IOException {
        Path input = file("data.pipe", "file_fullpath|score", "images/a.jpg|1.5", "images/b.jpg|abc");
        JobResult result = run(upload(input).exportFile(export("images/a.jpg", "images/b.jpg"))
                .fields("float", List.of("score")));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(server().declared).isEmpty();
        assertThat(server().entries).isEmpty();
        assertThat(result.summary().gatePassed()).isFalse();
        assertThat(rendered(result.summary()))
                .containsExactly("Row 3, field 'score': Invalid float value 'abc'. Must be a valid number.");
        assertThat(server().summary.errorCount()).isEqualTo(1);
    }

    @Test
    void identicalDuplicateRowsAreUploadedOnceWithAWarning() throws IOException {
        Path input = file("data.pipe", "file_fullpath|score", "images/a.jpg|1.5", "images/a.jpg|1.50");
        JobResult result = run(upload(input).exportFile(export("images/a.jpg")).fields("float", List.of("score")));

        assertThat(result.exitCode()).isZero();
        assertThat(server().entries.get("score")).hasSize(1);
        assertThat(result.summary().warningCount()).isEqualTo(1);
        assertThat(rendered(result.summary()))
                .containsExactly("Row 3: 'images/a.jpg' repeats row 2 with identical values; uploaded once.");
    }

    @Test
    void duplicateRowsWithDifferentValuesAreAnErrorNamingBothRows() throws IOException {
        Path input = file("data.pipe", "file_fullpath|score", "images/a.jpg|1.5", "images/b.jpg|3",
                "images/a.jpg|2.5");
        JobResult result = run(upload(input).exportFile(export("images/a.jpg", "images/b.jpg"))
                .fields("float", List.of("score")));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(server().entries).isEmpty();
        assertThat(result.summary().problems()).singleElement().satisfies(p -> {
            assertThat(p.category()).isEqualTo(ProblemCategory.DUPLICATE);
            assertThat(p.render()).isEqualTo("Row 4: 'images/a.jpg' is also in row 2 with different values. "
                    + "Metadata cannot be changed once uploaded: keep one row per media item.");
        });
    }

    @Test
    void duplicatesAreFoundWithoutAMediaIndexToo() throws IOException {
        Path input = file("data.pipe", "file_fullpath|score", "a.jpg|1", "b.jpg|2", "a.jpg|3");
        JobResult result = run(JobSpec.builder().mode(JobSpec.Mode.VALIDATE).input(input)
                .fields("float", List.of("score")));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(rendered(result.summary())).singleElement().asString().startsWith("Row 4: 'a.jpg' is also in row 2");
        assertThat(notes).anyMatch(n -> n.startsWith("Paths are not checked against the dataset"));
    }

    @Test
    void unmatchedPathIsAnErrorThatNamesIt() throws IOException {
        Path input = file("data.pipe", "file_fullpath|score", "images/a.jpg|1", "images/zz.jpg|2");
        JobResult result = run(upload(input).exportFile(export("images/a.jpg")).fields("float", List.of("score")));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(rendered(result.summary())).containsExactly("Row 3: 'images/zz.jpg' matches no media item in "
                + "test export (1 media). Check the path, or pass --allow-unmatched to skip such rows.");
        assertThat(result.summary().counts().get("score").unmatched()).isEqualTo(1);
    }

    @Test
    void unmatchedPathNamesTheResolversNearMissForTheFirstTwentyKeysOnly() throws IOException {
        List<String> lines = new ArrayList<>(List.of("file_fullpath|score"));
        List<String> media = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            lines.add(String.format("IMG_%03d.JPG|%d", i, i));
            media.add(String.format("img_%03d.jpg", i));
        }
        Path input = file("data.pipe", lines.toArray(String[]::new));
        JobResult result = run(upload(input).exportFile(export(media.toArray(String[]::new)))
                .fields("float", List.of("score")));

        assertThat(result.exitCode()).isEqualTo(3);
        List<String> problems = rendered(result.summary());
        assertThat(problems).hasSize(25);
        assertThat(problems.get(0)).isEqualTo("Row 2: 'IMG_001.JPG' matches no media item in test export (25 media); "
                + "the dataset has 'img_001.jpg' (differs in case). Or pass --allow-unmatched to skip such rows.");
        assertThat(problems.get(19)).contains("'IMG_020.JPG' matches no media item in test export (25 media); the "
                + "dataset has 'img_020.jpg'");
        assertThat(problems.get(20)).isEqualTo("Row 22: 'IMG_021.JPG' matches no media item in test export "
                + "(25 media). Check the path, or pass --allow-unmatched to skip such rows.");
        assertThat(server().nearMissesAsked.get()).isEqualTo(ValidationPass.NEAR_MISSES_SOUGHT);
    }

    @Test
    void rowsWhosePathsDifferOnlyInUnicodeFormAreOneFileWithoutAMediaIndexToo() throws IOException {
        // 'café' as macOS lists it (e + U+0301), then as most tools write it (U+00E9)
        Path input = file("data.pipe", "file_fullpath|score", "cafe\u0301.jpg|1", "caf\u00e9.jpg|2");
        JobResult result = run(JobSpec.builder().mode(JobSpec.Mode.VALIDATE).input(input)
                .fields("float", List.of("score")));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(rendered(result.summary())).singleElement().asString()
                .startsWith("Row 3: 'caf\u00e9.jpg' is also in row 2 with different values.");
    }

    @Test
    void allowUnmatchedMakesItAWarningAndSkipsTheRow() throws IOException {
        Path input = file("data.pipe", "file_fullpath|score", "images/a.jpg|1", "images/zz.jpg|2");
        JobResult result = run(upload(input).exportFile(export("images/a.jpg")).allowUnmatched(true)
                .fields("float", List.of("score")));

        assertThat(result.exitCode()).isZero();
        assertThat(server().entries.get("score")).extracting(Entry::key).containsExactly("images/a.jpg");
        assertThat(result.summary().problems()).singleElement()
                .satisfies(p -> assertThat(p.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void tellsHowManyRowsMatchedAMediaItem() throws IOException {
        Path input = file("data.pipe", "file_fullpath|score", "images/a.jpg|1", "images/zz.jpg|2", "images/a.jpg|1");
        List<String> mapped = new ArrayList<>();
        new JobRunner(PLUGINS).run(upload(input).exportFile(export("images/a.jpg")).allowUnmatched(true)
                .fields("float", List.of("score")).build(), new JobListener() {
                    @Override
                    public void mappingChecked(long matched, long rows) {
                        mapped.add(matched + " of " + rows);
                    }
                });

        assertThat(mapped).containsExactly("2 of 3");
    }

    @Test
    void ambiguousPathListsEveryCandidateAndNeverPicksOne() throws IOException {
        Path input = file("data.pipe", "file_fullpath|score", "x.jpg|1");
        JobResult result = run(upload(input).exportFile(export("a/x.jpg", "b/x.jpg")).fields("float", List.of("score")));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(server().entries).isEmpty();
        assertThat(rendered(result.summary())).containsExactly("Row 2: 'x.jpg' matches 2 media items: a/x.jpg, "
                + "b/x.jpg. Write a longer path so it matches one, or use another --match-by.");
    }

    @Test
    void countsEveryProblemButKeepsOnlyTheBound() throws IOException {
        List<String> lines = new ArrayList<>(List.of("file_fullpath|score"));
        for (int i = 0; i < 25; i++) {
            lines.add("img" + i + ".jpg|bad" + i);
        }
        Path input = Files.write(dir.resolve("many.pipe"), lines);
        JobResult result = run(JobSpec.builder().mode(JobSpec.Mode.VALIDATE).input(input).maxProblemsKept(10)
                .fields("float", List.of("score")));

        assertThat(result.summary().errorCount()).isEqualTo(25);
        assertThat(result.summary().problems()).hasSize(10);
        assertThat(result.summary().problems().get(0).render()).startsWith("Row 2, field 'score'");
    }

    @Test
    void rowProblemsFromTheSourceCloseTheGate() throws IOException {
        Path input = file("data.pipe", "file_fullpath|score", "|1", "b.jpg|2");
        JobResult result = run(upload(input).exportFile(export("b.jpg")).fields("float", List.of("score")));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(rendered(result.summary())).containsExactly("Row 2, field 'file_fullpath': The key is empty.");
        assertThat(server().declared).isEmpty();
    }

    @Test
    void sourceProblemsInColumnsTheJobDoesNotUploadDoNotStopIt() throws IOException {
        Path input = file("data.pipe", "file_fullpath|score|unused", "a.jpg|1|#N/A", "b.jpg|#N/A|x");
        JobResult result = run(JobSpec.builder().mode(JobSpec.Mode.VALIDATE).input(input)
                .fields("string", List.of("score")));

        assertThat(rendered(result.summary())).containsExactly("Row 3, field 'score': The cell holds an error (#N/A).");
    }

    @Test
    void inferenceTypesEachColumnFromEveryValueAndSaysWhy() throws IOException {
        Path input = file("data.pipe", "file_fullpath|score|status|note|n_depth|blank",
                "a.jpg|1|ok|first|3|", "b.jpg|2.5|ok|second|4|", "c.jpg|3|ok|third|5|", "d.jpg|x9|bad|fourth|6|", "e.jpg|4|ok|fifth|7|");
        List<FieldPlan> planned = new ArrayList<>();
        JobResult result = new JobRunner(PLUGINS).run(JobSpec.builder().mode(JobSpec.Mode.VALIDATE).input(input)
                .infer(true).fields("string", List.of("score")).build(), new JobListener() {
                    @Override
                    public void planned(List<FieldPlan> plan) {
                        planned.addAll(plan);
                    }

                    @Override
                    public void note(String line) {
                        notes.add(line);
                    }
                });

        assertThat(result.exitCode()).isZero();
        assertThat(planned).extracting(FieldPlan::column, FieldPlan::type, FieldPlan::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("score", "string", "--string-fields"),
                org.assertj.core.groups.Tuple.tuple("status", "enum",
                        "inferred: 2 distinct values repeat across 5 values"),
                org.assertj.core.groups.Tuple.tuple("note", "string",
                        "inferred: 5 distinct values in 5: free text"),
                org.assertj.core.groups.Tuple.tuple("n_depth", "float", "from the source"));
        assertThat(notes).contains("Column 'blank' has no values in the rows read; not uploaded.");
    }

    @Test
    void inferenceChoosesFloatOnlyWhenEveryValueIsANumber() throws IOException {
        Path input = file("data.pipe", "file_fullpath|score|mixed", "a.jpg|1|1", "b.jpg|2.5|2", "c.jpg|1e-3|n/a");
        JobResult result = run(JobSpec.builder().mode(JobSpec.Mode.VALIDATE).input(input).infer(true));

        assertThat(result.summary().plan()).extracting(FieldPlan::column, FieldPlan::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("score", "float"),
                org.assertj.core.groups.Tuple.tuple("mixed", "string"));
    }

    @Test
    void columnNamedInAFlagButAbsentIsAUsageErrorNamingTheColumns() throws IOException {
        Path input = file("data.pipe", "file_fullpath|score", "a.jpg|1");

        assertThatThrownBy(() -> run(upload(input).fields("float", List.of("scroe", "score"))))
                .isInstanceOf(VlmetaException.class)
                .hasMessage("Column 'scroe' (--float-fields; did you mean 'score'?) not found in data.pipe. "
                        + "Its columns are: score.")
                .extracting(e -> ((VlmetaException) e).code().exitCode()).isEqualTo(2);
    }

    @Test
    void noFieldTypesAndNoInferIsAUsageError() throws IOException {
        Path input = file("data.pipe", "file_fullpath|score", "a.jpg|1");

        assertThatThrownBy(() -> run(upload(input))).isInstanceOf(VlmetaException.class)
                .hasMessageStartingWith("No field types specified.");
    }

    @Test
    void oneColumnUnderTwoTypesIsAUsageError() {
        assertThatThrownBy(() -> JobSpec.builder().fields("float", List.of("score")).fields("string", List.of("score")))
                .hasMessage("Column 'score' is given two types, float and string; give each column one type.");
    }

    @Test
    void sensitiveColumnsAreRefusedForARemoteServer() throws IOException {
        Path input = file("data.pipe", "file_fullpath|phi_name|score", "a.jpg|Doe^John|1");

        assertThatThrownBy(() -> run(upload(input).baseUrl("https://app.visual-layer.com")
                .fields("string", List.of("phi_name")).fields("float", List.of("score"))))
                .isInstanceOf(VlmetaException.class)
                .hasMessageStartingWith("Column phi_name holds identifying patient data")
                .hasMessageContaining("--drop-phi").hasMessageContaining("--allow-phi");
        assertThat(RecordingSink.RECORDINGS.stream().flatMap(r -> r.declared.stream())).isEmpty();
    }

    @Test
    void dropPhiLeavesSensitiveColumnsOut() throws IOException {
        Path input = file("data.pipe", "file_fullpath|phi_name|score", "a.jpg|Doe^John|1");
        JobResult result = run(upload(input).baseUrl("https://app.visual-layer.com").dropPhi(true)
                .exportFile(export("a.jpg")).fields("string", List.of("phi_name")).fields("float", List.of("score")));

        assertThat(result.exitCode()).isZero();
        assertThat(server().entries).containsOnlyKeys("score");
        assertThat(notes).contains("Left out identifying columns (--drop-phi): phi_name.");
    }

    @Test
    void sensitiveColumnsMayGoToALocalServer() throws IOException {
        Path input = file("data.pipe", "file_fullpath|phi_name", "a.jpg|Doe^John");
        JobResult result = run(upload(input).baseUrl("http://127.0.0.1:2080").exportFile(export("a.jpg"))
                .fields("string", List.of("phi_name")));

        assertThat(result.exitCode()).isZero();
        assertThat(server().entries.get("phi_name")).hasSize(1);
    }

    @Test
    void fieldsThePreflightSkipsAreNotUploaded() throws IOException {
        Path input = file("data.pipe", "file_fullpath|score|status", "a.jpg|1|ok");
        JobResult result = run(upload(input).exportFile(export("a.jpg")).sinkOption("existing", "status")
                .fields("float", List.of("score")).fields("enum", List.of("status")));

        assertThat(result.exitCode()).isZero();
        assertThat(server().declared).extracting(d -> d.fieldName()).containsExactly("score");
        assertThat(result.summary().outcomes()).extracting(o -> o.fieldName() + ":" + o.status())
                .containsExactly("score:COMPLETED", "status:SKIPPED");
    }

    @Test
    void aFieldWithoutASingleValueIsNotDeclaredBecauseItCouldNeverBeRemoved() throws IOException {
        Path input = file("data.pipe", "file_fullpath|score|status", "a.jpg|1|", "b.jpg|2|");
        JobResult result = run(upload(input).exportFile(export("a.jpg", "b.jpg"))
                .fields("float", List.of("score")).fields("enum", List.of("status")));

        assertThat(result.exitCode()).isZero();
        assertThat(server().declared).extracting(d -> d.fieldName()).containsExactly("score");
        assertThat(result.summary().outcomes()).extracting(o -> o.fieldName() + ":" + o.status())
                .containsExactly("score:COMPLETED", "status:SKIPPED");
        assertThat(rendered(result.summary())).containsExactly("Field 'status' has no values to upload, so it is "
                + "not declared (a field cannot be removed once created).");
    }

    @Test
    void aSchemaClashFoundByThePreflightClosesTheGate() throws IOException {
        Path input = file("data.pipe", "file_fullpath|score", "a.jpg|1");
        JobResult result = run(upload(input).exportFile(export("a.jpg")).sinkOption("clash", "score")
                .fields("float", List.of("score")));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(server().declared).isEmpty();
        assertThat(rendered(result.summary())).containsExactly("Field 'score' exists with another type.");
    }

    @Test
    void dryRunSendsToTheReportSinkInsteadOfTheServer() throws IOException {
        Path input = file("data.pipe", "file_fullpath|score", "a.jpg|1", "b.jpg|2");
        JobResult result = run(upload(input).mode(JobSpec.Mode.DRY_RUN).exportFile(export("a.jpg", "b.jpg"))
                .reportPath(dir.resolve("r.html")).fields("float", List.of("score")));

        Recording report = RecordingSink.RECORDINGS.stream().filter(r -> r.sinkName.equals("report")).findFirst()
                .orElseThrow();
        assertThat(result.exitCode()).isZero();
        assertThat(server().declared).isEmpty();
        assertThat(report.entries.get("score")).extracting(Entry::mediaId).containsExactly("m-a.jpg", "m-b.jpg");
        assertThat(report.request.option("report")).hasValue(dir.resolve("r.html").toString());
        assertThat(report.summary.dryRun()).isTrue();
    }

    @Test
    void validateWithAReportHandsTheReportWhatWouldBeSentAndNeverNamesTheServer() throws IOException {
        Path input = file("data.pipe", "file_fullpath|score", "a.jpg|1");
        JobResult result = run(JobSpec.builder().mode(JobSpec.Mode.VALIDATE).input(input)
                .reportPath(dir.resolve("r.html")).fields("float", List.of("score")));

        Recording report = RecordingSink.RECORDINGS.stream().filter(r -> r.sinkName.equals("report")).findFirst()
                .orElseThrow();
        assertThat(result.exitCode()).isZero();
        assertThat(RecordingSink.RECORDINGS).allMatch(r -> r.sinkName.equals("report"));
        assertThat(report.entries.get("score")).extracting(Entry::value).containsExactly(new java.math.BigDecimal("1"));
        assertThat(report.request.baseUrl()).isNull();
        assertThat(report.request.option(JobRunner.JOB_MODE_OPTION)).hasValue("validate");
        assertThat(report.summary.gatePassed()).isTrue();
        assertThat(report.closed).isTrue();
    }

    @Test
    void validateWithoutAReportStopsAtTheGate() throws IOException {
        Path input = file("data.pipe", "file_fullpath|score", "a.jpg|1");
        JobResult result = run(JobSpec.builder().mode(JobSpec.Mode.VALIDATE).input(input)
                .fields("float", List.of("score")));

        assertThat(result.exitCode()).isZero();
        assertThat(RecordingSink.RECORDINGS).isEmpty();
        assertThat(result.summary().outcomes()).isEmpty();
    }

    @Test
    void uploadWithoutADatasetIsAUsageError() throws IOException {
        Path input = file("data.pipe", "file_fullpath|score", "a.jpg|1");

        assertThatThrownBy(() -> run(JobSpec.builder().input(input).fields("float", List.of("score"))))
                .hasMessage("No dataset given: pass --dataset-id (or set VL_DATASET_ID).");
    }

    @Test
    void aSourceNamesAnInputWithALineBreakInItsNameOnOneLine() throws IOException {
        Path input = Files.createFile(dir.resolve("da\nta.pipe"));

        assertThatThrownBy(() -> run(upload(input).fields("float", List.of("score"))))
                .hasMessage(dir + "/da\\nta.pipe is empty.");
    }

    @Test
    void missingInputIsReportedAsUnreadable() {
        assertThatThrownBy(() -> run(upload(dir.resolve("nope.pipe")).fields("float", List.of("score"))))
                .isInstanceOf(VlmetaException.class).hasMessage(dir.resolve("nope.pipe") + " does not exist.")
                .extracting(e -> ((VlmetaException) e).code().exitCode()).isEqualTo(1);
    }

    @Test
    void theSecretNeverShowsInTheJobSpec() {
        JobSpec spec = JobSpec.builder().input(dir).apiKey("key").apiSecret(io.vlmeta.api.Secret.of("s3cr3t"))
                .build();

        assertThat(spec.toString()).doesNotContain("s3cr3t");
    }
}

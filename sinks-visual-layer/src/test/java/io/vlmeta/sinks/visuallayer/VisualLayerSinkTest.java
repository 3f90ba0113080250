package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.FieldWriter;
import io.vlmeta.api.Location;
import io.vlmeta.api.MediaResolver;
import io.vlmeta.api.Preflight;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.Rejection;
import io.vlmeta.api.Resolution;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.emulator.Emulator;
import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import io.vlmeta.emulator.FaultPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sink against the on-premises emulator, over HTTP, as the engine drives it. */
class VisualLayerSinkTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path state;

    private Emulator emulator() {
        return EMULATOR.emulator();
    }

    private Requests requests(String dataset) {
        return new Requests(emulator().baseUrl(), dataset, state);
    }

    @AfterEach
    void noFaults() {
        emulator().setFaults(FaultPlan.none());
    }

    @Test
    void anExportIsNotSavedOverAPipeOrALinkToOneAndTheServerIsNotAsked() throws Exception {
        emulator().addDataset("export-to-pipe", List.of("images/a.jpg"));
        Path pipe = state.resolve("export.csv");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        Path link = Files.createSymbolicLink(state.resolve("linked.csv"), pipe);
        long before = FaultPlan.ENDPOINTS.stream().mapToLong(e -> emulator().requestCount(e)).sum();

        try (VisualLayerSink sink = requests("export-to-pipe").open()) {
            assertThatThrownBy(() -> sink.saveExport(pipe))
                    .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code().exitCode()).isEqualTo(2))
                    .hasMessage("Cannot save the export to '" + pipe + "': it is a pipe; name a regular file for "
                            + "'validate --export-file' to read.");
            assertThatThrownBy(() -> sink.saveExport(link)).hasMessage("Cannot save the export to '" + link
                    + "': it is a link to " + pipe.toRealPath() + ", a pipe; name a regular file for 'validate "
                    + "--export-file' to read.");
        }

        assertThat(FaultPlan.ENDPOINTS.stream().mapToLong(e -> emulator().requestCount(e)).sum()).isEqualTo(before);
        assertThat(Files.exists(pipe)).isTrue();
        assertThat(Files.isRegularFile(pipe)).isFalse();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(pipe);
    }

    @Test
    void uploadsAllSixTypesTheWayTheReferenceScriptDoes() {
        List<String> files = List.of("images/a.jpg", "images/b.jpg", "images/c.jpg");
        emulator().addDataset("six", files);
        Map<String, Map<String, Object>> expected = new LinkedHashMap<>();
        expected.put("notes", Map.of("images/a.jpg", "first", "images/b.jpg", "second", "images/c.jpg", "third"));
        expected.put("score", Map.of("images/a.jpg", new BigDecimal("0.1"), "images/b.jpg", new BigDecimal("-2.5"),
                "images/c.jpg", new BigDecimal("42")));
        expected.put("created_at", Map.of("images/a.jpg", "2024-01-15T10:30:00Z",
                "images/b.jpg", "2024-01-15T00:00:00Z", "images/c.jpg", "2023-12-31T23:59:59Z"));
        expected.put("pdf_url", Map.of("images/a.jpg", "https://example.com/a.pdf",
                "images/b.jpg", "http://example.com/b.pdf", "images/c.jpg", "https://example.com/c.pdf"));
        expected.put("status", Map.of("images/a.jpg", "active", "images/b.jpg", "pending", "images/c.jpg", "active"));
        expected.put("tags", Map.of("images/a.jpg", List.of("tag1", "tag2"), "images/b.jpg", List.of("tag3"),
                "images/c.jpg", List.of("tag2", "tag1")));
        var declarations = List.of(Fields.NOTES, Fields.SCORE, Fields.CREATED, Fields.DOC, Fields.STATUS, Fields.TAGS);

        try (VisualLayerSink sink = requests("six").open()) {
            MediaResolver resolver = sink.mediaResolver();
            Preflight preflight = sink.preflight(declarations);
            List<FieldWriter> writers = declarations.stream().map(sink::openField).toList();
            for (int row = 0; row < files.size(); row++) {
                String key = row == 1 ? ".\\images\\b.jpg" : files.get(row);
                for (int f = 0; f < declarations.size(); f++) {
                    Object value = expected.get(declarations.get(f).fieldName()).get(files.get(row));
                    writers.get(f).write(Fields.entry(resolver, key, value, row + 2));
                }
            }
            List<FieldOutcome> outcomes = writers.stream().map(FieldWriter::finish).toList();

            assertThat(resolver.size()).isEqualTo(3);
            assertThat(resolver.description()).isEqualTo("export of dataset six (3 media, matched by path)");
            assertThat(preflight).isEqualTo(Preflight.NONE);
            assertThat(outcomes).allSatisfy(outcome -> {
                assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.COMPLETED);
                assertThat(outcome.sent()).isEqualTo(3);
                assertThat(outcome.inserted()).isEqualTo(3);
                assertThat(outcome.message()).isNull();
            });
        }
        for (var field : expected.entrySet()) {
            Map<String, Object> byMediaId = new HashMap<>();
            field.getValue().forEach((file, value) -> byMediaId.put(emulator().mediaId("six", file), value));
            assertThat(emulator().values("six", field.getKey())).as(field.getKey()).isEqualTo(byMediaId);
        }
        assertThat(emulator().schema("six")).extracting(f -> f.get("field_name"))
                .containsExactlyInAnyOrder("notes", "score", "created_at", "pdf_url", "status", "tags");
    }

    @Test
    void sendsOneHundredTwentyThousandRowsAsThreeBatchesInOrder() {
        emulator().addDataset("bulk", Fields.files(120_000));
        long uploadsBefore = emulator().requestCount("upload");

        FieldOutcome outcome;
        try (VisualLayerSink sink = requests("bulk").open()) {
            MediaResolver resolver = sink.mediaResolver();
            sink.preflight(List.of(Fields.SCORE));
            outcome = Fields.writeScores(resolver, sink.openField(Fields.SCORE), 120_000);
        }

        assertThat(emulator().requestCount("upload") - uploadsBefore).isEqualTo(3);
        assertThat(outcome).isEqualTo(new FieldOutcome("score", FieldOutcome.Status.COMPLETED, 120_000, 120_000, 0,
                List.of(), null));
        Map<String, Object> values = emulator().values("bulk", "score");
        assertThat(values).hasSize(120_000);
        assertThat(values.get(emulator().mediaId("bulk", Fields.file(119_999)))).isEqualTo(Fields.score(119_999));
    }

    @Test
    void uploadsSeveralFieldsAtOnceEachInItsOwnOrder() {
        emulator().addDataset("parallel", Fields.files(1_000));
        var declarations = List.of(Fields.SCORE, Fields.NOTES, Fields.STATUS);
        Requests requests = requests("parallel");
        requests.batchSize = 64;
        requests.parallel = 2;
        requests.options.put("queued-batches", "1");

        List<FieldOutcome> outcomes;
        try (VisualLayerSink sink = requests.open()) {
            MediaResolver resolver = sink.mediaResolver();
            List<FieldWriter> writers = declarations.stream().map(sink::openField).toList();
            for (int i = 0; i < 1_000; i++) {
                writers.get(0).write(Fields.entry(resolver, Fields.file(i), Fields.score(i), i + 2));
                writers.get(1).write(Fields.entry(resolver, Fields.file(i), "note " + i, i + 2));
                writers.get(2).write(Fields.entry(resolver, Fields.file(i), i % 2 == 0 ? "active" : "pending", i + 2));
            }
            outcomes = writers.stream().map(FieldWriter::finish).toList();
        }

        assertThat(outcomes).extracting(FieldOutcome::status, FieldOutcome::inserted, FieldOutcome::rejected)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(FieldOutcome.Status.COMPLETED, 1_000L, 0L));
        assertThat(emulator().values("parallel", "notes").get(emulator().mediaId("parallel", Fields.file(777))))
                .isEqualTo("note 777");
        assertThat(emulator().values("parallel", "status")).hasSize(1_000);
    }

    @Test
    void mapsServerRejectionsBackToTheirRowsAndWritesThemToTheRejectsFile() throws IOException {
        emulator().addDataset("rejects", List.of("images/a.jpg", "images/b.jpg", "images/c.jpg"));
        Requests requests = requests("rejects");
        requests.rejectsFile = state.resolve("out/rejects.csv");

        FieldOutcome outcome;
        try (VisualLayerSink sink = requests.open()) {
            MediaResolver resolver = sink.mediaResolver();
            FieldWriter writer = sink.openField(Fields.STATUS);
            writer.write(Fields.entry(resolver, "images/a.jpg", "active", 2));
            writer.write(Fields.entry(resolver, "images/b.jpg", "archived", 3));
            writer.write(Fields.entry(resolver, "images/c.jpg", "pending", 4));
            outcome = writer.finish();
        }

        assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.COMPLETED_WITH_ERRORS);
        assertThat(outcome.rejected()).isEqualTo(1);
        assertThat(outcome.insertedDiffers()).isTrue();
        assertThat(outcome.message()).isEqualTo("The server inserted 2 of the 3 entries sent (1 rejected).");
        assertThat(outcome.rejections()).hasSize(1);
        Rejection rejection = outcome.rejections().get(0);
        assertThat(rejection.key()).isEqualTo("images/b.jpg");
        assertThat(rejection.location()).isEqualTo(Location.of("metadata.csv", 3));
        assertThat(rejection.value()).isEqualTo("archived");
        assertThat(rejection.reason()).isNotBlank();
        assertThat(Files.readAllLines(requests.rejectsFile)).containsExactly("path,row,field,value,reason",
                "images/b.jpg,3,status,archived," + csvField(rejection.reason()));
    }

    private static String csvField(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    @Test
    void resolvesKeysAgainstTheDatasetExportRefusingToGuessBetweenTwoMedia() {
        emulator().addDataset("mapping", List.of("a/img1.jpg", "b/img1.jpg", "c/img2.jpg"));

        try (VisualLayerSink sink = requests("mapping").open()) {
            MediaResolver resolver = sink.mediaResolver();

            assertThat(resolver.resolve("img1.jpg"))
                    .isEqualTo(new Resolution.Ambiguous(List.of("a/img1.jpg", "b/img1.jpg")));
            assertThat(resolver.resolve("b/img1.jpg"))
                    .isEqualTo(new Resolution.Matched(emulator().mediaId("mapping", "b/img1.jpg"), 1));
            assertThat(resolver.resolve("img2.jpg"))
                    .isEqualTo(new Resolution.Matched(emulator().mediaId("mapping", "c/img2.jpg"), 2));
            assertThat(resolver.resolve("d/img3.jpg")).isEqualTo(Resolution.Unmatched.INSTANCE);
        }
    }

    @Test
    void checksNothingWithoutAnExportOrADataset() {
        Requests requests = requests(null);
        requests.baseUrl = null;

        try (VisualLayerSink sink = requests.open()) {
            assertThat(sink.mediaResolver()).isSameAs(MediaResolver.UNCHECKED);
            assertThat(sink.preflight(List.of(Fields.SCORE))).isEqualTo(Preflight.NONE);
        }
    }

    @Test
    void refusesADatasetThatIsNotReadyBeforeSendingAnything() {
        emulator().addDataset("busy", List.of("a.jpg"));
        emulator().setDatasetStatus("busy", "INDEXING");
        long declaresBefore = emulator().requestCount("declare");

        try (VisualLayerSink sink = requests("busy").open()) {
            Preflight preflight = sink.preflight(List.of(Fields.SCORE));

            assertThat(preflight.problems()).containsExactly(Problem.error(ProblemCategory.SCHEMA, null, null,
                    "Dataset 'busy' is INDEXING, not READY: metadata can only be added to a READY dataset, so wait "
                            + "until its processing ends."));
        }
        assertThat(emulator().requestCount("declare")).isEqualTo(declaresBefore);
    }

    @Test
    void refusesAnExportOfAnotherDatasetBeforeDeclaringAnything() throws IOException {
        List<String> files = Fields.files(30);
        emulator().addDataset("target", files);
        emulator().addDataset("other", files);
        Requests foreign = requests("target");
        foreign.exportFile = export("other", files, List.of());
        long declaresBefore = emulator().requestCount("declare");

        try (VisualLayerSink sink = foreign.open()) {
            sink.mediaResolver();
            Preflight preflight = sink.preflight(List.of(Fields.SCORE));

            List<String> theirIds = files.stream().map(file -> emulator().mediaId("other", file)).toList();
            assertThat(preflight.skippedFields()).isEmpty();
            assertThat(preflight.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.severity().name()).isEqualTo("ERROR");
                assertThat(problem.category()).isEqualTo(ProblemCategory.MAPPING);
                assertThat(problem.message()).isEqualTo("The export file " + foreign.exportFile + " does not "
                        + "match dataset 'target': 30 of its 30 media are not in the dataset's own export with the "
                        + "same file name and media id (e.g. " + files.get(0) + " -> " + theirIds.get(0) + ", "
                        + files.get(1) + " -> " + theirIds.get(1) + ", " + files.get(2) + " -> " + theirIds.get(2)
                        + "), so it is an export of another dataset (or of the same images uploaded again, which "
                        + "gives them new media ids). Rows mapped with them would send values the server refuses or "
                        + "puts on other images, for good, as metadata is immutable. Nothing was sent: leave out "
                        + "--export-file to map paths with the dataset's own export, or save a fresh one with "
                        + "'vlmeta export --dataset-id target'.");
            });
        }
        assertThat(emulator().requestCount("declare")).isEqualTo(declaresBefore);
        assertThat(emulator().schema("target")).isEmpty();
    }

    @Test
    void refusesAStaleExportHoldingMediaTheDatasetNoLongerHas() throws IOException {
        List<String> files = Fields.files(3);
        emulator().addDataset("shrunk", files);
        String gone = "00000000-0000-4000-8000-000000000001";

        Preflight preflight = preflightWith(export("shrunk", files, List.of("images/removed.jpg," + gone)));

        assertThat(preflight.problems()).extracting(Problem::message).singleElement().asString()
                .contains("1 of its 4 media are not in the dataset's own export with the same file name and media "
                        + "id (e.g. images/removed.jpg -> " + gone + "), so media were removed from the dataset, or "
                        + "uploaded again, since it was exported.");
        assertThat(emulator().schema("shrunk")).isEmpty();
    }

    @Test
    void findsEveryStaleIdAmongThousandsNotOnlyThoseASampleWouldDraw() throws IOException {
        List<String> files = Fields.files(5_000);
        emulator().addDataset("mostly", files);
        List<String> lines = new java.util.ArrayList<>(List.of("filename,media_id"));
        for (int i = 0; i < files.size(); i++) {
            String id = emulator().mediaId("mostly", files.get(i));
            // one id in 2,500 replaced, and every id in upper case, which names the same UUID
            lines.add(files.get(i) + "," + (i == 4_321 ? "00000000-0000-4000-8000-00000000abcd" : id.toUpperCase()));
        }
        Path export = Files.write(state.resolve("mostly-export.csv"), lines);

        Preflight preflight = preflightWith(export);

        assertThat(preflight.problems()).extracting(Problem::message).singleElement().asString()
                .contains("1 of its 5,000 media are not in the dataset's own export with the same file name and "
                        + "media id (e.g. " + files.get(4_321) + " -> 00000000-0000-4000-8000-00000000abcd)");
    }

    @Test
    void refusesAnExportWhoseIdsWereMovedToOtherFileNamesAsValuesWouldLandOnOtherImages() throws IOException {
        List<String> files = Fields.files(4);
        emulator().addDataset("moved", files);
        String first = emulator().mediaId("moved", files.get(0));
        String second = emulator().mediaId("moved", files.get(1));
        List<String> swapped = List.of(files.get(0) + "," + second, files.get(1) + "," + first,
                files.get(2) + "," + emulator().mediaId("moved", files.get(2)),
                // a longer path ending with the dataset's file name is the same file (metadata.json's file_path)
                "/data/uploads/" + files.get(3) + "," + emulator().mediaId("moved", files.get(3)));

        Preflight preflight = preflightWith(export("moved", List.of(), swapped));

        assertThat(preflight.problems()).extracting(Problem::message).singleElement().asString()
                .contains("2 of its 4 media are not in the dataset's own export with the same file name and media id "
                        + "(e.g. " + files.get(0) + " -> " + second + " (the dataset's id of " + files.get(1) + "), "
                        + files.get(1) + " -> " + first + " (the dataset's id of " + files.get(0) + ")), so it was "
                        + "exported before media were removed or uploaded again, or edited since.");
        assertThat(emulator().schema("moved")).isEmpty();
    }

    @Test
    void comparesFileNamesWholeOrAfterASlash() {
        assertThat(ExportAgreement.samePath("images/a.jpg", "images/a.jpg")).isTrue();
        assertThat(ExportAgreement.samePath("/data/images/a.jpg", "images/a.jpg")).isTrue();
        assertThat(ExportAgreement.samePath("images/a.jpg", "s3:/bucket/images/a.jpg")).isTrue();
        assertThat(ExportAgreement.samePath("images/ba.jpg", "a.jpg")).isFalse();
        assertThat(ExportAgreement.samePath("images/a.jpg", "images/b.jpg")).isFalse();
        assertThat(ExportAgreement.samePath("images/img-1.jpg", "images/img-10.jpg")).isFalse();
    }

    @Test
    void acceptsAnOfflineExportOfTheDatasetItself() throws IOException {
        List<String> files = Fields.files(25);
        emulator().addDataset("own", files);
        long exportsBefore = emulator().requestCount("export");

        Preflight preflight = preflightWith(export("own", files, List.of()));

        assertThat(preflight).isEqualTo(Preflight.NONE);
        // the dataset's own export, read once to compare the file with
        assertThat(emulator().requestCount("export")).isEqualTo(exportsBefore + 1);
    }

    /** @return the check before upload of a float field, mapped by {@code export}, a file named after its dataset */
    private Preflight preflightWith(Path export) {
        String dataset = export.getFileName().toString().replace("-export.csv", "");
        Requests requests = requests(dataset);
        requests.exportFile = export;
        try (VisualLayerSink sink = requests.open()) {
            sink.mediaResolver();
            return sink.preflight(List.of(Fields.SCORE));
        }
    }

    /** @return an export file of {@code dataset}'s media for {@code files}, with {@code extraLines} after them */
    private Path export(String dataset, List<String> files, List<String> extraLines) throws IOException {
        List<String> lines = new java.util.ArrayList<>(List.of("filename,media_id"));
        files.forEach(file -> lines.add(file + "," + emulator().mediaId(dataset, file)));
        lines.addAll(extraLines);
        return Files.write(state.resolve(dataset + "-export.csv"), lines);
    }

    /** A new dataset of one image, a.jpg, given a score by a run with the default job key; @return its outcome */
    private FieldOutcome scoreUploaded(String dataset) {
        emulator().addDataset(dataset, List.of("a.jpg"));
        try (VisualLayerSink sink = requests(dataset).open()) {
            FieldWriter writer = sink.openField(Fields.SCORE);
            writer.write(Fields.entry(sink.mediaResolver(), "a.jpg", BigDecimal.ONE, 2));
            return writer.finish();
        }
    }

    @Test
    void refusesAFieldThatExistsWithoutThisJobsRecordOfFillingItAndOneOfAnotherType() {
        scoreUploaded("existing");
        Requests again = requests("existing");
        again.jobKey = "another input";

        try (VisualLayerSink sink = again.open()) {
            sink.mediaResolver();
            Preflight same = sink.preflight(List.of(Fields.SCORE));
            Preflight other = sink.preflight(List.of(FieldDeclaration("score", "string")));

            assertThat(same.skippedFields()).isEmpty();
            assertThat(same.problems()).containsExactly(Problem.error(ProblemCategory.SCHEMA, null, "score",
                    "Field 'score' already exists in dataset 'existing'. No finished run of this input (journal "
                            + state.resolve(Journal.fileName("existing", "another input")) + ") uploaded it. The "
                            + "journal " + state.resolve(Journal.fileName("existing", requests("existing").jobKey))
                            + " records it finished by a run of an input with other content (edited since, or another "
                            + "file). 1 of a sample of 1 of the dataset's media already hold values for it. Metadata "
                            + "is immutable, "
                            + "so vlmeta adds nothing to a field it cannot prove it filled: restore the journal and "
                            + "run with --resume, or upload under a new field name."));
            assertThat(other.skippedFields()).isEmpty();
            assertThat(other.problems()).containsExactly(Problem.error(ProblemCategory.SCHEMA, null, "score",
                    "Field 'score' already exists in dataset 'existing' as float, not string: metadata is "
                            + "immutable, so rename the column or upload it as float."));
        }
        try (VisualLayerSink sink = requests("existing").open()) {
            Preflight finished = sink.preflight(List.of(Fields.SCORE));
            String skipped = "Field 'score' was finished by an earlier run (COMPLETED); it is not sent again.";
            assertThat(finished.skippedFields()).isEqualTo(Map.of("score", skipped));
            assertThat(finished.problems()).containsExactly(Problem.warning(ProblemCategory.SCHEMA, null, "score",
                    skipped));
        }
    }

    private static io.vlmeta.api.FieldDeclaration FieldDeclaration(String name, String type) {
        return io.vlmeta.api.FieldDeclaration.simple(name, type, type);
    }

    @Test
    void aJournalThatFinishedAFieldOnAnotherServerDoesNotSkipItHere() {
        assertThat(scoreUploaded("twin").status()).isEqualTo(FieldOutcome.Status.COMPLETED);

        try (Emulator real = Emulator.start(EmulatorConfig.builder().build())) {
            real.addDataset("twin", List.of("a.jpg"));
            Requests sameJournal = new Requests(real.baseUrl(), "twin", state);
            try (VisualLayerSink sink = sameJournal.open()) {
                sink.mediaResolver();
                Preflight preflight = sink.preflight(List.of(Fields.SCORE));

                assertThat(preflight.skippedFields()).isEmpty();
                assertThat(preflight.problems()).containsExactly(Problem.error(ProblemCategory.SCHEMA, null, "score",
                        "The journal " + state.resolve(Journal.fileName("twin", sameJournal.jobKey)) + " records "
                                + "field 'score' as finished (COMPLETED), but dataset 'twin' at " + real.baseUrl()
                                + " has no such field: the journal belongs to another server (a rehearsal against an "
                                + "emulator, say) or dataset; nothing was sent. Pass another --state-dir, or move the "
                                + "journal aside, to upload to this server."));
            }
            assertThat(real.schema("twin")).isEmpty();
        }
    }

    @Test
    void resumesAnInterruptedJobWithoutDuplicatesOrGaps() {
        emulator().addDataset("resume", Fields.files(120));
        Requests first = requests("resume");
        first.batchSize = 50;
        long declaresBefore = emulator().requestCount("declare");
        emulator().setFaults(FaultPlan.builder().failNth("upload", 2, 400).build());

        FieldOutcome interrupted;
        try (VisualLayerSink sink = first.open()) {
            interrupted = Fields.writeScores(sink.mediaResolver(), sink.openField(Fields.SCORE), 120);
        }
        emulator().setFaults(FaultPlan.none());
        Map<String, Object> afterFirstRun = emulator().values("resume", "score");

        Requests withoutResume = requests("resume");
        withoutResume.batchSize = 50;
        try (VisualLayerSink sink = withoutResume.open()) {
            assertThatThrownBy(() -> sink.preflight(List.of(Fields.SCORE)))
                    .isInstanceOf(VlmetaException.class)
                    .hasMessage("An earlier upload of this input to dataset 'resume' did not finish (journal "
                            + state.resolve(Journal.fileName("resume", first.jobKey)) + "): pass --resume to continue "
                            + "it, or delete the journal to start over.")
                    .extracting(e -> ((VlmetaException) e).code()).isEqualTo(ErrorCode.USAGE);
        }

        Requests resumed = requests("resume");
        resumed.batchSize = 50;
        resumed.resume = true;
        Preflight preflight;
        FieldOutcome completed;
        try (VisualLayerSink sink = resumed.open()) {
            MediaResolver resolver = sink.mediaResolver();
            preflight = sink.preflight(List.of(Fields.SCORE));
            completed = Fields.writeScores(resolver, sink.openField(Fields.SCORE), 120);
        }

        assertThat(interrupted.status()).isEqualTo(FieldOutcome.Status.FAILED);
        assertThat(interrupted.sent()).isEqualTo(50);
        assertThat(interrupted.message()).endsWith("50 entries of field 'score' were accepted before it stopped; "
                + "run again with --resume to send the rest.");
        assertThat(afterFirstRun).hasSize(50);
        assertThat(preflight).isEqualTo(Preflight.NONE);
        assertThat(resumed.log).anyMatch(line -> line.matches("Resuming field 'score' \\(task [^)]+\\): 50 entries in "
                + "1 batch were accepted before\\."));
        assertThat(completed).isEqualTo(new FieldOutcome("score", FieldOutcome.Status.COMPLETED, 120, 120, 0,
                List.of(), "Resumed: 50 entries had been accepted in an earlier run."));
        Map<String, Object> expected = new HashMap<>();
        for (int i = 0; i < 120; i++) {
            expected.put(emulator().mediaId("resume", Fields.file(i)), Fields.score(i));
        }
        assertThat(emulator().values("resume", "score")).isEqualTo(expected);
        assertThat(emulator().requestCount("declare") - declaresBefore).isEqualTo(1);

        try (VisualLayerSink sink = resumed.open()) {
            assertThat(sink.preflight(List.of(Fields.SCORE)).skippedFields()).isEqualTo(Map.of("score",
                    "Field 'score' was finished by an earlier run (COMPLETED); it is not sent again."));
        }
    }

    @Test
    void resumesAfterTheServerTookABatchTheStoppedRunLeftInDoubt() throws IOException {
        emulator().addDataset("killed", Fields.files(150));
        Requests first = requests("killed");
        first.batchSize = 50;
        emulator().setFaults(FaultPlan.builder().failNth("upload", 3, 400).build());
        try (VisualLayerSink sink = first.open()) {
            Fields.writeScores(sink.mediaResolver(), sink.openField(Fields.SCORE), 150);
        }
        emulator().setFaults(FaultPlan.none());
        // as a run killed while batch 2 was in flight leaves it: the server has 100 entries, the journal
        // the intent to send entries 50-99 and no outcome
        Journals.rewrite(state.resolve(Journal.fileName("killed", first.jobKey)), "score", field -> {
            var segments = field.segments().subList(0, 1);
            return new JournalState.Sending(field.taskId(), segments, new JournalState.Batch(2, 50, 50,
                    emulator().mediaId("killed", Fields.file(50)), emulator().mediaId("killed", Fields.file(99)),
                    "rows 52-101 of metadata.csv"));
        });

        Requests resumed = requests("killed");
        resumed.batchSize = 50;
        resumed.resume = true;
        long uploadsBefore = emulator().requestCount("upload");
        FieldOutcome completed;
        try (VisualLayerSink sink = resumed.open()) {
            MediaResolver resolver = sink.mediaResolver();
            sink.preflight(List.of(Fields.SCORE));
            completed = Fields.writeScores(resolver, sink.openField(Fields.SCORE), 150);
        }

        assertThat(resumed.log).contains("Field 'score': batch 2 (rows 52-101 of metadata.csv) was in flight when "
                + "the earlier run stopped; reading it back shows 50 of its 50 entries on the server.");
        assertThat(emulator().requestCount("upload") - uploadsBefore).isEqualTo(1);
        assertThat(completed).isEqualTo(new FieldOutcome("score", FieldOutcome.Status.COMPLETED, 150, 150, 0,
                List.of(), "Resumed: 50 entries had been accepted in an earlier run."));
        assertThat(emulator().values("killed", "score")).hasSize(150);
    }

    @Test
    void retriesServiceUnavailableBurstsSoEveryValueArrivesExactlyOnce() {
        emulator().addDataset("flaky", Fields.files(1_000));
        Requests requests = requests("flaky");
        requests.batchSize = 100;
        requests.options.put("retry-max-attempts", "12");
        emulator().setFaults(FaultPlan.builder().serviceUnavailableFraction(0.3).seed(11).build());

        FieldOutcome outcome;
        try (VisualLayerSink sink = requests.open()) {
            MediaResolver resolver = sink.mediaResolver();
            sink.preflight(List.of(Fields.SCORE));
            outcome = Fields.writeScores(resolver, sink.openField(Fields.SCORE), 1_000);
        }

        assertThat(requests.log).anyMatch(line -> line.contains(" got 503; retrying in "));
        assertThat(outcome).isEqualTo(new FieldOutcome("score", FieldOutcome.Status.COMPLETED, 1_000, 1_000, 0,
                List.of(), null));
        assertThat(emulator().values("flaky", "score")).hasSize(1_000);
    }

    @Test
    void waitsAsLongAsRetryAfterSaysWhenThrottled() {
        emulator().addDataset("throttled", Fields.files(10));
        Requests requests = requests("throttled");
        requests.batchSize = 5;
        requests.options.put("retry-max-delay-ms", "5000");
        requests.options.put("retry-max-attempts", "8");
        emulator().setFaults(FaultPlan.builder().tooManyRequests(0.4, 1).seed(3).build());

        FieldOutcome outcome;
        try (VisualLayerSink sink = requests.open()) {
            outcome = Fields.writeScores(sink.mediaResolver(), sink.openField(Fields.SCORE), 10);
        }

        assertThat(requests.log).anyMatch(line -> line.contains(" got 429; retrying in 1.0 s (attempt 2 of 8)."));
        assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.COMPLETED);
        assertThat(outcome.inserted()).isEqualTo(10);
        assertThat(emulator().values("throttled", "score")).hasSize(10);
    }

    @Test
    void namesAnUnknownDatasetInOneSentence() {
        try (VisualLayerSink sink = requests("missing").open()) {
            assertThatThrownBy(() -> sink.preflight(List.of(Fields.SCORE)))
                    .isInstanceOf(VlmetaException.class)
                    .hasMessageStartingWith("Dataset 'missing' was not found at " + emulator().baseUrl()
                            + " (404, dataset lookup); check --dataset-id and the base URL")
                    .extracting(e -> ((VlmetaException) e).code()).isEqualTo(ErrorCode.PRECONDITION);
        }
    }

    @Test
    void failsClearlyForAFieldWhoseDeclarationAnswerWasLostBecauseItsTaskCannotBeRecovered() throws IOException {
        emulator().addDataset("lost", List.of("a.jpg"));
        try (Relay relay = Relay.to(emulator().baseUrl())) {
            relay.loseAnswerOf("POST", "/custom_metadata/tasks", 1);
            Requests requests = requests("lost");
            requests.baseUrl = relay.baseUrl();

            FieldOutcome outcome;
            try (VisualLayerSink sink = requests.open()) {
                MediaResolver resolver = sink.mediaResolver();
                FieldWriter writer = sink.openField(Fields.SCORE);
                writer.write(Fields.entry(resolver, "a.jpg", BigDecimal.TEN, 2));
                outcome = writer.finish();
            }

            assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.FAILED);
            assertThat(outcome.message()).startsWith("Field 'score' was declared by this job (the journal ")
                    .contains("records the intent), but its answer was lost (")
                    .endsWith("the server does not tell which upload task that declaration opened, so nothing "
                            + "was sent for it: the field now exists empty in dataset 'lost' and, metadata being "
                            + "immutable, its values need a new field name.");
            assertThat(emulator().values("lost", "score")).isEmpty();

            Requests resumed = requests("lost");
            resumed.baseUrl = relay.baseUrl();
            resumed.resume = true;
            FieldOutcome again;
            try (VisualLayerSink sink = resumed.open()) {
                sink.mediaResolver();
                again = sink.openField(Fields.SCORE).finish();
            }
            // the same refusal, without blaming a stop the earlier run never had
            assertThat(again.status()).isEqualTo(FieldOutcome.Status.FAILED);
            assertThat(again.message()).contains("records the intent), but an earlier run of this input declared it "
                    + "and got no answer it could read (that run stopped, or the answer was lost), and the server "
                    + "does not tell which upload task").doesNotContain("the run before stopped");
            assertThat(relay.count("POST", "/custom_metadata/tasks")).isEqualTo(1);
        }
    }

    @Test
    void sendsABatchOnceWhenItsAnswerWasLostAfterTheServerTookIt() throws IOException {
        emulator().addDataset("lost-batch", Fields.files(30));
        try (Relay relay = Relay.to(emulator().baseUrl())) {
            relay.loseAnswerOf("POST", "/custom_metadata/tasks/", 2);
            Requests requests = requests("lost-batch");
            requests.baseUrl = relay.baseUrl();
            requests.batchSize = 10;

            FieldOutcome outcome;
            try (VisualLayerSink sink = requests.open()) {
                outcome = Fields.writeScores(sink.mediaResolver(), sink.openField(Fields.SCORE), 30);
            }

            assertThat(outcome).isEqualTo(new FieldOutcome("score", FieldOutcome.Status.COMPLETED, 30, 30, 0,
                    List.of(), null));
            assertThat(relay.count("POST", "/custom_metadata/tasks/")).isEqualTo(3);
            assertThat(emulator().values("lost-batch", "score")).hasSize(30);
        }
    }

    @Test
    void sendsNoAuthorizationHeaderOnPremises() throws IOException {
        emulator().addDataset("onprem", List.of("a.jpg"));
        try (Relay relay = Relay.to(emulator().baseUrl())) {
            Requests requests = requests("onprem");
            requests.baseUrl = relay.baseUrl() + "/api/v1/datasets/";

            try (VisualLayerSink sink = requests.open()) {
                MediaResolver resolver = sink.mediaResolver();
                sink.preflight(List.of(Fields.SCORE));
                FieldWriter writer = sink.openField(Fields.SCORE);
                writer.write(Fields.entry(resolver, "a.jpg", BigDecimal.TEN, 2));
                assertThat(writer.finish().status()).isEqualTo(FieldOutcome.Status.COMPLETED);
            }

            assertThat(relay.authorizationHeaders()).isEmpty();
            assertThat(relay.requests()).hasSizeGreaterThanOrEqualTo(5);
        }
    }
}

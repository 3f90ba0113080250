package io.vlmeta.sinks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.ReportPaths;
import io.vlmeta.api.Sink;
import io.vlmeta.api.SinkProvider;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.api.WriteTargets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportSinkTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final DryRunFixture fixture = new DryRunFixture();

    @TempDir
    Path dir;

    private JsonNode passingReport() throws IOException {
        try (Sink sink = DryRunFixture.open(fixture.request(dir.resolve("out/vlmeta-report.html")))) {
            fixture.passingRun(sink);
        }
        return mapper.readTree(dir.resolve("out/vlmeta-report.json").toFile());
    }

    @Test
    void isFoundByServiceLoaderUnderTheNameReport() {
        assertThat(ServiceLoader.load(SinkProvider.class).stream().map(ServiceLoader.Provider::get)
                .map(SinkProvider::name)).contains("report");
    }

    @Test
    void refusesAFinalDeclarationOfAnotherTypeThanTheFieldWasOpenedEarlyWith() {
        try (Sink sink = DryRunFixture.open(fixture.request(dir.resolve("r.html")))) {
            sink.openFieldEarly(FieldDeclaration.simple("kind", "text", "string"));

            assertThatThrownBy(() -> sink.openField(
                            new FieldDeclaration("kind", "text", "enum", false, List.of("a"))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("only enum options may be learned");
        }
    }

    @Test
    void writesTheJsonBesideTheHtmlWithTheSameBaseName() throws IOException {
        passingReport();

        assertThat(dir.resolve("out/vlmeta-report.html")).isRegularFile();
        assertThat(dir.resolve("out/vlmeta-report.json")).isRegularFile();
        assertThat(fixture.log).containsExactly("Report written: " + dir.resolve("out/vlmeta-report.html")
                + " (data: " + dir.resolve("out/vlmeta-report.json") + ")");
    }

    @Test
    void writesNothingWithoutAReportPath() throws IOException {
        try (Sink sink = DryRunFixture.open(fixture.request(null))) {
            fixture.passingRun(sink);
        }

        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThat(fixture.log).isEmpty();
    }

    @Test
    void sendsNothingAndSaysSoInEachFieldsOutcome() throws IOException {
        passingReport();

        assertThat(fixture.outcomes).hasSize(6).allSatisfy(outcome -> {
            assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.COMPLETED);
            assertThat(outcome.sent()).isEqualTo(12);
            assertThat(outcome.inserted()).isEqualTo(-1);
            assertThat(outcome.message()).isEqualTo("Dry run: 12 entries would be uploaded; nothing was sent.");
        });
    }

    @Test
    void jsonCarriesThePlanWithTheDeclarationsAsTheServerWouldReceiveThem() throws IOException {
        JsonNode report = passingReport();

        assertThat(report.get("dry_run").asBoolean()).isTrue();
        assertThat(report.get("gate_passed").asBoolean()).isTrue();
        assertThat(report.get("rows").asLong()).isEqualTo(12);
        assertThat(report.get("dataset_id").asText()).isEqualTo("ds-123");
        assertThat(report.get("generated_at").asText()).isEqualTo("2024-05-01T12:00:00Z");
        JsonNode fields = report.get("fields");
        assertThat(fields).hasSize(6);
        assertThat(fields.get(4).get("declaration").toString()).isEqualTo(
                "{\"field_name\":\"tags\",\"field_type\":\"enum\",\"enum_options\":[\"indoor\",\"outdoor\",\"street\"],"
                        + "\"is_multi\":true}");
        assertThat(fields.get(1).get("declaration").toString())
                .isEqualTo("{\"field_name\":\"score\",\"field_type\":\"float\"}");
        assertThat(fields.get(1).get("counts").toString())
                .isEqualTo("{\"values\":12,\"empty\":0,\"invalid\":0,\"unmatched\":0}");
        assertThat(fields.get(1).get("entries").asLong()).isEqualTo(12);
    }

    @Test
    void jsonKeepsTheFirstEntriesExactlyAsTheUploadWouldCarryThem() throws IOException {
        JsonNode score = passingReport().get("fields").get(1);

        assertThat(score.get("first_entries")).hasSize(12);
        assertThat(score.get("first_entries").get(0).toString())
                .isEqualTo("{\"media_id\":\"00000000-0000-4000-8000-000000000002\",\"value\":20}");
        // Row 4 wrote 0.1: the digits the user wrote, not a binary approximation.
        assertThat(score.get("first_entries").get(2).toString())
                .isEqualTo("{\"media_id\":\"00000000-0000-4000-8000-000000000004\",\"value\":0.1}");
        assertThat(score.get("first_entry_rows").get(0).asText()).isEqualTo("images/img2.jpg (metadata.csv row 2)");
    }

    @Test
    void keepsOnlyTheFirstTwentyEntriesOfALongField() {
        FieldRecorder recorder = new FieldRecorder(DryRunFixture.declarations().get(1));
        for (int row = 2; row < 10_002; row++) {
            recorder.write(new io.vlmeta.api.Entry(DryRunFixture.mediaId(row), new java.math.BigDecimal(row),
                    "k" + row, io.vlmeta.api.Location.of("big.csv", row)));
        }

        assertThat(recorder.entries()).isEqualTo(10_000);
        assertThat(recorder.firstEntries()).hasSize(FieldRecorder.FIRST_ENTRIES);
        assertThat(recorder.firstEntries().get(19).get("value")).isEqualTo(new java.math.BigDecimal(21));
    }

    @Test
    void jsonHoldsEachFieldsStatisticsByKind() throws IOException {
        JsonNode fields = passingReport().get("fields");

        assertThat(fields.get(0).get("statistics").get("kind").asText()).isEqualTo("text");
        JsonNode histogram = fields.get(1).get("statistics");
        assertThat(histogram.get("kind").asText()).isEqualTo("histogram");
        assertThat(histogram.get("min").asDouble()).isEqualTo(0.1);
        assertThat(histogram.get("max").asDouble()).isEqualTo(130.0);
        JsonNode timeline = fields.get(2).get("statistics");
        assertThat(timeline.get("kind").asText()).isEqualTo("timeline");
        assertThat(timeline.get("first").asText()).isEqualTo("2024-01-12T08:30:00Z");
        assertThat(timeline.get("last").asText()).isEqualTo("2024-01-23T08:30:00Z");
        assertThat(timeline.get("buckets")).hasSize(12);
        JsonNode lighting = fields.get(3).get("statistics");
        assertThat(lighting.get("top").toString()).isEqualTo(
                "[{\"label\":\"Sunny\",\"count\":7},{\"label\":\"Cloudy\",\"count\":4},{\"label\":\"<b>dusk</b>\",\"count\":1}]");
        assertThat(fields.get(5).get("statistics").get("top").get(0).toString())
                .isEqualTo("{\"label\":\"docs.example.com\",\"count\":12}");
    }

    @Test
    void neverWritesTheSecretOrTheCredentialsInTheBaseUrl() throws IOException {
        JsonNode report = passingReport();
        String json = Files.readString(dir.resolve("out/vlmeta-report.json"));
        String html = Files.readString(dir.resolve("out/vlmeta-report.html"));

        assertThat(report.get("base_url").asText()).isEqualTo("https://app.visual-layer.com/api/v1/datasets");
        assertThat(json + html).doesNotContain(DryRunFixture.SECRET).doesNotContain("pa55").doesNotContain("token=abc");
    }

    @Test
    void htmlEscapesEveryUserText() throws IOException {
        passingReport();
        String html = Files.readString(dir.resolve("out/vlmeta-report.html"));

        assertThat(html).doesNotContain("<script").doesNotContain("<b>dusk");
        assertThat(html).contains("&lt;b&gt;dusk&lt;/b&gt;");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more");
    }

    @Test
    void htmlReferencesNothingOutsideTheFile() throws IOException {
        passingReport();
        String html = Files.readString(dir.resolve("out/vlmeta-report.html"));

        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=")
                .doesNotContain("@import").doesNotContain("url(").doesNotContainPattern("href=\"(?!#)");
        assertThat(html).contains("@media print");
    }

    @Test
    void failedValidationStillGetsAReportWithEveryKeptProblemGroupedAndTheTotal() throws IOException {
        Path target = dir.resolve("failed.html");
        try (Sink sink = DryRunFixture.open(fixture.request(target))) {
            DryRunFixture.failingRun(sink);
        }
        JsonNode report = mapper.readTree(dir.resolve("failed.json").toFile());
        String html = Files.readString(target);

        assertThat(report.get("gate_passed").asBoolean()).isFalse();
        assertThat(report.get("error_count").asLong()).isEqualTo(5);
        assertThat(report.get("problems")).hasSize(3);
        assertThat(report.get("problems").get(0).get("text").asText())
                .isEqualTo("Row 5, field 'score': Invalid float value 'abc'. Must be a valid number.");
        assertThat(report.get("problems").get(0).get("row").asLong()).isEqualTo(5);
        assertThat(report.get("fields").get(0).get("opened").asBoolean()).isFalse();
        assertThat(report.get("fields").get(0).get("declaration").isNull()).isTrue();
        assertThat(html).contains("Validation failed: 5 errors. Nothing was uploaded.")
                .contains("5 errors and 0 warnings found; the first 3 are listed.")
                .contains("<h3>Validation Errors (2)</h3>").contains("<h3>Enum Constraint Errors (1)</h3>")
                .contains("Row 7, field &#39;score&#39;: Invalid float value &#39;NaN&#39;. Must be a finite number.");
    }

    @Test
    void unwritableReportPathIsOneClearUserError() throws IOException {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a folder");
        Path target = blocker.resolve("report.html");

        try (Sink sink = DryRunFixture.open(fixture.request(target))) {
            assertThatThrownBy(() -> DryRunFixture.failingRun(sink))
                    .isInstanceOfSatisfying(VlmetaException.class,
                            e -> assertThat(e.code()).isEqualTo(ReportSink.REPORT_UNWRITABLE))
                    .hasMessage("Cannot write the report to '" + target + "': it has " + blocker + " in its path,"
                            + " which is a file, not a folder; give --report a regular file, e.g. --report"
                            + " vlmeta-report.html.");
        }
    }

    @Test
    void theReportFilesGetTheUmasksPermissionsAsAnyNewFileDoesNotATemporaryFilesOwnerOnlyOnes()
            throws IOException {
        passingReport();

        Path ordinary = Files.createFile(dir.resolve("out/ordinary.txt"));
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(ordinary);
        assertThat(Files.getPosixFilePermissions(dir.resolve("out/vlmeta-report.html"))).isEqualTo(expected);
        assertThat(Files.getPosixFilePermissions(dir.resolve("out/vlmeta-report.json"))).isEqualTo(expected);
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }
    }

    @Test
    void rewritingAReportKeepsThePermissionsItsOwnerGaveIt() throws IOException {
        Path html = Files.createDirectories(dir.resolve("out")).resolve("vlmeta-report.html");
        Path json = dir.resolve("out/vlmeta-report.json");
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        for (Path file : List.of(html, json)) {
            Files.writeString(file, "the previous report");
            Files.setPosixFilePermissions(file, ownerOnly);
        }

        passingReport();

        assertThat(Files.getPosixFilePermissions(html)).isEqualTo(ownerOnly);
        assertThat(Files.getPosixFilePermissions(json)).isEqualTo(ownerOnly);
        assertThat(html).content().contains("<html");
    }

    @Test
    void aReportPathThatIsASymbolicLinkStaysOneAndTheFileItNamesGetsTheReport() throws IOException {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Path realHtml = Files.writeString(shared.resolve("latest.html"), "the previous report");
        Path out = Files.createDirectories(dir.resolve("out"));
        Path link = Files.createSymbolicLink(out.resolve("vlmeta-report.html"), realHtml);

        passingReport();

        assertThat(Files.isSymbolicLink(link)).as("still a link").isTrue();
        assertThat(realHtml).content().contains("<html");
        assertThat(out.resolve("vlmeta-report.json")).isRegularFile();
        try (var files = Files.list(shared)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("latest.html");
        }
    }

    @Test
    void aReportWhoseNameIsAsLongAsAFileNameMayBeIsWritten() throws IOException {
        // 250 bytes and ".html": a draft named after the report would pass the 255-byte limit
        String name = "r".repeat(250);
        Path html = dir.resolve(name + ".html");
        try (Sink sink = DryRunFixture.open(fixture.request(html))) {
            fixture.passingRun(sink);
        }

        assertThat(html).content().contains("<html");
        assertThat(dir.resolve(name + ".json")).isRegularFile();
    }

    @Test
    void aStopWhileTheReportIsRenderedLeavesThePreviousReportAndNoDraft() throws IOException {
        Path html = Files.writeString(dir.resolve("r.html"), "the previous report");
        Path json = Files.writeString(dir.resolve("r.json"), "{}");
        // asked once the sink is open, as a signal during the last stage would be
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        try (Sink sink = DryRunFixture.open(fixture.request(html, stop::get))) {
            stop.set(true);
            fixture.passingRun(sink);
        }

        assertThat(html).hasContent("the previous report");
        assertThat(json).hasContent("{}");
        assertThat(fixture.log).noneMatch(line -> line.startsWith("Report written"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("r.html", "r.json");
        }
    }

    @Test
    void aStoppedUploadsReportIsWrittenForItSaysWhatReachedTheServer() throws IOException {
        Path html = Files.writeString(dir.resolve("r.html"), "the previous report");
        try (Sink sink = DryRunFixture.open(fixture.request(html, Map.of("job-mode", "upload"), () -> true))) {
            fixture.passingRun(sink);
        }

        assertThat(html).content().contains("<html");
        assertThat(fixture.log).anyMatch(line -> line.startsWith("Report written"));
    }

    @Test
    void aReportThatCannotBeMovedInPlaceLeavesNeitherADraftNorAHalfWrittenFile() throws IOException {
        // report.html is a folder holding a file: the finished HTML cannot replace it
        Files.createDirectories(dir.resolve("report.html"));
        Files.writeString(dir.resolve("report.html").resolve("keep"), "x");
        Path target = dir.resolve("report.html");

        try (Sink sink = DryRunFixture.open(fixture.request(target))) {
            assertThatThrownBy(() -> DryRunFixture.failingRun(sink))
                    .hasMessageStartingWith("Cannot write the report to '" + target + "'");
        }

        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }
        assertThat(dir.resolve("report.html").resolve("keep")).hasContent("x");
    }

    @Test
    void aReportWhoseJsonSiblingIsAPipeIsRefusedBeforeEitherFileIsWrittenAndThePipeStays() throws Exception {
        Path html = dir.resolve("r.html");
        Path json = dir.resolve("r.json");
        assertThat(new ProcessBuilder("mkfifo", json.toString()).start().waitFor()).isZero();

        assertThatThrownBy(() -> new ReportPair().write(ReportPaths.at(html), "{}", "<html>"))
                .isInstanceOfSatisfying(VlmetaException.class,
                        e -> assertThat(e.code()).isEqualTo(ReportSink.REPORT_UNWRITABLE))
                .hasMessage("Cannot write the report to '" + json + "': it is a pipe; give --report a regular file, "
                        + "e.g. --report vlmeta-report.html.");

        assertThat(Files.exists(json)).isTrue();
        assertThat(Files.isRegularFile(json)).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("r.json");
        }
    }

    @Test
    void aReportIntoASystemFolderThroughALinkedFolderIsRefusedAndNothingIsMadeThere() throws Exception {
        Path system = Files.createDirectories(dir.toRealPath().resolve("dev"));
        Path devlink = Files.createSymbolicLink(dir.resolve("devlink"), system);
        ReportPair pair = new ReportPair(new WriteTargets(List.of(system), List.of()));

        assertThatThrownBy(() -> pair.write(ReportPaths.at(devlink.resolve("r.html")), "{}", "<html>"))
                .hasMessage("Cannot write the report to '" + devlink.resolve("r.html") + "': it leads to "
                        + system.resolve("r.html") + ", into " + system + ", where the system keeps its devices and "
                        + "standard streams; give --report a regular file, e.g. --report vlmeta-report.html.");
        try (var files = Files.list(system)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void bothFilesOfAReportNameTheRunTheyBelongTo() throws IOException {
        JsonNode report = passingReport();
        String page = Files.readString(dir.resolve("out/vlmeta-report.html"));

        assertThat(report.get("run_id").asText()).isEqualTo(DryRunFixture.RUN_ID);
        assertThat(page).contains("<meta name=\"vlmeta-run-id\" content=\"" + DryRunFixture.RUN_ID + "\">\n")
                .contains("<tr><th>Run ID</th><td>" + DryRunFixture.RUN_ID + "</td></tr>\n")
                .contains("<code>vlmeta-report.json</code> beside this file, if its <code>run_id</code> is "
                        + DryRunFixture.RUN_ID + "; another run ID means that file is another run's.");
    }

    @Test
    void aRunStoppedBetweenTheTwoMovesLeavesFilesThatNameDifferentRuns() throws IOException {
        Path html = dir.resolve("out/vlmeta-report.html");
        Path json = dir.resolve("out/vlmeta-report.json");
        try (Sink sink = DryRunFixture.open(fixture.request(html), "run-1", new ReportPair())) {
            fixture.passingRun(sink);
        }
        // the instant between the two moves, where a kill or a failed move of the HTML file ends a run
        ReportPair stoppedBetweenMoves = new ReportPair() {
            @Override
            void betweenMoves() {
                throw new IllegalStateException("stopped between the moves");
            }
        };

        try (Sink sink = DryRunFixture.open(new DryRunFixture().request(html), "run-2", stoppedBetweenMoves)) {
            assertThatThrownBy(() -> DryRunFixture.failingRun(sink)).hasMessage("stopped between the moves");
        }

        // the second run's data beside the first run's page, each whole and each naming its own run
        JsonNode data = mapper.readTree(json.toFile());
        assertThat(data.get("run_id").asText()).isEqualTo("run-2");
        assertThat(data.get("gate_passed").asBoolean()).isFalse();
        assertThat(data.get("error_count").asLong()).isEqualTo(5);
        String page = Files.readString(html);
        assertThat(page).contains("<meta name=\"vlmeta-run-id\" content=\"run-1\">\n")
                .contains("<tr><th>Run ID</th><td>run-1</td></tr>\n").contains("Validation passed: 12 rows")
                .doesNotContain("run-2").endsWith("</html>\n");
    }

    @Test
    void aRunIdIsAVersionFourUuidOfTheIetfVariantAndTwoRunsGetTwo() {
        java.util.UUID first = java.util.UUID.fromString(ReportSinkProvider.randomRunId());
        java.util.UUID second = java.util.UUID.fromString(ReportSinkProvider.randomRunId());

        assertThat(first.version()).isEqualTo(4);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first).isNotEqualTo(second);
    }
}

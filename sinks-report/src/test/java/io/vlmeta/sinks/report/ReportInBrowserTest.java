package io.vlmeta.sinks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vlmeta.api.Sink;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads real reports in a headless browser and checks what a person would see. */
class ReportInBrowserTest {
    /** Screenshots and PDFs are kept here for people to look at. */
    private static final Path ARTEFACTS = Path.of("target", "report-artefacts");

    @TempDir
    static Path dir;

    private static HeadlessChromium browser;
    private static Path passing;
    private static Path failing;
    private static Path validation;

    @BeforeAll
    static void writeReports() throws IOException {
        Optional<HeadlessChromium> found = HeadlessChromium.find(Files.createDirectories(dir.resolve("profile")));
        assumeTrue(found.isPresent(), "Skipped: no chromium binary on the PATH (apt-get install -y chromium)");
        browser = found.get();
        Files.createDirectories(ARTEFACTS);
        passing = ARTEFACTS.resolve("dry-run.html");
        failing = ARTEFACTS.resolve("validation-failed.html");
        DryRunFixture fixture = new DryRunFixture();
        try (Sink sink = DryRunFixture.open(fixture.request(passing))) {
            fixture.passingRun(sink);
        }
        try (Sink sink = DryRunFixture.open(fixture.request(failing))) {
            sink.invalidValues(java.util.List.of(new io.vlmeta.api.InvalidValues("score", 2, java.util.List.of(
                    new io.vlmeta.api.InvalidValues.Count("abc", 1), new io.vlmeta.api.InvalidValues.Count("n/a", 1)),
                    true)));
            DryRunFixture.failingRun(sink);
        }
        validation = ARTEFACTS.resolve("validation.html");
        try (Sink sink = DryRunFixture.open(fixture.validationRequest(validation))) {
            java.util.List<io.vlmeta.api.Coverage.Media> without = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                without.add(new io.vlmeta.api.Coverage.Media("images/unlabelled_" + i + ".jpg",
                        DryRunFixture.mediaId(100 + i)));
            }
            sink.coverage(new io.vlmeta.api.Coverage(15, 12, without));
            fixture.passingRun(sink);
        }
    }

    private static String text(String dom) {
        return dom.replaceAll("(?s)<style>.*?</style>", "").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    @Test
    void showsTheVerdictThePlanAndEveryFieldAsText() throws Exception {
        String dom = browser.dumpDom(passing);
        String visible = text(dom);

        assertThat(visible).contains("vlmeta dry-run report")
                .contains("Validation passed: 12 rows, 6 fields. Nothing was sent.")
                .contains("Dataset ID ds-123")
                .contains("tags multi-enum --multi-enum-fields enum, multi, 3 options 12 0 0 0 12")
                .contains("lighting (enum)").contains("12 entries would be uploaded.")
                .contains("from: 2024-01-12T08:30:00Z").contains("to: 2024-01-23T08:30:00Z")
                .contains("min: 0.1").contains("max: 130");
    }

    @Test
    void userTextStaysTextInTheBrowser() throws Exception {
        String dom = browser.dumpDom(passing);

        assertThat(dom).doesNotContain("<script").contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; more");
        assertThat(Pattern.compile("<b>dusk</b>").matcher(dom).find()).isFalse();
    }

    @Test
    void drawsOneChartPerEnumFloatDatetimeAndLinkField() throws Exception {
        String dom = browser.dumpDom(passing);

        Matcher charts = Pattern.compile("<svg[^>]*aria-label=\"([^\"]+)\"").matcher(dom);
        java.util.List<String> labels = new java.util.ArrayList<>();
        while (charts.find()) {
            labels.add(charts.group(1));
        }
        assertThat(labels).containsExactly("Histogram of score", "Timeline of captured_at",
                "Distribution of lighting", "Distribution of tags", "Distribution of doc_url");
    }

    @Test
    void screenshotShowsTheBarsInTheirColour() throws Exception {
        Path png = ARTEFACTS.resolve("dry-run.png");
        Files.deleteIfExists(png);

        browser.screenshot(passing, png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(2000);
        long barPixels = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == 0x3B6FD8) {
                    barPixels++;
                }
            }
        }
        assertThat(barPixels).as("pixels in the bar colour #3b6fd8").isGreaterThan(500);
    }

    @Test
    void failedValidationShowsItsProblemsGroupedWithTheTotal() throws Exception {
        String visible = text(browser.dumpDom(failing));
        browser.screenshot(failing, ARTEFACTS.resolve("validation-failed.png"));

        assertThat(visible).contains("Validation failed: 5 errors. Nothing was uploaded.")
                .contains("5 errors and 0 warnings found; the first 3 are listed.")
                .contains("Validation Errors (2)").contains("Enum Constraint Errors (1)")
                .contains("Row 5, field 'score': Invalid float value 'abc'. Must be a valid number.")
                .contains("Not declared: validation did not pass.");
        assertThat(ARTEFACTS.resolve("validation-failed.png")).isNotEmptyFile();
    }

    @Test
    void aValidationReportIsTitledSoShowsCoverageAndTheSameChartsWithoutABaseUrl() throws Exception {
        String dom = browser.dumpDom(validation);
        String visible = text(dom);
        browser.screenshot(validation, ARTEFACTS.resolve("validation.png"));

        assertThat(visible).contains("vlmeta validation report").doesNotContain("dry-run report")
                .doesNotContain("Base URL").doesNotContain("visual-layer.com")
                .contains("12 of 15 dataset media get at least one value; 3 get none.")
                .contains("images/unlabelled_2.jpg " + DryRunFixture.mediaId(102));
        assertThat(Pattern.compile("<svg[^>]*aria-label=").matcher(dom).results().count()).isEqualTo(5);
        assertThat(ARTEFACTS.resolve("validation.png")).isNotEmptyFile();
    }

    @Test
    void refusedValuesAreGroupedWithTheirCounts() throws Exception {
        String visible = text(browser.dumpDom(failing));

        assertThat(visible).contains("Refused values of score (2 values; the most frequent)")
                .contains("Value Count abc 1 n/a 1");
    }

    @Test
    void samplesShowEachPathWithItsMediaIdAndValue() throws Exception {
        String visible = text(browser.dumpDom(passing));

        assertThat(visible).contains("# Path (where) Media id Value")
                .containsPattern("1 \\S+ \\(metadata\\.csv row 2\\) " + DryRunFixture.mediaId(2) + " ");
    }

    @Test
    void printsToPdf() throws Exception {
        Path pdf = ARTEFACTS.resolve("dry-run.pdf");
        Files.deleteIfExists(pdf);

        browser.printToPdf(passing, pdf);

        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(bytes.length).isGreaterThan(10_000);
    }
}

package io.vlmeta.sources.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.Problem;
import io.vlmeta.api.RawValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sidecars as dcmtk 3.6.7's dcm2json writes them: the files of compressed images end with a comma before
 * the closing brace. That comma alone is forgiven, with one warning; every other malformed JSON stays an error.
 */
class Dcm2json367Test {
    private static final String WARNING_START = "Read %d sidecar%s ending with a comma before the closing brace, as dcmtk "
            + "3.6.7's dcm2json leaves the file of an image with compressed pixel data (it stops at PixelData (7FE0,0010), "
            + "which it cannot write inline); only that comma was ignored, and attributes after the pixel data, which "
            + "few files have, are not in these sidecars: ";
    private static final String PATIENT_NAME = "Yamada^Tarou=山田^太郎=やまだ^たろう";

    @TempDir
    Path dir;

    private static String warning(int count, String files) {
        return String.format(WARNING_START, count, count == 1 ? "" : "s") + files + ".";
    }

    @Test
    void readsTheFilesOfCompressedImagesAsTheUncompressedOneWithOneWarningNamingThem() {
        SourceRun run = SourceRun.of(Fixtures.dcmtk367(), Map.of("sidecar-glob", "*.dcm.json"));

        assertThat(run.keys()).containsExactly("ct1-rle-compact.dcm", "ct1-rle.dcm", "ct1-uncompressed.dcm",
                "ct2-jpeg-baseline.dcm");
        // the same image, compressed or not, gives the same values; only the pixel data is missing
        assertThat(run.displayed("ct1-rle.dcm")).isEqualTo(run.displayed("ct1-uncompressed.dcm"));
        assertThat(run.displayed("ct1-rle-compact.dcm")).isEqualTo(run.displayed("ct1-uncompressed.dcm"));
        assertThat(run.value("ct2-jpeg-baseline.dcm", "SOPInstanceUID")).isEqualTo(new RawValue.Text("1.2.826.0.1.3680043.10.1407.2"));
        assertThat(run.value("ct2-jpeg-baseline.dcm", "InstanceNumber")).isEqualTo(new RawValue.Number(new BigDecimal("2")));
        assertThat(run.value("ct1-rle.dcm", "SliceThickness")).isEqualTo(new RawValue.Number(new BigDecimal("1.25")));
        assertThat(run.problems()).filteredOn(Problem::isError).isEmpty();
        assertThat(run.renderedProblems()).containsOnlyOnce(
                warning(3, "ct1-rle-compact.dcm.json, ct1-rle.dcm.json, ct2-jpeg-baseline.dcm.json"));
        assertThat(run.renderedProblems()).filteredOn(p -> p.contains("dcm2json")).hasSize(1);
    }

    @Test
    void personNamesKeepDicomsOwnFormWithTheComponentGroupsJoinedByEquals() {
        SourceRun run = SourceRun.of(Fixtures.dcmtk367(), Map.of("sidecar-glob", "*.dcm.json"));

        for (String key : run.keys()) {
            assertThat(run.value(key, "PatientName")).as(key).isEqualTo(new RawValue.Text(PATIENT_NAME));
        }
    }

    @Test
    void manyFilesWithTheCommaAreOneWarningNamingTheFirstThreeAndCountingTheRest() throws IOException {
        for (String name : new String[] {"a", "b", "c", "d", "e"}) {
            Files.copy(Fixtures.dcmtk367().resolve("ct1-rle.dcm.json"), dir.resolve(name + ".dcm.json"));
        }

        SourceRun run = SourceRun.of(dir, Map.of());

        assertThat(run.keys()).hasSize(5);
        // dcm2json stopped before the pixel data, so no binary attribute is skipped either
        assertThat(run.renderedProblems()).containsExactly(warning(5, "a.dcm.json, b.dcm.json, c.dcm.json and 2 more"));
    }

    @Test
    void aCommaBeforeAnyOtherClosingBraceIsStillAnErrorWithLineAndColumn() throws IOException {
        Files.writeString(dir.resolve("good.json"), "{\"00080060\": {\"vr\": \"CS\", \"Value\": [\"CT\"]}}");
        Path inner = Files.writeString(dir.resolve("inner.json"), "{\"00080060\": {\"vr\": \"CS\", \"Value\": [\"CT\"],}}");
        Path twice = Files.writeString(dir.resolve("twice.json"), "{\"00080060\": {\"vr\": \"CS\", \"Value\": [\"CT\"]},,\n}");
        Path inArray = Files.writeString(dir.resolve("array.json"), "[{\"00080060\": {\"vr\": \"CS\", \"Value\": [\"CT\"]}},]");
        Path earlier = Files.writeString(dir.resolve("earlier.json"),
                "{\"00080060\": {\"vr\": \"CS\" \"Value\": [\"CT\"]},\n}");

        SourceRun run = SourceRun.of(dir, Map.of());

        assertThat(run.keys()).containsExactly("good");
        assertThat(run.renderedProblems()).containsExactly(
                "Row 1: Sidecar " + inArray + " is not valid JSON (line 1, column 46: Unexpected character (']' (code 93)): "
                        + "expected a value); a sidecar holds one JSON object.",
                "Row 1: Sidecar " + earlier + " is not valid JSON (line 1, column 26: Unexpected character ('\"' (code 34)): "
                        + "was expecting comma to separate Object entries); a sidecar holds one JSON object.",
                "Row 1: Sidecar " + inner + " is not valid JSON (line 1, column 43: Unexpected character ('}' (code 125)): "
                        + "was expecting double-quote to start field name); a sidecar holds one JSON object.",
                "Row 1: Sidecar " + twice + " is not valid JSON (line 1, column 44: Unexpected character (',' (code 44)): "
                        + "was expecting double-quote to start field name); a sidecar holds one JSON object.");
    }

    @Test
    void theCommaIsAnErrorInSidecarsDcm2jsonDoesNotWrite() throws IOException {
        Files.writeString(dir.resolve("good.json"), "{\"Modality\": \"CT\"}");
        Path flat = Files.writeString(dir.resolve("flat.json"), "{\"Modality\": \"MR\",\n}");

        SourceRun run = SourceRun.of(dir, Map.of());

        assertThat(run.keys()).containsExactly("good");
        assertThat(run.renderedProblems()).containsExactly("Row 1: Sidecar " + flat + " is not valid JSON (line 2, column 1: "
                + "Unexpected character ('}' (code 125)): was expecting double-quote to start field name); "
                + "a sidecar holds one JSON object.");
    }

    @Test
    void pixelDataInlineLongerThanTheParserReadsAsOneStringIsSkippedLikeAnyBinaryValue() throws IOException {
        String original = Files.readString(Fixtures.dcmtk367().resolve("ct1-uncompressed.dcm.json"));
        String pixels = "\"InlineBinary\": \"ABAgMEBQYHCAkKCwwNDg8Q==\"";
        assertThat(original).contains(pixels);
        // a large multi-frame image: more base64 than the parser's 20,000,000-character limit for one string
        Files.writeString(dir.resolve("large.dcm.json"), original.replace(pixels,
                "\"InlineBinary\": \"" + "AAAA".repeat(6_000_000) + "\""));
        Files.writeString(dir.resolve("small.dcm.json"), original);

        SourceRun run = SourceRun.of(dir, Map.of());

        assertThat(run.keys()).containsExactly("large.dcm", "small.dcm");
        assertThat(run.displayed("large.dcm")).isEqualTo(run.displayed("small.dcm"));
        assertThat(run.renderedProblems()).containsExactly("Skipped 1 DICOM attribute holding sequences or binary data, "
                + "which metadata fields cannot carry: PixelData (7FE0,0010) OB.");
    }

    @Test
    void theCommaIsFoundAndIgnoredFarIntoALargeFile() throws IOException {
        String rle = Files.readString(Fixtures.dcmtk367().resolve("ct1-rle.dcm.json"));
        String manufacturer = "Example Medical " + "x".repeat(100_000);
        assertThat(rle).contains("\"Example Medical\"");
        Files.writeString(dir.resolve("large.dcm.json"), rle.replace("\"Example Medical\"", "\"" + manufacturer + "\""));

        SourceRun run = SourceRun.of(dir, Map.of());

        assertThat(run.value("large.dcm", "Manufacturer")).isEqualTo(new RawValue.Text(manufacturer));
        assertThat(run.value("large.dcm", "Rows")).isEqualTo(new RawValue.Number(new BigDecimal("4")));
        assertThat(run.renderedProblems()).containsExactly(warning(1, "large.dcm.json"));
    }
}

package io.vlmeta.sources.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.SourceRequest;
import io.vlmeta.api.VlmetaException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DICOMweb metadata responses (PS3.18 section F.2: a JSON array of datasets keyed by tag) as sidecars: one
 * instance is that image; several are refused unless option sidecar-key names the attribute keying each.
 */
class DicomwebResponseTest {
    private static final String UID = "1.2.826.0.1.3680043.10.1407.";
    private static final Path SERIES = Fixtures.dcmtk367().resolve("dicomweb-series.json");

    @TempDir
    Path dir;

    private Path copySeries(String relative) throws IOException {
        Path target = dir.resolve(relative);
        Files.createDirectories(target.getParent());
        return Files.copy(SERIES, target);
    }

    private VlmetaException openFails(Path input, Map<String, String> options) {
        return catchThrowableOfType(VlmetaException.class,
                () -> new DicomSidecarSourceProvider().open(new SourceRequest(input, null, options), ProblemReporter.DISCARD));
    }

    @Test
    void aResponseHoldingOneInstanceIsThatImage() throws IOException {
        String instance = Files.readString(Fixtures.dcmtk367().resolve("ct1-uncompressed.dcm.json"));
        Files.writeString(dir.resolve("ct1.dcm.json"), "[" + instance + "]");

        SourceRun run = SourceRun.of(dir, Map.of());

        assertThat(run.keys()).containsExactly("ct1.dcm");
        assertThat(run.value("ct1.dcm", "SOPInstanceUID")).isEqualTo(new RawValue.Text(UID + "1"));
        assertThat(run.value("ct1.dcm", "PatientName")).isEqualTo(new RawValue.Text("Yamada^Tarou=山田^太郎=やまだ^たろう"));
        assertThat(run.record("ct1.dcm").location().row()).isEqualTo(1);
    }

    @Test
    void aResponseHoldingSeveralInstancesIsRefusedSayingHowManyAndHowToKeyThem() throws IOException {
        Files.copy(Fixtures.dcmtk367().resolve("ct1-uncompressed.dcm.json"), dir.resolve("ct1.dcm.json"));
        Path series = copySeries("series.json");

        SourceRun run = SourceRun.of(dir, Map.of());

        assertThat(run.keys()).containsExactly("ct1.dcm");
        assertThat(run.renderedProblems()).contains("Row 1: Sidecar " + series + " cannot be read: it is a DICOMweb metadata "
                + "response holding 3 instances, but one sidecar describes one image; set --source-option "
                + "sidecar-key=SOPInstanceUID (or another attribute) to read each instance as the image that attribute names.");
    }

    @Test
    void sidecarKeyReadsEachInstanceAsTheImageItsAttributeNamesInTheSidecarsFolder() throws IOException {
        copySeries("study-1/series.json");

        SourceRun run = SourceRun.of(dir, Map.of("sidecar-key", "SOPInstanceUID"));

        assertThat(run.keys()).containsExactly("study-1/" + UID + "1", "study-1/" + UID + "2", "study-1/" + UID + "3");
        for (int n = 1; n <= 3; n++) {
            String key = "study-1/" + UID + n;
            assertThat(run.value(key, "InstanceNumber")).isEqualTo(new RawValue.Number(new BigDecimal(n)));
            assertThat(run.value(key, "PatientID")).isEqualTo(new RawValue.Text("ANON-000" + n));
            // row n is the n-th instance of the array, so a problem with a value points at it
            assertThat(run.record(key).location().row()).isEqualTo(n);
        }
        assertThat(run.problems()).noneMatch(p -> p.isError());
    }

    @Test
    void sidecarKeyTakesAKeywordOrATagInEitherSpelling() throws IOException {
        copySeries("series.json");
        List<String> expected = List.of(UID + "1", UID + "2", UID + "3");

        for (String spelling : List.of("SOPInstanceUID", "00080018", "(0008,0018)", "0008,0018", " 00080018 ")) {
            assertThat(SourceRun.of(dir, Map.of("sidecar-key", spelling)).keys()).as(spelling).isEqualTo(expected);
        }
    }

    @Test
    void sidecarKeyAlsoNamesTheImageOfASidecarHoldingOneObject() throws IOException {
        Files.copy(Fixtures.dcmtk367().resolve("ct2-jpeg-baseline.dcm.json"), dir.resolve("x.json"));

        SourceRun run = SourceRun.of(dir, Map.of("sidecar-key", "SOPInstanceUID"));

        assertThat(run.keys()).containsExactly(UID + "2");
    }

    @Test
    void anInstanceWithoutTheKeyIsAnErrorNamingItsNumberAndTheOthersStillCount() throws IOException {
        String body = Files.readString(SERIES).replaceFirst("\"00080018\"", "\"00080019\"");
        Path series = Files.writeString(dir.resolve("series.json"), body);

        SourceRun run = SourceRun.of(dir, Map.of("sidecar-key", "SOPInstanceUID"));

        assertThat(run.keys()).containsExactly(UID + "2", UID + "3");
        assertThat(run.renderedProblems()).contains("Row 1: Sidecar " + series + ", instance 1 of 3, cannot be read: it has no "
                + "SOPInstanceUID (0008,0018) to name its image by (option sidecar-key).");
    }

    @Test
    void aKeyAttributeWithSeveralValuesOrNoneIsRefused() throws IOException {
        Path many = Files.writeString(dir.resolve("many.json"), "[{\"00080008\": {\"vr\": \"CS\", \"Value\": [\"ORIGINAL\", \"PRIMARY\"]}}]");
        Path empty = Files.writeString(dir.resolve("none.json"), "[{\"00080008\": {\"vr\": \"CS\"}}]");

        VlmetaException failure = openFails(dir, Map.of("sidecar-key", "ImageType"));

        assertThat(failure).hasMessage("None of the 2 sidecars matching '*.json' in " + dir + " could be read; the first reasons:"
                + "\n  - Sidecar " + many + ", instance 1 of 1, cannot be read: its ImageType (0008,0008) holds 2 values; "
                + "option sidecar-key needs an attribute with one value per image."
                + "\n  - Sidecar " + empty + ", instance 1 of 1, cannot be read: its ImageType (0008,0008) is empty, so it "
                + "names no image (option sidecar-key).");
    }

    @Test
    void anArrayOfSomethingOtherThanDatasetsIsRefused() throws IOException {
        Files.writeString(dir.resolve("good.json"), "{\"00080060\": {\"vr\": \"CS\", \"Value\": [\"CT\"]}}");
        Path numbers = Files.writeString(dir.resolve("numbers.json"), "[1]");

        SourceRun run = SourceRun.of(dir, Map.of());

        assertThat(run.renderedProblems()).containsExactly("Row 1: Sidecar " + numbers + " cannot be read: instance 1 of 1 "
                + "of its JSON array is a JSON number, not a dataset object keyed by tag.");
    }

    @Test
    void refusesASidecarKeyThatIsNeitherKeywordNorTag() {
        assertThat(openFails(Fixtures.dcmtk367(), Map.of("sidecar-key", "SopInstanceUid")))
                .hasMessage("Option sidecar-key 'SopInstanceUid' is neither a DICOM keyword such as SOPInstanceUID nor a tag "
                        + "such as 00080018 or (0008,0018).")
                .extracting(VlmetaException::code).isEqualTo(ErrorCode.USAGE);
    }

    @Test
    void refusesASidecarKeyForTheConverterCsvWhichNamesImagesInAColumn() {
        assertThat(openFails(Fixtures.converterCsv(), Map.of("sidecar-key", "SOPInstanceUID")))
                .hasMessage("Option sidecar-key names the image of each dataset in a folder of sidecars; the converter's CSV "
                        + "names it in a column (image_filename, or the one --path-column names).")
                .extracting(VlmetaException::code).isEqualTo(ErrorCode.USAGE);
    }

    @Test
    void sidecarKeyIsAnOptionTheSourceDeclares() {
        assertThat(new DicomSidecarSourceProvider().optionNames()).hasValueSatisfying(names -> assertThat(names).contains("sidecar-key"));
    }

    @Test
    void aResponseWhoseInstancesAllLackTheKeyIsTheOnlySidecarAndNotReadable() throws IOException {
        Path series = Files.writeString(dir.resolve("series.json"), Files.readString(SERIES).replace("\"00080018\"", "\"00080019\""));

        VlmetaException failure = openFails(dir, Map.of("sidecar-key", "SOPInstanceUID"));

        String reason = "it has no SOPInstanceUID (0008,0018) to name its image by (option sidecar-key).";
        assertThat(failure).hasMessage("The only sidecar matching '*.json' in " + dir + " could not be read; the first reasons:"
                + "\n  - Sidecar " + series + ", instance 1 of 3, cannot be read: " + reason
                + "\n  - Sidecar " + series + ", instance 2 of 3, cannot be read: " + reason
                + "\n  - Sidecar " + series + ", instance 3 of 3, cannot be read: " + reason);
        assertThat(failure.code()).isEqualTo(ErrorCode.INPUT_MALFORMED);
    }
}

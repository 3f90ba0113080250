package io.vlmeta.sources.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.SourceRequest;
import io.vlmeta.api.VlmetaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detection, forcing and the errors users get for inputs and options this source cannot take. */
class DicomSidecarSourceProviderTest {
    private final DicomSidecarSourceProvider provider = new DicomSidecarSourceProvider();

    @TempDir
    Path dir;

    private VlmetaException openFails(Path path, Map<String, String> options) {
        return (VlmetaException) org.assertj.core.api.Assertions.catchThrowable(
                () -> provider.open(new SourceRequest(path, null, options), ProblemReporter.DISCARD));
    }

    @Test
    void isFoundByServiceLoaderUnderItsName() {
        assertThat(ServiceLoader.load(io.vlmeta.api.SourceProvider.class).stream().map(p -> p.get().name()))
                .contains("dicom-sidecar");
    }

    @Test
    void scoresFoldersOfJsonSidecarsAndTheConverterCsvByContent() throws IOException {
        Path otherCsv = Files.writeString(dir.resolve("other.csv"), "file_fullpath,label\na.jpg,x\n");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path text = Files.writeString(dir.resolve("notes.txt"), "image_filename\n");

        assertThat(provider.score(Fixtures.jsonModelDcmtk())).isEqualTo(20);
        assertThat(provider.score(Fixtures.flat())).isEqualTo(20);
        assertThat(provider.score(Fixtures.converterCsv())).isEqualTo(20);
        assertThat(provider.score(otherCsv)).isZero();
        assertThat(provider.score(empty)).isZero();
        assertThat(provider.score(text)).isZero();
        assertThat(provider.score(dir.resolve("missing"))).isZero();
    }

    @Test
    void namesTheSidecarsItReadsAsTheInputsContentNotTheImagesBesideThem() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("study"));
        Files.writeString(folder.resolve("b.json"), "{\"Modality\": \"MR\"}");
        Files.writeString(folder.resolve("a.json"), "{\"Modality\": \"CT\"}");
        Files.writeString(folder.resolve("a.nii"), "image bytes, never read");
        Files.writeString(Files.createDirectories(folder.resolve("series")).resolve("c.json"), "{}");
        Files.writeString(folder.resolve(".hidden.json"), "{}");
        Files.writeString(folder.resolve("a.txt"), "{}");

        assertThat(provider.contentFiles(new SourceRequest(folder, null, Map.of())))
                .containsExactly(folder.resolve("a.json"), folder.resolve("b.json"), folder.resolve("series/c.json"));
        assertThat(provider.contentFiles(new SourceRequest(folder, null, Map.of("sidecar-glob", "*.txt"))))
                .containsExactly(folder.resolve("a.txt"));
        assertThat(provider.contentFiles(new SourceRequest(Fixtures.converterCsv(), null, Map.of())))
                .containsExactly(Fixtures.converterCsv());
    }

    @Test
    void detectsEachSidecarKindFromItsContentInOneFolder() throws IOException {
        Files.writeString(dir.resolve("a.json"), "{\"00080060\": {\"vr\": \"CS\", \"Value\": [\"CT\"]}}");
        Files.writeString(dir.resolve("b.json"), "{\"Modality\": \"MR\", \"EchoTime\": 0.24}");

        SourceRun run = SourceRun.of(dir, Map.of());

        assertThat(run.value("a", "Modality")).isEqualTo(new RawValue.Text("CT"));
        assertThat(run.value("b", "Modality")).isEqualTo(new RawValue.Text("MR"));
        assertThat(run.value("b", "EchoTime")).isEqualTo(new RawValue.Number(new java.math.BigDecimal("0.24")));
    }

    @Test
    void forcingJsonModelRefusesFlatSidecarsNamingEachFile() throws IOException {
        Files.writeString(dir.resolve("a.json"), "{\"00080060\": {\"vr\": \"CS\", \"Value\": [\"CT\"]}}");
        Path flat = Files.writeString(dir.resolve("b.json"), "{\"Modality\": \"MR\"}");

        SourceRun run = SourceRun.of(dir, Map.of("sidecar-format", "json-model"));

        assertThat(run.keys()).containsExactly("a");
        assertThat(run.renderedProblems()).containsExactly("Row 1: Sidecar " + flat + " cannot be read: attribute key 'Modality' "
                + "is not a tag of eight hex digits like \"00080020\" (use sidecar-format=flat for keyword sidecars).");
    }

    @Test
    void forcingFlatReadsTagKeyedObjectsAsNestedValuesAndSkipsThem() throws IOException {
        Files.writeString(dir.resolve("a.json"), "{\"00080060\": {\"vr\": \"CS\", \"Value\": [\"CT\"]}, \"Modality\": \"CT\"}");

        SourceRun run = SourceRun.of(dir, Map.of("sidecar-format", "flat"));

        assertThat(run.columnNames()).containsExactly("Modality");
        assertThat(run.renderedProblems()).containsExactly("Skipped 1 DICOM attribute holding sequences or binary data, "
                + "which metadata fields cannot carry: 00080060 (JSON object).");
    }

    @Test
    void forcingConverterCsvReadsACsvWithAnotherExtension() throws IOException {
        Path export = Files.writeString(dir.resolve("export.txt"), "image_filename,modality,rows\na.jpg,CT,512\n");

        SourceRun run = SourceRun.of(export, Map.of("sidecar-format", "converter-csv"));

        assertThat(run.value("a.jpg", "modality")).isEqualTo(new RawValue.Text("CT"));
        assertThat(run.value("a.jpg", "rows")).isEqualTo(new RawValue.Number(new java.math.BigDecimal("512")));
    }

    @Test
    void refusesFormatsThatDoNotFitThePath() throws IOException {
        Path text = Files.writeString(dir.resolve("x.json"), "{}");

        assertThat(openFails(dir, Map.of("sidecar-format", "converter-csv")))
                .hasMessage("Option sidecar-format=converter-csv needs the converter's CSV file, but " + dir + " is a folder.")
                .extracting(VlmetaException::code).isEqualTo(ErrorCode.USAGE);
        assertThat(openFails(Fixtures.converterCsv(), Map.of("sidecar-format", "flat")))
                .hasMessage("The dicom-sidecar source reads a folder of sidecars or the DICOM converter's CSV; "
                        + Fixtures.converterCsv() + " is a file, and sidecar-format=flat needs a folder.");
        assertThat(openFails(text, Map.of()))
                .hasMessage("The dicom-sidecar source reads a folder of sidecars or the DICOM converter's CSV; " + text + " is a file.");
    }

    @Test
    void refusesUnknownOptionValuesSayingWhatIsAcceptedWithoutShowingTheWordGiven() {
        assertThat(openFails(Fixtures.flat(), Map.of("sidecar-format", "bids")))
                .hasMessage("Option sidecar-format takes one of json-model, flat, converter-csv; the value given is not one.")
                .extracting(VlmetaException::code).isEqualTo(ErrorCode.USAGE);
        assertThat(openFails(Fixtures.flat(), Map.of("field-names", "camel")))
                .hasMessage("Option field-names takes keyword or snake; the value given is neither.");
        assertThat(openFails(Fixtures.flat(), Map.of("combine-date-time", "maybe")))
                .hasMessage("Option combine-date-time takes true or false; the value given is neither.");
        assertThat(openFails(Fixtures.flat(), Map.of("sidecar-glob", "*.{json")))
                .hasMessage("Option sidecar-glob '*.{json' is not a valid glob pattern such as *.json.");
    }

    @Test
    void aLinkToAMissingSidecarFolderIsSaidToBeOneNamingWhereItPoints() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("sidecars"), dir.resolve("gone"));

        assertThat(openFails(link, Map.of())).hasMessage(link + " is a symbolic link to " + dir.resolve("gone")
                + ", which does not exist.").extracting(VlmetaException::code).isEqualTo(ErrorCode.INPUT_UNREADABLE);
    }

    @Test
    void refusesMissingInputsAndFoldersWithoutSidecars() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "x");

        assertThat(openFails(dir.resolve("nowhere"), Map.of()))
                .hasMessage(dir.resolve("nowhere") + " does not exist.")
                .extracting(VlmetaException::code).isEqualTo(ErrorCode.INPUT_UNREADABLE);
        assertThat(openFails(dir, Map.of()))
                .hasMessage("Folder " + dir + " holds no sidecar files matching '*.json'; set sidecar-glob to match them.")
                .extracting(VlmetaException::code).isEqualTo(ErrorCode.INPUT_MALFORMED);
    }

    @Test
    void converterCsvWithoutItsKeyColumnIsRefusedNamingTheColumnsItHas() throws IOException {
        Path csv = Files.writeString(dir.resolve("meta.csv"), "file_fullpath,modality\na.jpg,CT\n");

        assertThatThrownBy(() -> provider.open(new SourceRequest(csv, null, Map.of()), ProblemReporter.DISCARD))
                .isInstanceOf(VlmetaException.class)
                .hasMessage("File " + csv + " has no 'image_filename' column naming each image; its columns are: file_fullpath, modality.");
        SourceRun byPathColumn = SourceRun.of(csv, "file_fullpath", Map.of());
        assertThat(byPathColumn.keys()).containsExactly("a.jpg");
    }

    @Test
    void converterRowsWithoutAnImageOrWithTheWrongCellCountAreReportedAndSkipped() throws IOException {
        Path csv = Files.writeString(dir.resolve("meta.csv"), "\uFEFFimage_filename,modality\n,CT\nb.jpg,MR,extra\nc.jpg,OT\n");

        SourceRun run = SourceRun.of(csv, Map.of());

        assertThat(run.keys()).containsExactly("c.jpg");
        assertThat(run.renderedProblems()).containsExactly(
                "Row 2, field 'image_filename': Empty image_filename; every row must name the image it describes.",
                "Row 3: Has 3 cells but the header has 2 columns; the row is skipped.");
        assertThat(run.record("c.jpg").location().describe()).isEqualTo(csv + " row 4");
    }
}

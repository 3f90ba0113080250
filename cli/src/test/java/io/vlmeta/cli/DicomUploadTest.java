package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * DICOM metadata (the converter's CSV, folders of DICOM JSON sidecars) through the command line to the
 * emulator: typed from the VRs, checked against what pydicom read from the source files, and kept
 * from a non-local server when it identifies patients.
 */
class DicomUploadTest {
    private static final Path CONVERTER_CSV = SharedFixtures.DICOM.resolve("converter-csv/dicom_metadata.csv");
    private static final Path PYDICOM = SharedFixtures.DICOM.resolve("json-model-pydicom");
    private static final JsonNode EXPECTED = SharedFixtures.json(SharedFixtures.DICOM.resolve("expected.json"));
    private static final String REMOTE = "https://vl.example.invalid";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    private CliRun upload(String baseUrl, String dataset, Path input, String... extra) {
        List<String> args = new ArrayList<>(List.of("upload", "--input", input.toString(), "--dataset-id", dataset,
                "--base-url", baseUrl, "--state-dir", dir.resolve("state").toString(),
                "--sink-option", "poll-interval-ms=20"));
        args.addAll(List.of(extra));
        return CliRun.of(Map.of(), dir, args.toArray(String[]::new));
    }

    /** The fixture's export with the media ids the emulator gave the same file names in {@code dataset}. */
    private Path exportOf(String dataset) throws IOException {
        List<String> lines = Files.readAllLines(SharedFixtures.DICOM.resolve("export_media_id.csv"),
                StandardCharsets.UTF_8);
        List<String> filenames = lines.stream().skip(1).filter(line -> !line.isBlank())
                .map(line -> line.substring(0, line.indexOf(','))).toList();
        EMULATOR.emulator().addDataset(dataset, filenames);
        List<String> export = new ArrayList<>(List.of(lines.get(0)));
        filenames.forEach(name -> export.add(name + "," + EMULATOR.emulator().mediaId(dataset, name)));
        return Files.write(dir.resolve(dataset + "-export.csv"), export, StandardCharsets.UTF_8);
    }

    /** A dataset holding each sidecar's image under its .jpg name. */
    private static void addSidecarDataset(String dataset) throws IOException {
        try (Stream<Path> files = Files.list(PYDICOM)) {
            EMULATOR.emulator().addDataset(dataset, files.map(f -> "scans/" + stem(f) + ".jpg").sorted().toList());
        }
    }

    private static String stem(Path sidecar) {
        return sidecar.getFileName().toString().replace(".dcm.json", "");
    }

    /** @return what pydicom read for {@code keyword} from every source file, by the image's media id */
    private static Map<String, Object> expected(String keyword, boolean number, String dataset,
                                                UnaryOperator<String> file) {
        Map<String, Object> values = new HashMap<>();
        EXPECTED.fields().forEachRemaining(image -> {
            JsonNode value = image.getValue().get(keyword);
            if (value != null) {
                values.put(EMULATOR.emulator().mediaId(dataset, file.apply(image.getKey())),
                        number ? new BigDecimal(value.asText()) : value.asText());
            }
        });
        return values;
    }

    private static Map<String, Object> stored(String dataset, String field) {
        return EMULATOR.emulator().values(dataset, field);
    }

    @Test
    void uploadsTheConvertersCsvTypedFromTheVrsThroughAnOfflineExport() throws IOException {
        Path export = exportOf("converted");
        long exportsBefore = EMULATOR.emulator().requestCount("export");

        CliRun run = upload(EMULATOR.emulator().baseUrl(), "converted", CONVERTER_CSV, "--export-file",
                export.toString(), "--infer");

        assertThat(run.exitCode()).as(run.both()).isZero();
        String plan = run.out().substring(0, run.out().indexOf("Reading media ID mapping from the export file..."));
        assertThat(plan).contains("   modality: enum (from the source: CS (0008,0060))\n",
                "   study_date: datetime (from the source: DA (0008,0020))\n",
                "   rows: float (from the source: US (0028,0010))\n",
                "   image_type: multi-enum (from the source: CS (0008,0008))\n");
        assertThat(run.out()).contains("Media mapping: export file " + export + " (12 media, matched by path)\n")
                .contains("Mapped 12 of 12 files\n")
                .contains("Field 'patient_birth_date' has no values to upload, so it is not declared");
        // mapped with the file; the dataset's own export is read once, to check the file against it
        assertThat(EMULATOR.emulator().requestCount("export")).isEqualTo(exportsBefore + 1);
        assertThat(run.out()).contains("Checking the export file against the dataset's own export...\n");
        UnaryOperator<String> jpg = stem -> "series-00000_" + stem + ".jpg";
        assertThat(stored("converted", "modality")).isEqualTo(expected("Modality", false, "converted", jpg));
        assertThat(stored("converted", "patient_id")).isEqualTo(expected("PatientID", false, "converted", jpg));
        assertThat(stored("converted", "rows")).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(expected("Rows", true, "converted", jpg));
        String ct = EMULATOR.emulator().mediaId("converted", jpg.apply("CT_small"));
        assertThat(stored("converted", "study_date").get(ct)).isEqualTo("2004-01-19T00:00:00Z");
        assertThat(stored("converted", "image_type").get(ct)).isEqualTo(List.of("ORIGINAL", "PRIMARY", "AXIAL"));
        assertThat(EMULATOR.emulator().schema("converted")).extracting(field -> field.get("field_name"))
                .doesNotContain("patient_birth_date");
    }

    @Test
    void refusesAnExportFileWhoseMediaIdsAreNotTheDatasetsBeforeDeclaringAnyField() throws IOException {
        Path foreignExport = SharedFixtures.DICOM.resolve("export_media_id.csv");
        List<String> filenames = Files.readAllLines(foreignExport, StandardCharsets.UTF_8).stream().skip(1)
                .filter(line -> !line.isBlank()).map(line -> line.substring(0, line.indexOf(','))).toList();
        EMULATOR.emulator().addDataset("reuploaded", filenames);
        long declaresBefore = EMULATOR.emulator().requestCount("declare");

        CliRun run = upload(EMULATOR.emulator().baseUrl(), "reuploaded", CONVERTER_CSV, "--export-file",
                foreignExport.toString(), "--infer");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        assertThat(run.out()).contains("Mapped 12 of 12 files\n")
                .contains("The export file " + foreignExport + " does not match dataset 'reuploaded': 12 of its 12 "
                        + "media are not in the dataset's own export with the same file name and media id (e.g. ")
                .contains("Coverage: 12 of 12 dataset media would get a value from this input (nothing was sent).\n")
                .endsWith("The checks against the dataset failed: nothing was uploaded. Fix the problems above and "
                        + "run again.\n");
        assertThat(EMULATOR.emulator().requestCount("declare")).isEqualTo(declaresBefore);
        assertThat(EMULATOR.emulator().schema("reuploaded")).isEmpty();
    }

    @Test
    void validatesTheConvertersCsvOfflineAgainstTheDatasetsExportFile() {
        Path export = SharedFixtures.DICOM.resolve("export_media_id.csv");

        CliRun run = CliRun.of(Map.of(), dir, "validate", "--input", CONVERTER_CSV.toString(), "--export-file",
                export.toString(), "--infer", "--report", dir.resolve("check.html").toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("Reading media ID mapping from the export file...\nMedia mapping: export file "
                        + export + " (12 media, matched by path)\nValidating metadata...\nMapped 12 of 12 files\n")
                .doesNotContain("Fetching")
                .contains("  - Field 'patient_birth_date' has no values to upload, so it is not declared (a field "
                        + "cannot be removed once created).\n")
                .endsWith("Validation complete: nothing was sent.\nReady to upload: 31/32 fields\n");
    }

    @Test
    void uploadsASidecarFolderMatchedByStemLeavingPatientDataOut() throws IOException {
        addSidecarDataset("sidecars");

        CliRun run = upload(EMULATOR.emulator().baseUrl(), "sidecars", PYDICOM, "--infer", "--match-by", "stem",
                "--drop-phi");

        assertThat(run.exitCode()).as(run.both()).isZero();
        String plan = run.out().substring(0, run.out().indexOf("Fetching media ID mapping..."));
        assertThat(plan).contains("   Modality: enum (from the source: CS (0008,0060))\n",
                "   Rows: float (from the source: US (0028,0010))\n",
                "   SliceThickness: float (from the source: DS (0018,0050))\n");
        assertThat(run.out()).contains("Mapped 12 of 12 files\n");
        // one line naming eight of the columns and counting the rest; the plan lists each one left out
        assertThat(run.out().lines().filter(line -> line.contains("Left out identifying columns (--drop-phi): ")))
                .singleElement().satisfies(line -> assertThat(line).matches(".*: ([^,]+, ){7}[^,]+ and \\d+ more\\."));
        UnaryOperator<String> jpg = stem -> "scans/" + stem + ".jpg";
        assertThat(stored("sidecars", "Modality")).isEqualTo(expected("Modality", false, "sidecars", jpg));
        assertThat(stored("sidecars", "Rows")).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(expected("Rows", true, "sidecars", jpg));
        List<Object> declared = EMULATOR.emulator().schema("sidecars").stream()
                .map(field -> field.get("field_name")).toList();
        assertThat(declared).contains("Modality", "Rows", "Manufacturer")
                .doesNotContain("PatientName", "PatientID", "PatientBirthDate", "PatientSex", "PatientAge",
                        "StudyDate", "StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID", "AccessionNumber",
                        "InstitutionName", "ReferringPhysicianName");
    }

    @Test
    void namesTheSidecarFileOfEachRefusedValue() {
        CliRun run = CliRun.of(Map.of(), dir, "validate", "--input", PYDICOM.toString(), "--float-fields",
                "Manufacturer", "--report", dir.resolve("check.html").toString());

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        assertThat(run.out()).contains("  - CT_small.dcm.json, field 'Manufacturer': Invalid float value "
                + "'GE MEDICAL SYSTEMS'. Must be a valid number.\n");
    }

    @Test
    void refusesToSendPatientDataToANonLocalServerNamingTheAttributes() throws IOException {
        CliRun run = upload(REMOTE, "remote", CONVERTER_CSV, "--infer");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: Columns patient_id, patient_name, patient_birth_date, patient_sex, "
                + "patient_age, study_instance_uid, study_date, study_time, study_description, accession_number, "
                + "series_instance_uid, series_date, series_time, series_description, sop_instance_uid, "
                + "acquisition_date, acquisition_time hold identifying patient data (DICOM PS3.15 Annex E basic "
                + "profile) and " + REMOTE + " is not a local address. Pass --drop-phi to leave them out, or "
                + "--allow-phi if this dataset may hold them.\n");
    }

    @Test
    void theRefusalNamesTheServerWithoutTheBaseUrlsCredentials() {
        CliRun withPassword = upload("https://user:PASSWD@vl.example.invalid", "remote", CONVERTER_CSV, "--infer");
        CliRun withToken = upload("https://S3CRETTOKEN@vl.example.invalid", "remote", CONVERTER_CSV, "--infer",
                "--json");

        for (CliRun run : java.util.List.of(withPassword, withToken)) {
            assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
            assertThat(run.both()).contains("profile) and https://vl.example.invalid is not a local address.")
                    .doesNotContain("PASSWD").doesNotContain("S3CRETTOKEN");
        }
    }

    @Test
    void refusesASidecarFolderForANonLocalServerBeforeContactingIt() {
        CliRun run = upload(REMOTE, "remote", PYDICOM, "--infer", "--match-by", "stem");

        // the host cannot resolve: reaching for it would have been a server failure (exit 1)
        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error: Columns ").contains(" PatientName, PatientID, PatientBirthDate, ")
                .endsWith(" hold identifying patient data (DICOM PS3.15 Annex E basic profile) and " + REMOTE
                        + " is not a local address. Pass --drop-phi to leave them out, or --allow-phi if this "
                        + "dataset may hold them.\n");
    }

    @Test
    void uploadsDcmtkSidecarsIncludingTheCompressedImageDcm2jsonEndedWithAComma() throws IOException {
        addSidecarDataset("dcmtk");
        Path dcmtk = SharedFixtures.DICOM.resolve("json-model-dcmtk");

        CliRun run = upload(EMULATOR.emulator().baseUrl(), "dcmtk", dcmtk, "--infer", "--match-by", "stem",
                "--drop-phi");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("Read 1 sidecar ending with a comma before the closing brace, as dcmtk 3.6.7's "
                + "dcm2json leaves the file of an image with compressed pixel data")
                .contains("only that comma was ignored, and attributes after the pixel data, which few files have, are "
                        + "not in these sidecars: JPEG-lossy.dcm.json.\n")
                .contains("Mapped 11 of 11 files\n");
        String jpeg = EMULATOR.emulator().mediaId("dcmtk", "scans/JPEG-lossy.jpg");
        assertThat(stored("dcmtk", "Modality").get(jpeg)).isEqualTo(EXPECTED.get("JPEG-lossy").get("Modality").asText());
    }

    @Test
    void namesTheSidecarThatIsNotValidJson() throws IOException {
        Files.copy(PYDICOM.resolve("CT_small.dcm.json"), dir.resolve("CT_small.dcm.json"));
        Path broken = Files.writeString(dir.resolve("MR_small.dcm.json"), "{\"00080060\": {\"vr\": \"CS\",\n}}");

        CliRun run = CliRun.of(Map.of(), dir, "validate", "--input", dir.toString(), "--infer",
                "--report", dir.resolve("check.html").toString());

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        assertThat(run.out()).contains("  - MR_small.dcm.json: Sidecar " + broken + " is not valid JSON (line 2, "
                + "column 1: Unexpected character ('}' (code 125)): was expecting double-quote to start field name); "
                + "a sidecar holds one JSON object.\n");
    }

    @Test
    void refusesASidecarNested1001DeepWithOneMessageAndNoStackTrace() throws IOException {
        Path sidecars = Files.createDirectory(dir.resolve("sidecars"));
        Path deep = Files.writeString(sidecars.resolve("deep.json"), "[".repeat(1001) + "]".repeat(1001));

        CliRun run = CliRun.of(Map.of(), dir, "validate", "--input", sidecars.toString(), "--infer");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: The only sidecar matching '*.json' in " + sidecars + " could not be read:\n"
                + "  - Sidecar " + deep + " is beyond the limits of the JSON reader (line 1, column 1001: Document nesting "
                + "depth (1001) exceeds the maximum allowed (1000)); a DICOM sidecar nests a few levels deep and holds no "
                + "value that long.\n");
        assertThat(run.both()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void uploadsEachInstanceOfADicomwebResponseKeyedBySidecarKey() throws IOException {
        Path sidecars = Files.createDirectory(dir.resolve("dicomweb"));
        String ct = EXPECTED.get("CT_small").get("SOPInstanceUID").asText();
        String mr = EXPECTED.get("MR_small").get("SOPInstanceUID").asText();
        Files.writeString(sidecars.resolve("series.json"), "[" + Files.readString(PYDICOM.resolve("CT_small.dcm.json"))
                + ",\n" + Files.readString(PYDICOM.resolve("MR_small.dcm.json")) + "]");
        EMULATOR.emulator().addDataset("dicomweb", List.of(ct, mr));

        CliRun run = upload(EMULATOR.emulator().baseUrl(), "dicomweb", sidecars, "--source-option",
                "sidecar-key=SOPInstanceUID", "--enum-fields", "Modality");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(stored("dicomweb", "Modality")).isEqualTo(Map.of(EMULATOR.emulator().mediaId("dicomweb", ct), "CT",
                EMULATOR.emulator().mediaId("dicomweb", mr), "MR"));
    }
}

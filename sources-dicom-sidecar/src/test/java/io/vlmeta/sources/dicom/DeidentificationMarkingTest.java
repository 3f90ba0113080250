package io.vlmeta.sources.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.ColumnInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Columns holding attributes of the basic de-identification profile (PS3.15 Table E.1-1) are marked sensitive. */
class DeidentificationMarkingTest {
    private static final List<String> NAMED_IN_TABLE_E_1_1 = List.of("PatientName", "PatientID", "PatientBirthDate",
            "PatientAddress", "OtherPatientIDs", "AccessionNumber", "InstitutionName", "ReferringPhysicianName", "OperatorsName",
            "StudyID", "DeviceSerialNumber", "PatientSex", "PatientAge", "StudyDate", "StudyInstanceUID", "SOPInstanceUID",
            "StationName", "PerformingPhysicianName", "PhysiciansOfRecord", "MedicalRecordLocator");
    private static final List<String> NOT_IDENTIFYING = List.of("Modality", "Rows", "Columns", "Manufacturer", "ImageType",
            "PixelSpacing", "SliceThickness", "SOPClassUID", "BodyPartExamined", "PhotometricInterpretation");
    private final DeidentificationProfile profile = DeidentificationProfile.basic();

    @TempDir
    Path dir;

    @Test
    void theShippedProfileHoldsTheAttributesTheStandardNames() {
        DicomDictionary dictionary = DicomDictionary.standard();
        for (String keyword : NAMED_IN_TABLE_E_1_1) {
            assertThat(profile.coversName(keyword)).as(keyword).isTrue();
            assertThat(profile.coversTag(dictionary.byKeyword(keyword).orElseThrow().tag())).as(keyword).isTrue();
        }
        NOT_IDENTIFYING.forEach(keyword -> assertThat(profile.coversName(keyword)).as(keyword).isFalse());
    }

    @Test
    void everyProfileTagIsInTheDictionarySoJsonModelSidecarsNameIt() {
        DicomDictionary dictionary = DicomDictionary.standard();
        for (String tag : profile.tags()) {
            assertThat(dictionary.byTag(tag)).as(tag).isPresent();
            assertThat(profile.coversName(dictionary.byTag(tag).orElseThrow().keyword())).as(tag).isTrue();
        }
        assertThat(profile.tags()).hasSizeGreaterThan(200);
    }

    @Test
    void jsonModelColumnsAreSensitiveExactlyForTheProfileAndPrivateTags() throws IOException {
        String attributes = profile.tags().stream().sorted()
                .map(tag -> "\"" + tag + "\": {\"vr\": \"" + vrOf(tag) + "\"" + (vrOf(tag).equals("SQ") ? "" : ", \"Value\": [\"1\"]") + "}")
                .collect(Collectors.joining(", "));
        Files.writeString(dir.resolve("phi.json"), "{" + attributes + "}");
        Files.writeString(dir.resolve("plain.json"), """
                {"00080060": {"vr": "CS", "Value": ["CT"]}, "00280010": {"vr": "US", "Value": [512]},
                 "00190010": {"vr": "LO", "Value": ["GEMS_ACQU_01"]}, "00191002": {"vr": "SL", "Value": [3]}}""");

        SourceRun run = SourceRun.of(dir, Map.of());

        assertThat(run.columns()).filteredOn(c -> !c.sensitive()).extracting(ColumnInfo::name).containsExactly("Modality", "Rows");
        assertThat(run.columns().stream().filter(ColumnInfo::sensitive).count())
                .isEqualTo(profile.tags().stream().filter(tag -> !vrOf(tag).equals("SQ") && !isBinary(tag)).count() + 2);
    }

    @Test
    void flatAndConverterColumnsAreMarkedByKeywordAndSnakeName() {
        SourceRun flat = SourceRun.of(Fixtures.flat(), Map.of());
        SourceRun csv = SourceRun.of(Fixtures.converterCsv(), Map.of());

        assertThat(flat.columns()).filteredOn(ColumnInfo::sensitive).extracting(ColumnInfo::name).contains("PatientName",
                "PatientID", "ReferringPhysicianName", "InstitutionName", "StationName", "DeviceSerialNumber", "StudyID",
                "AccessionNumber", "AcquisitionDateTime", "SeriesInstanceUID");
        assertThat(flat.column("Modality").sensitive()).isFalse();
        assertThat(csv.columns()).filteredOn(ColumnInfo::sensitive).extracting(ColumnInfo::name).containsExactly("patient_id",
                "patient_name", "patient_birth_date", "patient_sex", "patient_age", "study_instance_uid", "study_date",
                "study_time", "study_description", "accession_number", "series_instance_uid", "series_date", "series_time",
                "series_description", "sop_instance_uid", "acquisition_date", "acquisition_time");
    }

    private static String vrOf(String tag) {
        return DicomDictionary.standard().byTag(tag).orElseThrow().vr().name();
    }

    private static boolean isBinary(String tag) {
        return DicomDictionary.standard().byTag(tag).orElseThrow().vr().kind() == Vr.Kind.BINARY;
    }
}

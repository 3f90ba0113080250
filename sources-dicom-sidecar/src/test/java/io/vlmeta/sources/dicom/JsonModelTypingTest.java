package io.vlmeta.sources.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.ColumnInfo;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.RawValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How DICOM JSON Model attributes become typed values and columns, by their VR. */
class JsonModelTypingTest {
    @TempDir
    Path folder;

    private Path sidecar(String relative, String json) throws IOException {
        Path file = folder.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        return file;
    }

    @Test
    void datesBecomeMidnightUtcAndDateTimesKeepTheirOffsetOrNone() throws IOException {
        sidecar("x.dcm.json", """
                {"00080020": {"vr": "DA", "Value": ["20040119"]},
                 "0008002A": {"vr": "DT", "Value": ["20040119072730.123-0500"]},
                 "0040A030": {"vr": "DT", "Value": ["2004"]}}""");

        SourceRun run = SourceRun.of(folder, Map.of());

        assertThat(run.value("x.dcm", "StudyDate")).isEqualTo(new RawValue.DateTime(LocalDateTime.of(2004, 1, 19, 0, 0), ZoneOffset.UTC));
        assertThat(run.value("x.dcm", "AcquisitionDateTime")).isEqualTo(new RawValue.DateTime(
                LocalDateTime.of(2004, 1, 19, 7, 27, 30, 123_000_000), ZoneOffset.ofHours(-5)));
        assertThat(run.value("x.dcm", "VerificationDateTime")).isEqualTo(new RawValue.DateTime(LocalDateTime.of(2004, 1, 1, 0, 0), null));
        assertThat(run.column("StudyDate")).isEqualTo(new ColumnInfo("StudyDate", "datetime", true, "DA (0008,0020)"));
    }

    @Test
    void partialAndFractionalTimesParseToTimeOfDayTextWithoutADate() throws IOException {
        sidecar("a.json", "{\"00080030\": {\"vr\": \"TM\", \"Value\": [\"0730\"]}}");
        sidecar("b.json", "{\"00080030\": {\"vr\": \"TM\", \"Value\": [\"072730.123456\"]}}");
        sidecar("c.json", "{\"00080030\": {\"vr\": \"TM\", \"Value\": [\"07\"]}}");
        sidecar("d.json", "{\"00080030\": {\"vr\": \"TM\", \"Value\": [\"2561\"]}}");

        SourceRun run = SourceRun.of(folder, Map.of());

        assertThat(run.value("a", "StudyTime")).isEqualTo(new RawValue.Text("07:30:00"));
        assertThat(run.value("b", "StudyTime")).isEqualTo(new RawValue.Text("07:27:30.123456"));
        assertThat(run.value("c", "StudyTime")).isEqualTo(new RawValue.Text("07:00:00"));
        assertThat(run.value("d", "StudyTime")).as("not a time: passed on as written").isEqualTo(new RawValue.Text("2561"));
        assertThat(run.column("StudyTime").suggestedType()).isEqualTo("string");
    }

    @Test
    void numbersKeepTheirDigitsAndVectorsTravelAsDicomText() throws IOException {
        sidecar("x.json", """
                {"00180050": {"vr": "DS", "Value": [5.000000]},
                 "00200013": {"vr": "IS", "Value": ["0042"]},
                 "00280010": {"vr": "US", "Value": [512]},
                 "00280030": {"vr": "DS", "Value": [0.661468, 0.661468]},
                 "00281050": {"vr": "DS", "Value": ["not a number"]}}""");

        SourceRun run = SourceRun.of(folder, Map.of());

        assertThat(((RawValue.Number) run.value("x", "SliceThickness")).value()).isEqualTo(new BigDecimal("5.000000"));
        assertThat(((RawValue.Number) run.value("x", "InstanceNumber")).value()).isEqualTo(new BigDecimal("0042"));
        assertThat(run.value("x", "Rows")).isEqualTo(new RawValue.Number(new BigDecimal("512")));
        assertThat(run.value("x", "PixelSpacing")).isEqualTo(new RawValue.Text("0.661468\\0.661468"));
        assertThat(run.value("x", "WindowCenter")).as("refused later by the float type").isEqualTo(new RawValue.Text("not a number"));
        assertThat(run.column("SliceThickness").suggestedType()).isEqualTo("float");
        assertThat(run.column("PixelSpacing")).isEqualTo(new ColumnInfo("PixelSpacing", "string", false, "DS (0028,0030)"));
    }

    @Test
    void codeStringsAreEnumsAndBecomeListsWhenAnyImageHasSeveral() throws IOException {
        sidecar("a.json", "{\"00080008\": {\"vr\": \"CS\", \"Value\": [\"ORIGINAL\", \"PRIMARY\"]}, \"00080060\": {\"vr\": \"CS\", \"Value\": [\"CT\"]}}");
        sidecar("b.json", "{\"00080008\": {\"vr\": \"CS\", \"Value\": [\"DERIVED\"]}, \"00080060\": {\"vr\": \"CS\", \"Value\": [\"MR\"]}}");

        SourceRun run = SourceRun.of(folder, Map.of());

        assertThat(run.value("a", "ImageType")).isEqualTo(new RawValue.ListValue(List.of(new RawValue.Text("ORIGINAL"), new RawValue.Text("PRIMARY"))));
        assertThat(run.value("b", "ImageType")).isEqualTo(new RawValue.ListValue(List.of(new RawValue.Text("DERIVED"))));
        assertThat(run.value("b", "Modality")).isEqualTo(new RawValue.Text("MR"));
        assertThat(run.column("ImageType").suggestedType()).isEqualTo("multi-enum");
        assertThat(run.column("Modality")).isEqualTo(new ColumnInfo("Modality", "enum", false, "CS (0008,0060)"));
    }

    @Test
    void personNamesKeepEveryGroupAndEmptyNamesAreMissing() throws IOException {
        sidecar("x.json", """
                {"00100010": {"vr": "PN", "Value": [{"Alphabetic": "Doe^John"}]},
                 "00080090": {"vr": "PN", "Value": [{"Alphabetic": "^^^^"}]},
                 "00081070": {"vr": "PN", "Value": [{"Alphabetic": "Yamada^Tarou", "Ideographic": "山田^太郎"}]}}""");

        SourceRun run = SourceRun.of(folder, Map.of());

        assertThat(run.value("x", "PatientName")).isEqualTo(new RawValue.Text("Doe^John"));
        assertThat(run.value("x", "OperatorsName")).isEqualTo(new RawValue.Text("Yamada^Tarou=山田^太郎"));
        assertThat(run.value("x", "ReferringPhysicianName")).isEqualTo(RawValue.missing());
    }

    @Test
    void unknownAndPrivateTagsGetFallbackNamesAndCountAsIdentifying() throws IOException {
        sidecar("x.json", """
                {"00091001": {"vr": "LO", "Value": ["GE private"]},
                 "00081234": {"vr": "LO", "Value": ["not in the dictionary"]}}""");

        SourceRun run = SourceRun.of(folder, Map.of("field-names", "snake"));

        assertThat(run.columns()).containsExactly(
                new ColumnInfo("tag_00081234", "string", false, "LO (0008,1234)"),
                new ColumnInfo("tag_00091001", "string", true, "LO (0009,1001)"));
        assertThat(run.value("x", "tag_00091001")).isEqualTo(new RawValue.Text("GE private"));
    }

    @Test
    void snakeFieldNamesFollowTheConverter() throws IOException {
        sidecar("x.json", """
                {"00080018": {"vr": "UI", "Value": ["1.2.3"]},
                 "00100020": {"vr": "LO", "Value": ["P1"]},
                 "00081090": {"vr": "LO", "Value": ["RHAPSODE"]}}""");

        SourceRun run = SourceRun.of(folder, Map.of("field-names", "snake"));

        assertThat(run.columnNames()).containsExactly("sop_instance_uid", "manufacturer_model_name", "patient_id");
        assertThat(run.value("x", "sop_instance_uid")).isEqualTo(new RawValue.Text("1.2.3"));
    }

    @Test
    void columnsAreTheUnionOverAllSidecarsInTagOrder() throws IOException {
        sidecar("a.json", "{\"00280010\": {\"vr\": \"US\", \"Value\": [1]}, \"00080060\": {\"vr\": \"CS\", \"Value\": [\"CT\"]}}");
        sidecar("b.json", "{\"00100010\": {\"vr\": \"PN\"}, \"00080070\": {\"vr\": \"LO\", \"Value\": [\"GE\"]}}");

        SourceRun run = SourceRun.of(folder, Map.of());

        assertThat(run.columnNames()).containsExactly("Modality", "Manufacturer", "PatientName", "Rows");
        assertThat(run.record("a").values()).containsOnlyKeys("Modality", "Rows");
    }

    @Test
    void sequencesAndBinaryAreSkippedWithOneWarningForTheWholeInput() throws IOException {
        for (String name : List.of("a.json", "b.json", "c.json")) {
            sidecar(name, """
                    {"00080060": {"vr": "CS", "Value": ["CT"]},
                     "00081140": {"vr": "SQ", "Value": [{"00081150": {"vr": "UI", "Value": ["1.2"]}}]},
                     "00431028": {"vr": "UN", "InlineBinary": "AAEC"},
                     "7FE00010": {"vr": "OW", "BulkDataURI": "http://host/bulk"}}""");
        }

        SourceRun run = SourceRun.of(folder, Map.of());

        assertThat(run.problems()).containsExactly(Problem.warning(ProblemCategory.INPUT, null, null,
                "Skipped 3 DICOM attributes holding sequences or binary data, which metadata fields cannot carry: "
                        + "ReferencedImageSequence (0008,1140) SQ, tag_00431028 (0043,1028) UN, PixelData (7FE0,0010) OW."));
        assertThat(run.columnNames()).containsExactly("Modality");
        assertThat(run.records()).hasSize(3);
    }

    @Test
    void malformedSidecarIsAnErrorNamingTheFileAndTheOthersStillCount() throws IOException {
        sidecar("a.json", "{\"00080060\": {\"vr\": \"CS\", \"Value\": [\"CT\"]}}");
        Path broken = sidecar("b.json", "{\"00080060\": {\"vr\": \"CS\", \"Value\": [\"CT\"]");
        sidecar("c.json", "{\"Modality\": \"MR\"}");

        SourceRun run = SourceRun.of(folder, Map.of());

        assertThat(run.keys()).containsExactly("a", "c");
        assertThat(run.renderedProblems()).containsExactly("Row 1: Sidecar " + broken + " is not valid JSON (line 1, column 42: "
                + "Unexpected end-of-input: expected close marker for Object); a sidecar holds one JSON object.");
    }

    @Test
    void mediaKeysAreRelativePathsWithoutJsonAndBothPassesAgreeOnOrder() throws IOException {
        Path nested = sidecar("study/series-2/x.dcm.json", "{\"00080060\": {\"vr\": \"CS\", \"Value\": [\"CT\"]}}");
        sidecar("study/series-10/y.dcm.json", "{\"00080060\": {\"vr\": \"CS\", \"Value\": [\"CT\"]}}");
        sidecar("a.json", "{\"00080060\": {\"vr\": \"CS\", \"Value\": [\"CT\"]}}");
        sidecar("notes.txt", "not a sidecar");

        SourceRun first = SourceRun.of(folder, Map.of());
        SourceRun second = SourceRun.of(folder, Map.of());

        assertThat(first.keys()).containsExactly("a", "study/series-10/y.dcm", "study/series-2/x.dcm");
        assertThat(second.keys()).isEqualTo(first.keys());
        assertThat(first.record("study/series-2/x.dcm").location().describe()).isEqualTo(nested + " row 1");
    }

    @Test
    void sidecarGlobChoosesWhichFilesAreRead() throws IOException {
        sidecar("x.dcm.json", "{\"00080060\": {\"vr\": \"CS\", \"Value\": [\"CT\"]}}");
        sidecar("dataset_description.json", "{\"Name\": \"a BIDS dataset\"}");

        SourceRun run = SourceRun.of(folder, Map.of("sidecar-glob", "*.dcm.json"));

        assertThat(run.keys()).containsExactly("x.dcm");
        assertThat(run.columnNames()).containsExactly("Modality");
    }
}

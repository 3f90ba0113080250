package io.vlmeta.sources.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.ColumnInfo;
import io.vlmeta.api.RawValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Option combine-date-time: date and time pairs as one instant, placed by TimezoneOffsetFromUTC when present. */
class CombineDateTimeTest {
    private static final Map<String, String> COMBINE = Map.of("combine-date-time", "true");

    @TempDir
    Path folder;

    private void sidecar(String name, String json) throws IOException {
        Files.writeString(folder.resolve(name), json);
    }

    @Test
    void pairsUseTheTimezoneOffsetFromUtcWhenTheSidecarHasOne() throws IOException {
        sidecar("x.json", """
                {"00080020": {"vr": "DA", "Value": ["20040119"]},
                 "00080030": {"vr": "TM", "Value": ["072730.5"]},
                 "00080201": {"vr": "SH", "Value": ["-0400"]}}""");

        SourceRun run = SourceRun.of(folder, COMBINE);

        assertThat(run.value("x", "StudyDateTime")).isEqualTo(new RawValue.DateTime(
                LocalDateTime.of(2004, 1, 19, 7, 27, 30, 500_000_000), ZoneOffset.ofHours(-4)));
        assertThat(run.columnNames()).containsExactly("StudyDateTime", "TimezoneOffsetFromUTC");
        assertThat(run.column("StudyDateTime")).isEqualTo(new ColumnInfo("StudyDateTime", "datetime", true,
                "DA (0008,0020) + TM (0008,0030), offset from TimezoneOffsetFromUTC (0008,0201) when present"));
    }

    @Test
    void withoutAnOffsetTheInstantHasNoneSoTheJobTimeZoneApplies() throws IOException {
        sidecar("x.json", """
                {"00080021": {"vr": "DA", "Value": ["19970430"]},
                 "00080031": {"vr": "TM", "Value": ["1127"]}}""");

        SourceRun run = SourceRun.of(folder, COMBINE);

        assertThat(run.value("x", "SeriesDateTime")).isEqualTo(new RawValue.DateTime(LocalDateTime.of(1997, 4, 30, 11, 27), null));
    }

    @Test
    void aDateAloneIsMidnightAndATimeAloneNeverGetsADate() throws IOException {
        sidecar("a.json", "{\"00080020\": {\"vr\": \"DA\", \"Value\": [\"20170101\"]}}");
        sidecar("b.json", "{\"00080030\": {\"vr\": \"TM\", \"Value\": [\"120000\"]}}");

        SourceRun run = SourceRun.of(folder, COMBINE);

        assertThat(run.value("a", "StudyDateTime")).isEqualTo(new RawValue.DateTime(LocalDateTime.of(2017, 1, 1, 0, 0), null));
        assertThat(run.value("b", "StudyDateTime")).isEqualTo(RawValue.missing());
        assertThat(run.record("b").values()).isEmpty();
    }

    @Test
    void acquisitionDateTimeWinsOverThePairAndTakesTheOffsetWhenItHasNone() throws IOException {
        sidecar("x.json", """
                {"00080022": {"vr": "DA", "Value": ["19970430"]},
                 "00080032": {"vr": "TM", "Value": ["112936"]},
                 "0008002A": {"vr": "DT", "Value": ["19970430112936.25"]},
                 "00080201": {"vr": "SH", "Value": ["+0530"]}}""");

        SourceRun run = SourceRun.of(folder, COMBINE);

        assertThat(run.value("x", "AcquisitionDateTime")).isEqualTo(new RawValue.DateTime(
                LocalDateTime.of(1997, 4, 30, 11, 29, 36, 250_000_000), ZoneOffset.ofHoursMinutes(5, 30)));
        assertThat(run.columnNames()).containsExactly("AcquisitionDateTime", "TimezoneOffsetFromUTC");
    }

    @Test
    void snakeNamesTheCombinedColumnLikeTheConverter() throws IOException {
        sidecar("x.json", "{\"00080020\": {\"vr\": \"DA\", \"Value\": [\"20040119\"]}, \"00080030\": {\"vr\": \"TM\", \"Value\": [\"07\"]}}");

        SourceRun run = SourceRun.of(folder, Map.of("combine-date-time", "true", "field-names", "snake"));

        assertThat(run.columnNames()).containsExactly("study_datetime");
        assertThat(run.value("x", "study_datetime")).isEqualTo(new RawValue.DateTime(LocalDateTime.of(2004, 1, 19, 7, 0), null));
    }

    @Test
    void anUnreadableOffsetIsAnErrorRatherThanAGuess() throws IOException {
        sidecar("x.json", """
                {"00080020": {"vr": "DA", "Value": ["20040119"]},
                 "00080030": {"vr": "TM", "Value": ["0727"]},
                 "00080201": {"vr": "SH", "Value": ["EST"]}}""");

        SourceRun run = SourceRun.of(folder, COMBINE);

        assertThat(run.value("x", "StudyDateTime")).isEqualTo(RawValue.missing());
        assertThat(run.renderedProblems()).containsExactly("Row 1, field 'StudyDateTime': TimezoneOffsetFromUTC 'EST' is not an "
                + "offset from UTC like -0400 or +0530, so the time cannot be placed.");
    }

    @Test
    void fixtureSidecarsCarryingAnOffsetCombineInIt() {
        SourceRun run = SourceRun.of(Fixtures.jsonModelPydicom(), COMBINE);

        assertThat(run.value("MR_small.dcm", "StudyDateTime")).isEqualTo(
                new RawValue.DateTime(LocalDateTime.of(2004, 8, 26, 18, 50, 59), ZoneOffset.ofHours(-4)));
        assertThat(run.value("CT_small.dcm", "AcquisitionDateTime")).isEqualTo(
                new RawValue.DateTime(LocalDateTime.of(1997, 4, 30, 11, 29, 36), ZoneOffset.ofHours(-5)));
    }

    @Test
    void converterCsvCombinesItsDateAndTimeColumns() {
        SourceRun run = SourceRun.of(Fixtures.converterCsv(), COMBINE);

        assertThat(run.value("series-00000_CT_small.jpg", "study_datetime")).isEqualTo(
                new RawValue.DateTime(LocalDateTime.of(2004, 1, 19, 7, 27, 30), null));
        assertThat(run.columnNames()).doesNotContain("study_date", "study_time").contains("series_datetime", "acquisition_datetime");
    }

    @Test
    void withoutTheOptionDateAndTimeStaySeparate() throws IOException {
        sidecar("x.json", "{\"00080020\": {\"vr\": \"DA\", \"Value\": [\"20040119\"]}, \"00080030\": {\"vr\": \"TM\", \"Value\": [\"0727\"]}}");

        SourceRun run = SourceRun.of(folder, Map.of());

        assertThat(run.columnNames()).containsExactly("StudyDate", "StudyTime");
    }
}

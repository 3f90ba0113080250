package io.vlmeta.sources.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.Problem;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.Severity;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every input format, read from the real tools' output, against the facts pydicom read from the source files. */
class FixtureFormatsTest {
    private static final Map<String, Map<String, String>> EXPECTED = Fixtures.expected();
    /** Every attribute expected.json speaks of for some file; a file without a fact for one must have no value. */
    private static final Set<String> FACT_KEYWORDS = allFactKeywords();

    @Test
    void pydicomJsonModelSidecarsMatchEveryFactIncludingCharacterSetsAndBigEndian() {
        SourceRun run = SourceRun.of(Fixtures.jsonModelPydicom(), Map.of());

        assertThat(run.keys()).containsExactlyElementsOf(EXPECTED.keySet().stream().map(stem -> stem + ".dcm").toList());
        EXPECTED.forEach((stem, facts) -> assertSameFacts(run, stem + ".dcm", stem, facts));
        assertThat(run.problems()).extracting(Problem::severity).containsOnly(Severity.WARNING);
    }

    @Test
    void dcmtkJsonModelSidecarsMatchEveryFactIncludingTheCompressedImageDcm2jsonEndedWithAComma() {
        SourceRun run = SourceRun.of(Fixtures.jsonModelDcmtk(), Map.of());

        Set<String> readable = new HashSet<>(EXPECTED.keySet());
        readable.remove("chrH31"); // no dcmtk sidecar was made for it
        assertThat(run.keys()).containsExactlyInAnyOrderElementsOf(readable.stream().map(stem -> stem + ".dcm").toList());
        readable.forEach(stem -> assertSameFacts(run, stem + ".dcm", stem, EXPECTED.get(stem)));
        assertThat(run.problems()).filteredOn(Problem::isError).isEmpty();
        assertThat(run.renderedProblems()).contains("Read 1 sidecar ending with a comma before the closing brace, as dcmtk "
                + "3.6.7's dcm2json leaves the file of an image with compressed pixel data (it stops at PixelData (7FE0,0010), "
                + "which it cannot write inline); only that comma was ignored, and attributes after the pixel data, which "
                + "few files have, are not in these sidecars: JPEG-lossy.dcm.json.");
    }

    @Test
    void converterCsvMatchesEveryFactWhenNamedByKeyword() {
        SourceRun run = SourceRun.of(Fixtures.converterCsv(), Map.of("field-names", "keyword"));

        assertThat(run.keyColumn()).isEqualTo("image_filename");
        assertThat(run.keys()).hasSize(EXPECTED.size());
        EXPECTED.forEach((stem, facts) -> assertSameFacts(run, "series-00000_" + stem + ".jpg", stem, facts));
        assertThat(run.problems()).isEmpty();
    }

    @Test
    void converterCsvKeepsItsOwnSnakeCaseNamesByDefault() {
        SourceRun run = SourceRun.of(Fixtures.converterCsv(), Map.of());

        assertThat(run.columnNames()).startsWith("patient_id", "patient_name", "patient_birth_date", "patient_sex")
                .contains("image_type", "pixel_spacing", "original_dicom_path", "conversion_timestamp")
                .doesNotContain("image_filename");
        assertThat(run.value("series-00000_CT_small.jpg", "study_date"))
                .isEqualTo(new RawValue.DateTime(java.time.LocalDateTime.of(2004, 1, 19, 0, 0), java.time.ZoneOffset.UTC));
        assertThat(run.value("series-00000_CT_small.jpg", "study_description")).isEqualTo(new RawValue.Text("e+1"));
        assertThat(run.value("series-00000_CT_small.jpg", "original_dicom_path")).isEqualTo(new RawValue.Text("series-00000/CT_small.dcm"));
    }

    @Test
    void flatDcm2niixSidecarsMatchTheFactsTheyCarry() {
        SourceRun run = SourceRun.of(Fixtures.flat(), Map.of());

        assertThat(run.keys()).containsExactly("CT_small", "MR_small", "MR_small_bigendian", "SC_rgb_small_odd", "chrGerm",
                "chrH31", "chrRuss", "chrX1", "liver_1frame");
        for (String stem : run.keys()) {
            Map<String, String> carried = new java.util.LinkedHashMap<>(EXPECTED.get(stem));
            carried.keySet().retainAll(run.record(stem).values().keySet());
            carried.remove("Manufacturer"); // dcm2niix writes its own short vendor names, asserted below
            if (stem.equals("chrRuss")) {
                carried.remove("PatientName"); // asserted below
            }
            ExpectedMeaning.assertRecordMeans(stem, carried, column -> run.value(stem, column));
        }
        assertThat(run.value("CT_small", "Manufacturer")).isEqualTo(new RawValue.Text("GE"));
        assertThat(run.value("MR_small", "Manufacturer")).isEqualTo(new RawValue.Text("Toshiba"));
    }

    @Test
    void flatSidecarTextThatDcm2niixLeftUndecodedIsRepairedOnlyWhereTheBytesProveTheEncoding() {
        SourceRun run = SourceRun.of(Fixtures.flat(), Map.of());

        assertThat(run.value("chrGerm", "PatientName")).isEqualTo(new RawValue.Text(EXPECTED.get("chrGerm").get("PatientName")));
        // ISO 2022 escape sequences copied through by dcm2niix
        assertThat(run.value("chrH31", "PatientName")).isEqualTo(new RawValue.Text(EXPECTED.get("chrH31").get("PatientName")));
        // UTF-8 read as Latin-1 and written again, with an empty trailing name group
        assertThat(run.value("chrX1", "PatientName")).isEqualTo(new RawValue.Text(EXPECTED.get("chrX1").get("PatientName")));
        // ISO_IR 144 read as Latin-1 leaves no evidence of the Cyrillic it was: kept as the file holds it
        String cyrillicReadAsLatin1 = new String(EXPECTED.get("chrRuss").get("PatientName").getBytes(Charset.forName("ISO-8859-5")),
                StandardCharsets.ISO_8859_1);
        assertThat(run.value("chrRuss", "PatientName")).isEqualTo(new RawValue.Text(cyrillicReadAsLatin1));
    }

    private static void assertSameFacts(SourceRun run, String key, String stem, Map<String, String> facts) {
        ExpectedMeaning.assertRecordMeans(stem, facts, column -> run.value(key, column));
        for (String keyword : FACT_KEYWORDS) {
            if (!facts.containsKey(keyword)) {
                assertThat(run.value(key, keyword)).as(stem + " " + keyword + " has no value in the source file")
                        .isEqualTo(RawValue.missing());
            }
        }
    }

    private static Set<String> allFactKeywords() {
        Set<String> keywords = new HashSet<>();
        EXPECTED.values().forEach(facts -> keywords.addAll(facts.keySet()));
        return keywords;
    }
}

package io.vlmeta.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.FieldSettings;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobSettingsTest {

    private static JobSpec.Builder spec() {
        return JobSpec.builder().input(Path.of("metadata.csv"));
    }

    private static FieldSettings fields(ZoneId zone, List<String> formats, boolean truncate, int maxLength) {
        return new FieldSettings(maxLength, truncate, 600, 20, zone, formats, Map.of());
    }

    @Test
    void namesEverySettingThatDecidesWhichRowsAreSentAndWhatTheyBecome() {
        Map<String, String> settings = JobSettings.of(spec().sourceName("csv").keyColumn("filename")
                .sourceOption("encoding", "windows-1252").matchBy("basename").allowUnmatched(true)
                .fieldSettings(new FieldSettings(100, true, 600, 20, ZoneId.of("Asia/Tokyo"), List.of("dd/MM/uuuu"),
                        Map.of("datetime-precision", "seconds")))
                .build());

        assertThat(settings).containsOnlyKeys("--source", "--path-column", "--source-option encoding", "--match-by",
                "--allow-unmatched", "--timezone", "--datetime-format", "--truncate-strings", "--string-max-length",
                "--field-option datetime-precision");
    }

    @Test
    void tellsRunsApartByEachSettingsValue() {
        Map<String, String> plain = JobSettings.of(spec().build());

        assertThat(JobSettings.of(spec().matchBy("basename").build())).isNotEqualTo(plain);
        assertThat(JobSettings.of(spec().fieldSettings(fields(ZoneId.of("Asia/Tokyo"), List.of(), false, 255)).build()))
                .isNotEqualTo(plain);
        assertThat(JobSettings.of(spec().fieldSettings(fields(ZoneId.of("UTC"), List.of("MM/dd/uuuu"), false, 255))
                .build())).isNotEqualTo(JobSettings.of(spec().fieldSettings(fields(ZoneId.of("UTC"),
                        List.of("dd/MM/uuuu"), false, 255)).build()));
        // a string limit that only refuses sends nothing when it bites, so it binds no resume
        assertThat(JobSettings.of(spec().fieldSettings(fields(ZoneId.of("UTC"), List.of(), false, 100)).build()))
                .isEqualTo(plain);
        assertThat(JobSettings.of(spec().build())).isEqualTo(plain);
    }

    @Test
    void keepsADigestOfEachValueNeverTheValue() {
        Map<String, String> settings = JobSettings.of(spec().sourceOption("encoding", "S3CRET-typed-here").build());

        assertThat(settings.get("--source-option encoding")).matches("[0-9a-f]{16}");
        assertThat(settings.toString()).doesNotContain("S3CRET");
    }
}

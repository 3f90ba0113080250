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
                .build(), "csv");

        assertThat(settings).containsOnlyKeys("--source", "--source-option encoding", "--match-by",
                "--allow-unmatched", "--timezone", "--datetime-format", "--truncate-strings", "--string-max-length",
                "--field-option datetime-precision");
    }

    @Test
    void tellsRunsApartByEachSettingsValue() {
        Map<String, String> plain = JobSettings.of(spec().build(), "csv");

        assertThat(JobSettings.of(spec().matchBy("basename").build(), "csv")).isNotEqualTo(plain);
        assertThat(JobSettings.of(spec().fieldSettings(fields(ZoneId.of("Asia/Tokyo"), List.of(), false, 255)).build(), "csv"))
                .isNotEqualTo(plain);
        assertThat(JobSettings.of(spec().fieldSettings(fields(ZoneId.of("UTC"), List.of("MM/dd/uuuu"), false, 255))
                .build(), "csv")).isNotEqualTo(JobSettings.of(spec().fieldSettings(fields(ZoneId.of("UTC"),
                        List.of("dd/MM/uuuu"), false, 255)).build(), "csv"));
        // a string limit that only refuses sends nothing when it bites, so it binds no resume
        assertThat(JobSettings.of(spec().fieldSettings(fields(ZoneId.of("UTC"), List.of(), false, 100)).build(), "csv"))
                .isEqualTo(plain);
        assertThat(JobSettings.of(spec().build(), "csv")).isEqualTo(plain);
        // the same source and time zone however they were given
        assertThat(JobSettings.of(spec().sourceName("csv").keyColumn("file_fullpath").build(), "csv")).isEqualTo(plain);
        for (String utc : List.of("Z", "Etc/UTC", "+00:00")) {
            assertThat(JobSettings.of(spec().fieldSettings(fields(ZoneId.of(utc), List.of(), false, 255)).build(),
                    "csv")).as(utc).isEqualTo(plain);
        }
        assertThat(JobSettings.of(spec().build(), "jsonl")).isNotEqualTo(plain);
    }

    @Test
    void keepsADigestOfEachValueNeverTheValue() {
        Map<String, String> settings = JobSettings.of(spec().sourceOption("encoding", "S3CRET-typed-here").build(), "csv");

        assertThat(settings.get("--source-option encoding")).matches("[0-9a-f]{16}");
        assertThat(settings.toString()).doesNotContain("S3CRET");
    }
}

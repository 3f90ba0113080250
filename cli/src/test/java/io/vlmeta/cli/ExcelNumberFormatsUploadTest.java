package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workbook written by XlsxWriter (sources-xlsx's {@code number-formats/upload.xlsx}) uploaded through the
 * command line: an East-Asian built-in date id and a Japanese era format arrive as dates, a time of day and a
 * duration never become dates.
 */
class ExcelNumberFormatsUploadTest {
    private static final Path WORKBOOK = Path.of("..", "sources-xlsx", "src", "test", "resources", "number-formats",
            "upload.xlsx").toAbsolutePath().normalize();
    private static final List<String> FILES = List.of("images/img1.jpg", "images/img2.jpg", "images/img3.jpg");

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    private CliRun upload(String dataset, String... fields) {
        EMULATOR.emulator().addDataset(dataset, FILES);
        List<String> args = new ArrayList<>(List.of("upload", "--input", WORKBOOK.toString(), "--dataset-id", dataset,
                "--base-url", EMULATOR.emulator().baseUrl(), "--state-dir", dir.resolve("state").toString(),
                "--sink-option", "poll-interval-ms=20"));
        args.addAll(List.of(fields));
        return CliRun.of(Map.of(), dir, args.toArray(String[]::new));
    }

    private static Object stored(String dataset, String field, String file) {
        return EMULATOR.emulator().values(dataset, field).get(EMULATOR.emulator().mediaId(dataset, file));
    }

    @Test
    void infersDatesFromEveryLocalesDateFormatsAndNeverFromTimesOrDurations() {
        CliRun run = upload("inferred", "--infer");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(EMULATOR.emulator().schema("inferred")).extracting(f -> f.get("field_name") + " " + f.get("field_type"))
                .containsExactly("taken datetime", "exposure string", "elapsed string", "taken_ja datetime");
        assertThat(stored("inferred", "taken", "images/img1.jpg")).isEqualTo("2024-01-15T00:00:00Z");
        assertThat(stored("inferred", "taken_ja", "images/img3.jpg")).isEqualTo("2024-01-17T00:00:00Z");
        assertThat(stored("inferred", "exposure", "images/img1.jpg")).isEqualTo("10:30");
        assertThat(stored("inferred", "elapsed", "images/img1.jpg")).isEqualTo("36:00:00");
        assertThat(stored("inferred", "elapsed", "images/img2.jpg")).isEqualTo("1:30:00");
    }

    @Test
    void refusesTimeOfDayAndDurationCellsForDatetimeFieldsAndUploadsNothing() {
        CliRun run = upload("declared", "--datetime-fields", "taken", "exposure", "elapsed");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        assertThat(run.out()).contains("  - Row 2, field 'exposure': Holds a time of day (10:30) without a date.\n")
                .contains("  - Row 2, field 'elapsed': Holds a duration (36:00:00), not a date.\n")
                .doesNotContain("field 'taken'");
        assertThat(EMULATOR.emulator().schema("declared")).isEmpty();
    }
}

package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 10,000-column CSV (20 MB) of which one column is selected, through the packaged jar in a 64 MB
 * heap: it can only pass both passes if memory follows the selected columns, not the row width
 * (the read-ahead queue held 5,000 whole rows, about 460 MB of cell strings, before). Not timed:
 * BENCHMARKS.md has the measurements.
 */
class WideCsvMemoryIT {
    private static final int COLUMNS = 10_000;
    private static final int ROWS = 1_000;

    @TempDir
    Path dir;

    private static String path(int row) {
        return String.format("images/img_%06d.jpg", row);
    }

    private Path wideCsv() throws IOException {
        Path file = dir.resolve("wide.csv");
        try (BufferedWriter csv = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            csv.write("file_fullpath");
            for (int c = 1; c <= COLUMNS; c++) {
                csv.write(",c" + c);
            }
            csv.write("\n");
            for (int r = 1; r <= ROWS; r++) {
                csv.write(path(r));
                for (int c = 1; c <= COLUMNS; c++) {
                    csv.write(',');
                    csv.write((char) ('0' + (r + c) % 10));
                }
                csv.write("\n");
            }
        }
        return file;
    }

    private Path export() throws IOException {
        Path file = dir.resolve("export.csv");
        try (BufferedWriter export = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            export.write("filename,media_id\n");
            for (int r = 1; r <= ROWS; r++) {
                export.write(path(r) + ",00000000-0000-4000-8000-" + String.format("%012d", r) + "\n");
            }
        }
        return file;
    }

    @Test
    void dryRunsAWideFileWithOneSelectedColumnInA64MegabyteHeap() throws Exception {
        Path csv = wideCsv();
        assertThat(Files.size(csv)).isGreaterThan(20_000_000L);

        VlmetaJar.Launch run = VlmetaJar.start(dir, dir.resolve("streams"), List.of("-Xmx64m"),
                List.of("upload", "--dry-run", "--csv", csv.toString(), "--export-file", export().toString(),
                        "--float-fields", "c7", "--report", dir.resolve("report.html").toString())).await();

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("Validation passed: 1000 rows, 1 field")
                .endsWith("Dry run complete: nothing was sent.\nReady to upload: 1/1 field\n");
    }
}

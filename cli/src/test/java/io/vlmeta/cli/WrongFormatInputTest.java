package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import io.vlmeta.emulator.FaultPlan;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input of another format than the one it is read as (a CSV named {@code .gz}, a CSV read as Parquet or as a
 * workbook, gzip bytes read as CSV, a folder of sidecars none of which is JSON) is a failure reading the input: the
 * upload ends with exit code 1, as for a file that cannot be opened, never 3 (validation failed, for values read and
 * refused), and before any request.
 */
class WrongFormatInputTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    private static long requests() {
        return FaultPlan.ENDPOINTS.stream().mapToLong(e -> EMULATOR.emulator().requestCount(e)).sum();
    }

    /** @return the refusal of an upload of {@code input}, after checking it ended with exit code 1 and sent nothing */
    private String refusal(Path input, String... extra) throws IOException {
        String dataset = "wrong-format-" + input.getFileName().toString().replaceAll("[^a-z]", "-");
        EMULATOR.emulator().addDataset(dataset, Examples.filenames());
        List<String> args = new ArrayList<>(List.of("upload", "--input", input.toString(), "--dataset-id", dataset,
                "--base-url", EMULATOR.emulator().baseUrl(), "--state-dir", dir.resolve("state").toString(),
                "--infer"));
        args.addAll(List.of(extra));
        long before = requests();

        CliRun run = CliRun.of(Map.of(), dir, args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.both()).isEqualTo(1);
        assertThat(requests()).as("requests sent").isEqualTo(before);
        assertThat(run.both()).doesNotContain("Exception");
        String[] lines = run.err().split("\n");
        return lines[lines.length - 1];
    }

    private Path csvNamed(String name) throws IOException {
        return Files.copy(Examples.METADATA, dir.resolve(name));
    }

    @Test
    void aCsvNamedJsonLinesGzIsAFailureReadingTheInput() throws IOException {
        Path input = csvNamed("data.jsonl.gz");

        assertThat(refusal(input)).isEqualTo("Error: " + input + " is not gzip-compressed, though its name ends in .gz;"
                + " give it a name without .gz, or compress it with gzip.");
    }

    @Test
    void aCsvNamedCsvGzReadAsJsonLinesIsAFailureReadingTheInput() throws IOException {
        Path input = csvNamed("data.csv.gz");

        assertThat(refusal(input, "--source", "jsonl")).isEqualTo("Error: " + input + " is not gzip-compressed, though"
                + " its name ends in .gz; give it a name without .gz, or compress it with gzip.");
    }

    @Test
    void aCsvReadAsJsonLinesIsAFailureReadingTheInput() throws IOException {
        Path input = csvNamed("labels.csv");

        assertThat(refusal(input, "--source", "jsonl")).isEqualTo("Error: " + input + " holds no JSON object; it needs"
                + " one object per line, such as {\"file_fullpath\": \"images/a.jpg\", ...}.");
    }

    @Test
    void aCsvReadAsParquetIsAFailureReadingTheInput() throws IOException {
        Path input = csvNamed("data.parquet");

        assertThat(refusal(input)).isEqualTo("Error: " + input + " is not a Parquet file: it does not end with the bytes"
                + " PAR1 every Parquet file ends with; give a Parquet file, or name the input's format with --source.");
    }

    @Test
    void aCsvNamedXlsxIsAFailureReadingTheInput() throws IOException {
        Path input = csvNamed("data.xlsx");

        assertThat(refusal(input)).isEqualTo("Error: " + input + " is not an Excel workbook: its content is not an .xlsx"
                + " (zip) package; save the sheet as .xlsx from a spreadsheet program, or read a text file with"
                + " --source csv.");
    }

    @Test
    void gzipBytesNamedCsvAreAFailureReadingTheInputNotAnEncodingToGive() throws IOException {
        Path input = dir.resolve("data.csv");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(input))) {
            Files.copy(Examples.METADATA, out);
        }

        assertThat(refusal(input)).isEqualTo("Error: " + input + " is gzip-compressed data, not CSV text; decompress it"
                + " first (gunzip), or read gzipped JSON Lines with --source jsonl.");
    }

    @Test
    void aFolderOfSidecarsNoneOfWhichIsJsonIsAFailureReadingTheInput() throws IOException {
        Path sidecars = Files.createDirectory(dir.resolve("sidecars"));
        Path sidecar = Files.writeString(sidecars.resolve("a.dcm.json"), "file_fullpath,caption\n");

        String refusal = refusal(sidecars);

        assertThat(refusal).startsWith("  - Sidecar " + sidecar + " is not valid JSON (line 1, column ")
                .endsWith("); a sidecar holds one JSON object.");
    }
}

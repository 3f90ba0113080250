package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import io.vlmeta.emulator.FaultPlan;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --csv -} and {@code --input -}: standard input, read twice through a temporary copy. */
class StdinInputTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    private CliRun upload(byte[] stdin, String dataset, String inputFlag, String... extra) {
        List<String> args = new ArrayList<>(List.of("upload", inputFlag, "-", "--dataset-id", dataset,
                "--base-url", EMULATOR.emulator().baseUrl(), "--state-dir", dir.resolve("state").toString()));
        args.addAll(Examples.typeFlags());
        args.addAll(List.of(extra));
        return CliRun.withInput(stdin, Map.of(), dir, args.toArray(String[]::new));
    }

    private Object stored(String dataset, String field, String file) {
        return EMULATOR.emulator().values(dataset, field).get(EMULATOR.emulator().mediaId(dataset, file));
    }

    private Map<String, Object> valuesByFile(String dataset, String field) throws IOException {
        Map<String, Object> values = new java.util.TreeMap<>();
        Map<String, Object> byMedia = EMULATOR.emulator().values(dataset, field);
        for (String file : Examples.filenames()) {
            Object value = byMedia.get(EMULATOR.emulator().mediaId(dataset, file));
            if (value != null) {
                values.put(file, value);
            }
        }
        return values;
    }

    private List<Path> journals() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("state"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).toList();
        }
    }

    @Test
    void readsANamedPipeGivenAsTheInputThroughACopyAsItReadsStandardInput() throws Exception {
        // a pipe (mkfifo, /dev/stdin, a shell's <(...)) can be read once; it failed with "Illegal seek"
        Path fifo = dir.resolve("metadata-pipe.csv");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
        EMULATOR.emulator().addDataset("fifo", Examples.filenames());
        Thread writer = new Thread(() -> {
            try {
                Files.write(fifo, Files.readAllBytes(Examples.METADATA));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        List<String> args = new ArrayList<>(List.of("upload", "--csv", fifo.toString(), "--dataset-id", "fifo",
                "--base-url", EMULATOR.emulator().baseUrl(), "--state-dir", dir.resolve("state").toString()));
        args.addAll(Examples.typeFlags());

        CliRun run = CliRun.of(Map.of(), dir, args.toArray(String[]::new));
        writer.join(10_000);

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("CSV file: " + fifo + " (read from its copy ");
        assertThat(stored("fifo", "confidence", "images/street_001.jpg")).isEqualTo(new BigDecimal("0.94"));
        assertThat(EMULATOR.emulator().schema("fifo")).hasSize(6);
    }

    @Test
    void uploadsWhatIsPipedInAndDeletesItsCopy() throws IOException {
        EMULATOR.emulator().addDataset("piped", Examples.filenames());

        CliRun run = upload(Files.readAllBytes(Examples.METADATA), "piped", "--csv", "--json");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.err()).contains("CSV file: standard input (read from its copy ");
        assertThat(stored("piped", "confidence", "images/street_001.jpg")).isEqualTo(new BigDecimal("0.94"));
        assertThat(stored("piped", "tags", "images/street_001.jpg"))
                .isEqualTo(List.of("urban", "bicycle", "traffic-light"));
        assertThat(EMULATOR.emulator().schema("piped")).hasSize(6);
        assertThat(new ObjectMapper().readTree(run.out()).get("input").asText()).isEqualTo("standard input");
        java.util.regex.Matcher banner = java.util.regex.Pattern.compile("read from its copy (.*)\\)").matcher(run.err());
        assertThat(banner.find()).as(run.err()).isTrue();
        Path copy = Path.of(banner.group(1));
        assertThat(copy.getFileName()).hasToString("stdin.csv");
        assertThat(copy).doesNotExist();
        assertThat(copy.getParent()).doesNotExist();
    }

    @Test
    void resumesAnUnfinishedUploadWhenTheSameBytesArePipedInAgain() throws IOException {
        EMULATOR.emulator().addDataset("piped-resume", Examples.filenames());
        byte[] metadata = Files.readAllBytes(Examples.METADATA);
        EMULATOR.emulator().setFaults(FaultPlan.builder().failNth("upload", 2, 400).build());
        CliRun failed;
        try {
            failed = upload(metadata, "piped-resume", "--input", "--batch-size", "5", "--parallel", "1");
        } finally {
            EMULATOR.emulator().setFaults(FaultPlan.none());
        }

        CliRun again = upload(metadata, "piped-resume", "--input", "--batch-size", "5", "--parallel", "1");
        CliRun resumed = upload(metadata, "piped-resume", "--input", "--batch-size", "5", "--parallel", "1",
                "--resume");

        assertThat(failed.exitCode()).as(failed.both()).isNotZero();
        assertThat(again.exitCode()).as(again.both()).isEqualTo(2);
        assertThat(again.err()).contains("An earlier upload of this input to dataset 'piped-resume' did not finish");
        assertThat(resumed.exitCode()).as(resumed.both()).isZero();
        assertThat(journals()).hasSize(1);
        EMULATOR.emulator().addDataset("from-file", Examples.filenames());
        List<String> fromFile = new ArrayList<>(List.of("upload", "--csv", Examples.METADATA.toString(),
                "--dataset-id", "from-file", "--base-url", EMULATOR.emulator().baseUrl(), "--state-dir",
                dir.resolve("state").toString()));
        fromFile.addAll(Examples.typeFlags());
        assertThat(CliRun.of(Map.of(), dir, fromFile.toArray(String[]::new)).exitCode()).isZero();
        for (String field : List.of("confidence", "tags", "captured_at", "weather", "reference_url", "caption")) {
            assertThat(valuesByFile("piped-resume", field)).as(field).isEqualTo(valuesByFile("from-file", field));
        }
    }

    @Test
    void readsAWorkbookPipedIntoInput() throws IOException {
        byte[] workbook = Files.readAllBytes(SharedFixtures.XLSX.resolve("libreoffice.xlsx"));

        CliRun run = CliRun.withInput(workbook, Map.of(), dir, "validate", "--input", "-", "--enum-fields",
                "status", "--report", dir.resolve("check.html").toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).containsPattern("Input: standard input \\(read from its copy .*stdin\\.xlsx\\)")
                .contains("Validation passed: 6 rows, 1 field");
    }

    @Test
    void readsJsonLinesPipedInWithoutSourceFlagAndNamesStandardInputInItsMessages() throws IOException {
        // a byte order mark and a blank line before the first object: the content still says JSON Lines
        String rows = "\uFEFF\n{\"file_fullpath\":\"images/a.jpg\",\"score\":0.5,\"label\":\"cat\"}\n"
                + "{\"file_fullpath\":\"images/b.jpg\",\"score\":\"high\",\"label\":\"dog\"}\n";
        byte[] piped = rows.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] valid = rows.replace("\"high\"", "0.25").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        CliRun passed = CliRun.withInput(valid, Map.of(), dir, "validate", "--input", "-", "--float-fields",
                "score", "--string-fields", "label", "--report", dir.resolve("jsonl.html").toString());
        CliRun refused = CliRun.withInput(piped, Map.of(), dir, "validate", "--input", "-", "--float-fields",
                "score", "--report", dir.resolve("refused.html").toString(), "--json");

        assertThat(passed.exitCode()).as(passed.both()).isZero();
        assertThat(passed.out()).containsPattern("Input: standard input \\(read from its copy .*stdin\\.jsonl\\)")
                .contains("Validation passed: 2 rows, 2 fields");
        assertThat(Files.readString(dir.resolve("jsonl.json"))).contains("\"source\" : \"jsonl\"")
                .contains("standard input");
        assertThat(refused.exitCode()).as(refused.both()).isEqualTo(3);
        com.fasterxml.jackson.databind.JsonNode problems = new ObjectMapper().readTree(refused.out()).get("problems");
        assertThat(problems).hasSize(1).allSatisfy(problem -> {
            assertThat(problem.get("file").asText()).isEqualTo("standard input");
            assertThat(problem.toString()).contains("high");
        });
        assertThat(refused.both().lines().filter(line -> !line.contains("(read from its copy ")))
                .noneMatch(line -> line.contains("vlmeta-stdin-") || line.contains("stdin.jsonl"));
    }

    @Test
    void readsACsvWhoseFirstCellStartsWithABracePipedInAsCsv() {
        // a brace, but no JSON object followed by another: the header of a CSV
        for (String header : List.of("{file_fullpath},caption", "{\"file\":1},caption")) {
            String csv = header + "\nimages/a.jpg,a cat\nimages/b.jpg,a dog\n";
            String column = header.substring(0, header.indexOf("},") + 1);

            CliRun run = CliRun.withInput(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of(), dir,
                    "validate", "--input", "-", "--path-column", column, "--string-fields", "caption");

            assertThat(run.exitCode()).as(run.both()).isZero();
            assertThat(run.out()).containsPattern("read from its copy .*stdin\\.csv\\)")
                    .contains("Validation passed: 2 rows, 1 field");
        }
    }

    @Test
    void readsParquetAndGzippedJsonLinesPipedInWithoutSourceFlag() throws IOException {
        byte[] parquet = Files.readAllBytes(Path.of("..", "sources-parquet", "src", "test", "resources", "fixtures",
                "types.parquet"));
        java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(gzipped)) {
            gzip.write(("{\"file_fullpath\":\"images/a.jpg\",\"score\":0.5}\n"
                    + "{\"file_fullpath\":\"images/b.jpg\",\"score\":\"high\"}\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        CliRun parquetRun = CliRun.withInput(parquet, Map.of(), dir, "validate", "--input", "-", "--float-fields",
                "label", "--json");
        CliRun gzipRun = CliRun.withInput(gzipped.toByteArray(), Map.of(), dir, "validate", "--input", "-",
                "--float-fields", "score", "--json");

        // the same refusals as with --source parquet (the test above) and for the JSON Lines value: read, not
        // taken for a CSV of binary bytes
        assertThat(parquetRun.exitCode()).as(parquetRun.both()).isEqualTo(3);
        assertThat(new ObjectMapper().readTree(parquetRun.out()).get("problems")).hasSize(2)
                .allSatisfy(problem -> assertThat(problem.get("file").asText()).isEqualTo("standard input"));
        assertThat(parquetRun.err()).containsPattern("read from its copy .*stdin\\.parquet\\)");
        assertThat(gzipRun.exitCode()).as(gzipRun.both()).isEqualTo(3);
        com.fasterxml.jackson.databind.JsonNode problems = new ObjectMapper().readTree(gzipRun.out()).get("problems");
        assertThat(problems).hasSize(1).allSatisfy(problem -> {
            assertThat(problem.get("file").asText()).isEqualTo("standard input");
            assertThat(problem.toString()).contains("high");
        });
    }

    @Test
    void namesStandardInputNotItsTemporaryCopyInEveryMessage() throws IOException {
        String metadata = Files.readString(Examples.METADATA);
        String badConfidence = metadata.replaceFirst("0\\.94", "high");
        assertThat(badConfidence).isNotEqualTo(metadata);

        CliRun missingColumn = CliRun.withInput(metadata.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of(),
                dir, "validate", "--csv", "-", "--string-fields", "no_such_column");
        CliRun badValue = CliRun.withInput(badConfidence.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of(),
                dir, "validate", "--input", "-", "--float-fields", "confidence", "--json");

        assertThat(missingColumn.exitCode()).as(missingColumn.both()).isEqualTo(2);
        assertThat(missingColumn.err()).contains("Column 'no_such_column' (--string-fields) not found in standard input.")
                .doesNotContain("vlmeta-stdin-").doesNotContain("stdin.csv");
        assertThat(badValue.exitCode()).as(badValue.both()).isEqualTo(3);
        com.fasterxml.jackson.databind.JsonNode json = new ObjectMapper().readTree(badValue.out());
        assertThat(json.get("input").asText()).isEqualTo("standard input");
        assertThat(badValue.out()).contains("standard input").contains("high")
                .doesNotContain("vlmeta-stdin-").doesNotContain("stdin.csv");
    }

    @Test
    void namesStandardInputInTheMessagesOfAParquetFileAndADicomConverterCsvPipedIn() throws IOException {
        byte[] parquet = Files.readAllBytes(Path.of("..", "sources-parquet", "src", "test", "resources", "fixtures",
                "types.parquet"));
        byte[] converterCsv = Files.readAllBytes(SharedFixtures.DICOM.resolve("converter-csv/dicom_metadata.csv"));

        CliRun badValues = CliRun.withInput(parquet, Map.of(), dir, "validate", "--input", "-", "--source", "parquet",
                "--float-fields", "label", "--report", dir.resolve("report.html").toString(), "--json");
        CliRun noKey = CliRun.withInput(parquet, Map.of(), dir, "validate", "--input", "-", "--source", "parquet",
                "--infer", "--path-column", "nosuch");
        CliRun noImageColumn = CliRun.withInput(converterCsv, Map.of(), dir, "validate", "--input", "-", "--source",
                "dicom-sidecar", "--infer", "--path-column", "nope");

        assertThat(badValues.exitCode()).as(badValues.both()).isEqualTo(3);
        com.fasterxml.jackson.databind.JsonNode problems = new ObjectMapper().readTree(badValues.out()).get("problems");
        assertThat(problems).hasSize(2).allSatisfy(problem ->
                assertThat(problem.get("file").asText()).isEqualTo("standard input"));
        assertThat(noKey.err()).contains("Error: standard input has no column 'nosuch' for the media paths");
        assertThat(noImageColumn.err()).contains("Error: File standard input has no 'nope' column naming each image");
        for (CliRun run : List.of(badValues, noKey, noImageColumn)) {
            // only the banner says where the copy is kept while the run lasts
            assertThat(run.both().lines().filter(line -> !line.contains("(read from its copy ")))
                    .noneMatch(line -> line.contains("vlmeta-stdin-") || line.contains("stdin.csv"));
        }
        assertThat(Files.readString(dir.resolve("report.json"))).contains("standard input")
                .doesNotContain("vlmeta-stdin-");
    }

    @Test
    void refusesAnEmptyNamedPipeNamingItsPathNotStandardInput() throws Exception {
        Path fifo = dir.resolve("empty-pipe.csv");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
        Thread writer = new Thread(() -> {
            try {
                Files.newOutputStream(fifo).close(); // opens (waiting for the reader) and closes it, writing nothing
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();

        CliRun run = CliRun.of(Map.of(), dir, "validate", "--csv", fifo.toString(), "--string-fields", "caption");
        writer.join(10_000);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        assertThat(run.err()).contains("The input " + fifo + " is empty: the pipe was closed before anything was"
                + " written into it. Check the program that writes into it, or give the metadata file itself.")
                .doesNotContain("Standard input").doesNotContain("Exception");
    }

    @Test
    void anEmptyDeviceGivenAsTheInputIsNamedADeviceNotAPipe() {
        // read, never written: a device that is always empty stands for any device that gives nothing
        Path device = Path.of("/dev/null");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(device), "needs /dev/null");

        CliRun run = CliRun.of(Map.of(), dir, "validate", "--csv", device.toString(), "--string-fields", "caption");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("Error: The input /dev/null is empty: it is a character device, not a file, and"
                + " reading it gave nothing. Give the metadata file itself.\n");
    }

    @Test
    void refusesEmptyStandardInput() {
        CliRun run = CliRun.withInput(new byte[0], Map.of(), dir, "validate", "--csv", "-", "--string-fields",
                "caption");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        assertThat(run.err()).contains("Standard input is empty: pipe the metadata into vlmeta, e.g. vlmeta validate"
                + " --csv - ... < metadata.csv.");
    }
}

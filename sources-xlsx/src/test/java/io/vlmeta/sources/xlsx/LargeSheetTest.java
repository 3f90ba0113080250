package io.vlmeta.sources.xlsx;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A sheet far larger than the heap streams through in a JVM with 64 MB, without a word on stderr. */
class LargeSheetTest {
    private static final int ROWS = 300_000;
    private static final String HEAP = "-Xmx64m";

    @TempDir
    static Path dir;
    private static Path book;

    @BeforeAll
    static void writeLargeSheet() throws IOException {
        book = dir.resolve("large.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(book)) {
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            Sheet sheet = workbook.createSheet("metadata");
            Row header = sheet.createRow(0);
            String[] names = {"file_fullpath", "score", "taken", "label"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
            for (int i = 1; i <= ROWS; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue(String.format("images/img%06d.jpg", i));
                row.createCell(1).setCellValue(i / 4.0);
                row.createCell(2).setCellValue(start.plusMinutes(i));
                row.getCell(2).setCellStyle(dateStyle);
                row.createCell(3).setCellValue("label number " + i + " with some words to make the row longer");
            }
            workbook.write(out);
        }
    }

    private static Run probe(String mode) throws IOException, InterruptedException {
        Path stdout = dir.resolve(mode + ".out");
        Path stderr = dir.resolve(mode + ".err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, HEAP, "-cp", System.getProperty("java.class.path"),
                LargeSheetProbe.class.getName(), mode, book.toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("probe finished").isTrue();
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    @Test
    void streamsEveryRowInASmallHeapAndPrintsNothingOnStderr() throws Exception {
        Run run = probe("stream");

        assertThat(run.stderr()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout().strip()).isEqualTo(ROWS + " records; last: images/img300000.jpg at row 300001,"
                + " score 75000, taken " + LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(ROWS));
        assertThat(Files.size(book)).isGreaterThan(5L * 1024 * 1024);
    }

    @Test
    void theSameHeapCannotHoldTheWorkbookLoadedWhole() throws Exception {
        Run run = probe("load");

        assertThat(run.exitCode()).isNotZero();
        assertThat(List.of(run.stderr().split("\n"))).anyMatch(line -> line.contains("java.lang.OutOfMemoryError"));
    }
}

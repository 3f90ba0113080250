package io.vlmeta.sources.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads two million rows (about 150 MB of text, several times the heap) in a JVM limited to 64 MB:
 * it can only finish if memory does not grow with the number of rows.
 */
class CsvStreamingMemoryTest {

    private static final int ROWS = 2_000_000;

    @Test
    void streamsTwoMillionRowsInA64MegabyteHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("large.csv");
        writeRows(file);
        Path output = dir.resolve("out.txt");

        Process process = new ProcessBuilder(javaExecutable(), "-Xmx64m", "-cp", testClassPath(),
                CountRecordsMain.class.getName(), file.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        int exitCode = process.waitFor();

        assertThat(Files.readString(output)).isEqualTo("records=2000000 values=14000000 problems=0"
                + System.lineSeparator());
        assertThat(exitCode).isZero();
    }

    private static void writeRows(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("file_fullpath,patient_id,score,created_at,status,tags,pdf_url,notes\n");
            for (int i = 0; i < ROWS; i++) {
                out.write("images/img");
                out.write(Integer.toString(i));
                out.write(".jpg,P");
                out.write(Integer.toString(i % 9973));
                out.write(",95.5,2024-01-15T10:30:00Z,active,\"tag1, tag2\",https://example.com/doc.pdf,");
                // Every thousandth row has a note spanning two lines, as spreadsheets export them.
                out.write(i % 1000 == 0 ? "\"first line\nsecond line\"\n" : "plain note\n");
            }
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String testClassPath() {
        // Surefire may hand the forked test JVM a manifest-only jar; it also exposes the real path.
        String surefirePath = System.getProperty("surefire.test.class.path");
        return surefirePath != null && !surefirePath.isBlank() ? surefirePath : System.getProperty("java.class.path");
    }
}

package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.Location;
import io.vlmeta.api.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RejectsCsvTest {
    @TempDir
    Path dir;

    @Test
    void neutralisesCellsASpreadsheetWouldRunAsFormulas() throws IOException {
        Path file = dir.resolve("rejects.csv");
        try (RejectsCsv rejects = new RejectsCsv(file)) {
            rejects.write("score", List.of(
                    new Rejection("=cmd|' /C calc'!A0", Location.of("m.csv", 2), "+1+2", "@SUM(A1)"),
                    new Rejection("images/a.jpg", Location.of("m.csv", 3), "-5", "\tTabbed"),
                    new Rejection("images/b.jpg", Location.of("m.csv", 4), "\rreturn", "Expected float")));
        }

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("""
                path,row,field,value,reason\r
                '=cmd|' /C calc'!A0,2,score,'+1+2,'@SUM(A1)\r
                images/a.jpg,3,score,'-5,'\tTabbed\r
                images/b.jpg,4,score,"'\rreturn",Expected float\r
                """);
    }

    @Test
    void leavesOrdinaryCellsAsTheyAre() {
        assertThat(RejectsCsv.cell("images/a.jpg")).isEqualTo("images/a.jpg");
        assertThat(RejectsCsv.cell("12.5")).isEqualTo("12.5");
        assertThat(RejectsCsv.cell("")).isEmpty();
    }
}

package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of the command line's refusals share: a one-row CSV in a temporary folder to point the command
 * at, and a secret-like word that a refusal must never show, wherever it was typed.
 */
abstract class OneRowCsvRefusals {
    /** Typed where a secret could be; no refusal may show it. */
    static final String SECRET = "S3CRq";

    @TempDir
    Path dir;

    /** The CSV's path: a header and one row, {@code a.jpg} with a float score. */
    String csv;

    @BeforeEach
    void csv() throws Exception {
        csv = Files.writeString(dir.resolve("m.csv"), "file_fullpath,score\na.jpg,1.5\n").toString();
    }

    /** Asserts a usage error (exit code 2) whose first line on standard error is {@code line}, and no secret. */
    static void assertRefused(CliRun run, String line) {
        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err().lines().findFirst().orElseThrow()).as(run.both()).isEqualTo(line);
        assertThat(run.both()).doesNotContain(SECRET);
    }
}

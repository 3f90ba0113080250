package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void uploadsTheExamplesToTheEmbeddedEmulatorAndShowsTheRealCommand() {
        // The tests run in cli/, which has no examples/ folder: the demo uses the copy on the class path.
        CliRun run = CliRun.of(Map.of(), dir, "demo");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).startsWith("vlmeta demo: a local Visual Layer emulator and the bundled examples\n")
                .contains("dataset 'demo-dataset' with 15 images")
                .contains("Visual Layer Custom Metadata Upload\n")
                .contains("Validation passed: 12 rows, 6 fields\n")
                .contains("Successfully uploaded: 6/6 fields\n")
                .contains("The emulator now holds: caption (string), captured_at (datetime), confidence (float), "
                        + "reference_url (link), tags (enum, multi), weather (enum)")
                .contains("To run the same against a real Visual Layer server:\n")
                .contains("--base-url https://app.visual-layer.com");
    }
}

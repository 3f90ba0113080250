package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void aStoppedDemoSaysToRunItAgainForItsEmulatorAndJournalAreGone() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<ResumeCommand> given = new ArrayList<>();
        int exit;
        try (PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            // the stop comes once the first field is declared: mid-upload, where a user's upload is resumed
            StopControl stops = (err, resume, document) -> {
                given.add(resume);
                return () -> out.toString(StandardCharsets.UTF_8).contains("Declared field");
            };
            exit = Cli.execute(new CliContext(Map.of(), stream, stream, false, dir, stops), "demo");
        }
        String both = out.toString(StandardCharsets.UTF_8);

        assertThat(exit).as(both).isEqualTo(130);
        assertThat(both).contains("Stopped: the demo's emulator and what it received end with the demo. Run the demo "
                + "again to start over.\n").doesNotContain("to continue, run")
                .doesNotContain("--state-dir"); // the resume command's: its journal is deleted with the demo
        assertThat(given).as("the resume command a second signal would print").containsOnlyNulls().isNotEmpty();
    }
}

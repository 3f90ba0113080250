package io.vlmeta.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrTopFramesTest {

    @TempDir
    Path temp;

    private static volatile long sink;

    @Test
    void chargesSamplesToTheRunningMethodAndTheNearestProjectMethod() throws IOException {
        Path file = temp.resolve("busy.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            busyInTheJdk(Duration.ofMillis(800));
            recording.stop();
            recording.dump(file);
        }

        JfrTopFrames.Summary summary = JfrTopFrames.summarise(file, 5);

        assertThat(summary.samples()).isPositive();
        assertThat(summary.topFrames()).hasSizeLessThanOrEqualTo(5).isNotEmpty();
        assertThat(summary.projectFrames()).extracting(JfrTopFrames.MethodShare::method)
                .contains("io.vlmeta.benchmarks.JfrTopFramesTest.busyInTheJdk");
        // The recording samples every thread of the JVM: a JDK thread such as the Reference Handler may
        // be caught once with no project method on its stack, and is then charged to no caller.
        assertThat(summary.topFrames().get(0).caller())
                .isEqualTo("io.vlmeta.benchmarks.JfrTopFramesTest.busyInTheJdk");
        assertThat(summary.topFrames())
                .filteredOn(share -> share.method().startsWith("java.") && share.caller() != null)
                .isNotEmpty()
                .allSatisfy(share -> assertThat(share.caller())
                        .isEqualTo("io.vlmeta.benchmarks.JfrTopFramesTest.busyInTheJdk"));
        assertThat(summary.render()).startsWith("Execution samples: " + summary.samples() + "\nTop frames")
                .contains("%  io.vlmeta.benchmarks.JfrTopFramesTest.busyInTheJdk\n");
    }

    @Test
    void refusesAFileThatIsNotARecording() throws IOException {
        Path file = Files.writeString(temp.resolve("not.jfr"), "plain text");

        assertThatThrownBy(() -> JfrTopFrames.summarise(file, 5)).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("Cannot read the recording " + file + ": ");
    }

    private static void busyInTheJdk(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long total = 0;
        while (System.nanoTime() < end) {
            total += Long.toString(total ^ 0x9E3779B97F4A7C15L).hashCode();
        }
        sink = total;
    }
}

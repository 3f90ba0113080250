package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** Which command lines get the early handlers; what they do is met in InterruptIT, on the real jar. */
class EarlySignalsTest {
    private static boolean installedFor(String... args) {
        PrintStream nowhere = new PrintStream(java.io.OutputStream.nullOutputStream());
        return EarlySignals.installFor(args, nowhere, nowhere);
    }

    @Test
    void aCommandLineWithoutACommandKeepsJavasHandling() {
        assertThat(installedFor()).isFalse();
        assertThat(installedFor("--version")).isFalse();
        assertThat(installedFor("-h")).isFalse();
    }

    /** A job, an export and a plan get them: InterruptIT stops each on the real jar, as installing them here would. */
    @Test
    void theEmulatorPluginsAndHelpKeepJavasHandling() {
        // the emulator stops through its shutdown hooks
        assertThat(installedFor("emulator", "--port", "0")).isFalse();
        assertThat(installedFor("plugins")).isFalse();
        assertThat(installedFor("help", "export")).isFalse();
    }
}

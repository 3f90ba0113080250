package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressBarsTest {
    /** Remembers what it was asked to draw, in order. */
    private static final class Recording implements ProgressDisplay {
        final List<String> calls = new ArrayList<>();

        @Override
        public void field(String label, long done, long total) {
            calls.add(label + " " + done + "/" + total);
        }

        @Override
        public void overall(String label, long done, long total, int fields) {
            calls.add(label + " (" + fields + ") " + done + "/" + total);
        }

        @Override
        public void fieldEnded(String label) {
            calls.add("end " + label);
        }

        @Override
        public void overallEnded(String label) {
            calls.add("end all");
        }
    }

    @Test
    void anUploadCountsWhatTheServerAcknowledgedNotWhatWasHandedToAWriter() {
        Recording display = new Recording();
        ProgressBars bars = new ProgressBars(display, true, "Uploading");
        bars.fieldStarted("score", 30_000);
        bars.fieldStarted("tags", 20_000);

        bars.fieldProgress("score", 30_000); // handed over, not yet accepted
        bars.fieldAccepted("score", 10_000);
        bars.fieldAccepted("tags", 20_000);
        bars.fieldFinished("tags");
        bars.fieldAccepted("tags", 20_000); // a last poll after the end opens nothing again
        bars.fieldFinished("score");

        assertThat(display.calls).containsExactly(
                "Uploading (2) 10000/50000", "Uploading score 10000/30000",
                "Uploading (2) 30000/50000", "Uploading tags 20000/20000",
                "end Uploading tags", "end Uploading score", "end all");
    }

    @Test
    void aResumedUploadsEarlierValuesStartTheOverallBarInsteadOfJumpingItAsEachFieldFirstReports() {
        Recording display = new Recording();
        ProgressBars bars = new ProgressBars(display, true, "Uploading");
        bars.fieldStarted("score", 1_000_000);
        bars.fieldStarted("tags", 1_000_000);
        bars.fieldAcceptedBefore("score", 900_000);
        bars.fieldAcceptedBefore("tags", 800_000);

        bars.fieldAccepted("score", 905_000);
        bars.fieldAccepted("tags", 805_000);

        // the overall bar opens at every earlier value, so its speed counts only this run's 5,000 + 5,000
        assertThat(display.calls).containsExactly(
                "Uploading (2) 1705000/2000000", "Uploading score 905000/1000000",
                "Uploading (2) 1710000/2000000", "Uploading tags 805000/1000000");
    }

    @Test
    void aDryRunCountsTheEntriesPrepared() {
        Recording display = new Recording();
        ProgressBars bars = new ProgressBars(display, false, "Preparing");
        bars.fieldStarted("score", 30_000);

        bars.fieldAccepted("score", 5);
        bars.fieldProgress("score", 20_000);

        assertThat(display.calls).containsExactly("Preparing (1) 20000/30000", "Preparing score 20000/30000");
    }

    @Test
    void shortUploadsAndManyFieldsGetNoFieldBars() {
        Recording small = new Recording();
        ProgressBars few = new ProgressBars(small, true, "Uploading");
        few.fieldStarted("score", 12);
        few.fieldAccepted("score", 12);
        Recording wide = new Recording();
        ProgressBars many = new ProgressBars(wide, true, "Uploading");
        for (int i = 0; i <= ProgressBars.MAX_FIELD_BARS; i++) {
            many.fieldStarted("f" + i, 10_000);
        }
        many.fieldAccepted("f0", 10_000);

        assertThat(small.calls).isEmpty();
        assertThat(wide.calls).containsExactly("Uploading (9) 10000/90000");
    }

    @Test
    void barsWhenStderrIsATerminalLinesOtherwiseAndTheEnvironmentCanChoose() {
        assertThat(CliContext.Progress.decide(true, Map.of())).isEqualTo(CliContext.Progress.BARS);
        assertThat(CliContext.Progress.decide(false, Map.of())).isEqualTo(CliContext.Progress.LINES);
        assertThat(CliContext.Progress.decide(true, Map.of("TERM", "dumb"))).isEqualTo(CliContext.Progress.LINES);
        assertThat(CliContext.Progress.decide(true, Map.of("VLMETA_PROGRESS", "off")))
                .isEqualTo(CliContext.Progress.OFF);
        assertThat(CliContext.Progress.decide(false, Map.of("VLMETA_PROGRESS", "bars")))
                .isEqualTo(CliContext.Progress.BARS);
    }
}

package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.cli.StopPhase.Reaction;
import org.junit.jupiter.api.Test;

class StopPhaseTest {
    private static final StopPhase RUNNING = new StopPhase.Running();

    @Test
    void aFirstSignalAsksARunningJobToStopAndASecondAbortsIt() {
        StopPhase stopping = RUNNING.afterSignal();

        assertThat(RUNNING.onSignal()).isEqualTo(Reaction.ASK_TO_STOP);
        assertThat(stopping).isInstanceOf(StopPhase.Stopping.class);
        assertThat(stopping.onSignal()).isEqualTo(Reaction.ABORT_JOB);
    }

    @Test
    void aSignalAfterTheJobEndedLetsItsOutputFinishAndOnlyASecondCutsIt() {
        StopPhase ended = RUNNING.afterEnd();
        StopPhase closing = ended.afterSignal();

        assertThat(ended.onSignal()).isEqualTo(Reaction.FINISH_OUTPUT);
        assertThat(closing.onSignal()).isEqualTo(Reaction.CUT_OUTPUT);
        assertThat(closing.afterSignal().onSignal()).isEqualTo(Reaction.CUT_OUTPUT);
    }

    @Test
    void aJobThatEndsAfterAStopRequestHasItsOutputCutByTheNextSignal() {
        // the user already pressed Ctrl-C once: the next one means at once, as during the job
        StopPhase closing = RUNNING.afterSignal().afterEnd();

        assertThat(closing.onSignal()).isEqualTo(Reaction.CUT_OUTPUT);
    }

    @Test
    void theEndIsTakenOnceAndChangesNothingAfterwards() {
        StopPhase ended = RUNNING.afterEnd();

        assertThat(ended.afterEnd()).isEqualTo(ended);
        assertThat(ended.afterSignal().afterEnd()).isInstanceOf(StopPhase.Closing.class);
    }
}

package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import io.vlmeta.cli.StdoutClaim.Owner;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class StdoutClaimTest {
    @Test
    void standardOutputStartsFree() {
        assertThat(new StdoutClaim().owner()).isEqualTo(Owner.FREE);
    }

    @Test
    void theJobKeepsStandardOutputOnceItClaimedItAndAForcedStopThenWritesNothing() {
        StdoutClaim claim = new StdoutClaim();

        assertThat(claim.claimForTheJob()).isTrue();
        assertThat(claim.claimForTheJob()).as("the job writing on").isTrue();
        assertThat(claim.claimForAForcedStop()).isFalse();
        assertThat(claim.owner()).isEqualTo(Owner.JOB);
    }

    @Test
    void aForcedStopTakesAFreeStandardOutputAndTheJobThenWritesNothing() {
        StdoutClaim claim = new StdoutClaim();

        assertThat(claim.claimForAForcedStop()).isTrue();
        assertThat(claim.claimForTheJob()).isFalse();
        assertThat(claim.owner()).isEqualTo(Owner.FORCED_STOP);
    }

    @Test
    void onlyOneForcedStopWritesItsDocument() {
        StdoutClaim claim = new StdoutClaim();

        assertThat(claim.claimForAForcedStop()).isTrue();
        assertThat(claim.claimForAForcedStop()).isFalse();
        assertThat(claim.owner()).isEqualTo(Owner.FORCED_STOP);
    }

    @Test
    void whenTheJobAndAForcedStopClaimAtOnceExactlyOneGetsIt() throws Exception {
        for (int i = 0; i < 500; i++) {
            StdoutClaim claim = new StdoutClaim();
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<Boolean> job = CompletableFuture.supplyAsync(() -> await(go) && claim.claimForTheJob());
            CompletableFuture<Boolean> stop = CompletableFuture.supplyAsync(() -> await(go)
                    && claim.claimForAForcedStop());
            go.countDown();

            assertThat(job.get() ^ stop.get()).as("one owner: job " + job.get() + ", stop " + stop.get()).isTrue();
            assertThat(claim.owner()).isEqualTo(job.get() ? Owner.JOB : Owner.FORCED_STOP);
        }
    }

    @Test
    void theRunWaitsOnlyForAForcedStopThatOwnsStandardOutput() {
        StdoutClaim free = new StdoutClaim();
        StdoutClaim job = new StdoutClaim();
        job.claimForTheJob();

        // the wait for a forced stop is 10 s: returning well within it means no wait at all
        assertTimeout(Duration.ofSeconds(5), () -> {
            free.yieldToAForcedStop();
            job.yieldToAForcedStop();
        });
    }

    private static boolean await(CountDownLatch go) {
        try {
            go.await();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

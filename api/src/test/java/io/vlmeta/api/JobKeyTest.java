package io.vlmeta.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JobKeyTest {

    @Test
    void waitsForAKeyStillBeingComputed() throws Exception {
        CompletableFuture<String> pending = new CompletableFuture<>();
        JobKey key = JobKey.pending(pending);
        Thread late = new Thread(() -> {
            sleep();
            pending.complete("abc123");
        });
        late.start();

        assertThat(key.value()).isEqualTo("abc123");
        late.join();
    }

    @Test
    void rethrowsWhyTheInputCouldNotBeDigestedAsItWas() {
        VlmetaException unreadable = new VlmetaException(ErrorCode.INPUT_UNREADABLE, "data.csv does not exist.");
        JobKey key = JobKey.pending(CompletableFuture.failedFuture(unreadable));

        assertThatThrownBy(key::value).isSameAs(unreadable);
    }

    @Test
    void computesAKeyWhenAskedOnceAndNeverWhenNotAsked() {
        AtomicInteger computed = new AtomicInteger();
        JobKey asked = JobKey.whenAsked(() -> "k" + computed.incrementAndGet());
        JobKey.whenAsked(() -> "k" + computed.incrementAndGet()).abandon();

        assertThat(computed).hasValue(0);
        assertThat(asked.value()).isEqualTo("k1");
        assertThat(asked.value()).isEqualTo("k1");
        assertThat(computed).hasValue(1);
    }

    @Test
    void saysAnAbandonedKeyWasNeverKnown() {
        JobKey key = JobKey.pending(new CompletableFuture<>());
        key.abandon();

        assertThat(key.abandoned()).isTrue();
        assertThatThrownBy(key::value).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("abandoned");
        assertThat(JobKey.of("x").abandoned()).isFalse();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.Resolution;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Measures the index's heap per media item on a million generated items; prints it, asserts only lookups. */
class MediaIndexMemoryTest {
    private static final int ITEMS = 1_000_000;

    @Test
    void measuresBytesPerMediaItemOnAMillionItems() {
        long before = usedAfterGc();
        MediaIndexBuilder builder = new MediaIndexBuilder(MatchMode.PATH);
        for (int i = 0; i < ITEMS; i++) {
            builder.add(String.format(Locale.ROOT, "images/batch_%03d/img_%07d.jpg", i % 1000, i),
                    new UUID(0x1234_5678_0000_4000L | i, 0x8000_0000_0000_0000L | i).toString());
        }
        MediaIndex index = builder.build("generated");
        long after = usedAfterGc();

        System.out.printf(Locale.ROOT, "Media index: %.1f bytes per media item (%,d items, paths of 31 bytes)%n",
                (after - before) / (double) ITEMS, ITEMS);
        assertThat(index.resolve("images/batch_999/img_0000999.jpg")).isInstanceOf(Resolution.Matched.class);
        assertThat(index.resolve("img_0500000.jpg"))
                .isEqualTo(new Resolution.Matched(new UUID(0x1234_5678_0000_4000L | 500_000,
                        0x8000_0000_0000_0000L | 500_000).toString(), 500_000));
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}

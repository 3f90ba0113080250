package io.vlmeta.benchmarks;

import io.vlmeta.api.MediaResolver;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures what the media index keeps on the heap per media item: the heap in use after a full
 * collection, before and after building the index over a generated export.
 *
 * <p>{@code java -Xmx4g -cp benchmarks/target/benchmarks.jar io.vlmeta.benchmarks.MediaIndexFootprint 10000000}
 */
public final class MediaIndexFootprint {

    private MediaIndexFootprint() {
    }

    /**
     * @param args how many media items (default 1,000,000), then optionally the seed (default 42)
     * @throws Exception when the temporary files cannot be written or removed
     */
    public static void main(String[] args) throws Exception {
        long media = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000L;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42L;
        Path folder = OfflineMediaIndex.tempFolder("vlmeta-footprint");
        Path export = folder.resolve("export.csv");
        try {
            OfflineMediaIndex.writeExport(export, media, seed);
            long before = heapAfterCollection();
            long started = System.nanoTime();
            MediaResolver index = OfflineMediaIndex.open(export, folder);
            double seconds = (System.nanoTime() - started) / 1e9;
            long after = heapAfterCollection();
            System.out.printf("%,d media: index built in %.1f s, %,d bytes retained, %.1f bytes per media item%n",
                    index.size(), seconds, after - before, (after - before) / (double) index.size());
            Reference.reachabilityFence(index);
        } finally {
            Files.deleteIfExists(export);
            Files.deleteIfExists(folder);
        }
    }

    private static long heapAfterCollection() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        // a few rounds: one collection may leave garbage that a finaliser or a reference queue frees later
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}

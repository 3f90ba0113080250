package io.vlmeta.benchmarks;

import io.vlmeta.api.MediaResolver;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

/**
 * Times building the media index from an export file, as {@code vlmeta validate --export-file} does:
 * the best of several builds, in wall time and in the building thread's CPU time (which a busy shared
 * machine disturbs far less). File names are the generator's ASCII ones, or ({@code accented}) Latin
 * names with accents ({@code images/café_001/résumé_0000001.jpg}), which take the index's non-ASCII path.
 *
 * <p>{@code java -Xmx4g -cp benchmarks/target/benchmarks.jar io.vlmeta.benchmarks.MediaIndexBuildTime 1000000 ascii 7}
 */
public final class MediaIndexBuildTime {

    private MediaIndexBuildTime() {
    }

    /**
     * @param args how many media items (default 1,000,000), {@code ascii} or {@code accented} (default
     *             ascii), how many builds (default 7)
     * @throws Exception when the temporary files cannot be written or removed
     */
    public static void main(String[] args) throws Exception {
        int media = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        boolean accented = args.length > 1 && args[1].equals("accented");
        int builds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Path folder = OfflineMediaIndex.tempFolder("vlmeta-build-time");
        Path export = folder.resolve("export.csv");
        try {
            if (accented) {
                writeAccentedExport(export, media);
            } else {
                OfflineMediaIndex.writeExport(export, media, 42);
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double wall = Double.MAX_VALUE;
            double cpu = Double.MAX_VALUE;
            for (int i = 0; i < builds; i++) {
                System.gc();
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                MediaResolver index = OfflineMediaIndex.open(export, folder);
                wall = Math.min(wall, (System.nanoTime() - start) / 1e9);
                cpu = Math.min(cpu, (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
                if (index.size() != media) {
                    throw new IllegalStateException("indexed " + index.size() + " of " + media + " media");
                }
            }
            System.out.printf(Locale.ROOT, "%,d media (%s names): best of %d builds %.2f s wall, %.2f s CPU%n",
                    media, accented ? "accented" : "ASCII", builds, wall, cpu);
        } finally {
            Files.deleteIfExists(export);
            Files.deleteIfExists(folder);
        }
    }

    private static void writeAccentedExport(Path export, int media) throws java.io.IOException {
        try (BufferedWriter out = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
            out.write("filename,media_id\n");
            for (int i = 0; i < media; i++) {
                out.write(String.format(Locale.ROOT, "images/caf\u00e9_%03d/r\u00e9sum\u00e9_%07d.jpg,%s%n", i % 1000, i,
                        new UUID(0x1234_5678_0000_4000L | i, 0x8000_0000_0000_0000L | i)));
            }
        }
    }
}

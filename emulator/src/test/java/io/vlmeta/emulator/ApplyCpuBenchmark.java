package io.vlmeta.emulator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the CPU time of applying upload files alone (JSON parsing and storing, no HTTP), per entry
 * and per field type, on this thread. A measurement to run by hand, not a test (see
 * {@code docs/emulator.md}): {@code java -cp <emulator test classpath> io.vlmeta.emulator.ApplyCpuBenchmark 200000 9 [shuffled]}.
 */
public final class ApplyCpuBenchmark {
    private static final String[] TYPES = {"float", "string", "datetime", "enum", "multi-enum", "link", "integer", "hex"};

    private ApplyCpuBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        // "shuffled": entries in a random media order instead of export order
        boolean shuffled = args.length > 2 && args[2].equals("shuffled");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<String> files = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            files.add("images/folder" + (i % 100) + "/img" + i + ".jpg");
        }
        MediaCatalog media = MediaCatalog.of("bench", files);
        String[] mediaIds = new String[rows];
        for (int i = 0; i < rows; i++) {
            mediaIds[i] = media.mediaId(i);
        }
        if (shuffled) {
            List<String> order = new ArrayList<>(Arrays.asList(mediaIds));
            java.util.Collections.shuffle(order, new java.util.Random(1));
            mediaIds = order.toArray(String[]::new);
        }
        byte[][] bodies = new byte[TYPES.length][];
        for (int field = 0; field < TYPES.length; field++) {
            bodies[field] = json(field, mediaIds);
        }
        double[][] perEntry = new double[TYPES.length][rounds];
        for (int round = 0; round < rounds; round++) {
            Dataset dataset = new Dataset("bench", media);
            for (int field = 0; field < TYPES.length; field++) {
                DeclaredField declared = dataset.declare(definition(field), 0, TaskPolicy.OPEN_UNTIL_FAILED)
                        .orElseThrow();
                long before = threads.getCurrentThreadCpuTime();
                long entries;
                synchronized (declared.task()) {
                    declared.task().admitFile();
                    entries = new UploadProcessor(dataset, declared).apply(bodies[field], 0, bodies[field].length);
                }
                long used = threads.getCurrentThreadCpuTime() - before;
                if (entries != rows || declared.task().snapshot().errorCount() != 0) {
                    throw new IllegalStateException(TYPES[field] + ": " + declared.task().snapshot());
                }
                perEntry[field][round] = used / 1000.0 / rows;
            }
        }
        double total = 0;
        for (int field = 0; field < TYPES.length; field++) {
            double[] warm = Arrays.copyOfRange(perEntry[field], rounds / 2, rounds);
            Arrays.sort(warm);
            double median = warm[warm.length / 2];
            total += median;
            System.out.printf("%-10s %.3f us per entry (median of the last %d rounds)%n", TYPES[field], median,
                    warm.length);
        }
        System.out.printf("mean over the 8 fields, media in %s order: %.3f us of CPU per entry%n",
                shuffled ? "random" : "export", total / TYPES.length);
    }

    private static FieldDefinition definition(int field) {
        String name = "f" + field;
        return switch (field) {
            case 0, 6 -> new FieldDefinition(name, "float", false, List.of());
            case 1, 7 -> new FieldDefinition(name, "string", false, List.of());
            case 2 -> new FieldDefinition(name, "datetime", false, List.of());
            case 3 -> new FieldDefinition(name, "enum", false, List.of("a", "b", "c"));
            case 4 -> new FieldDefinition(name, "enum", true, List.of("t1", "t2", "t3"));
            default -> new FieldDefinition(name, "link", false, List.of());
        };
    }

    private static byte[] json(int field, String[] mediaIds) {
        byte[] multipart = IngestCpuBenchmark.UploadBodies.multipart(field, mediaIds, 0, mediaIds.length);
        String text = new String(multipart, StandardCharsets.UTF_8);
        return text.substring(text.indexOf('['), text.lastIndexOf(']') + 1).getBytes(StandardCharsets.UTF_8);
    }
}

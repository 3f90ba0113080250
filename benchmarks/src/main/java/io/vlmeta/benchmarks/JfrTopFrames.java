package io.vlmeta.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a flight recording's {@code jdk.ExecutionSample} events into the methods that were
 * running most often (the top frame of each sample) and, for each sample, the project method closest
 * to the top (so time spent in the JDK or a library is charged to the {@code io.vlmeta} code that
 * called it).
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.vlmeta.benchmarks.JfrTopFrames run.jfr 15}
 */
public final class JfrTopFrames {

    private static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    private static final String PROJECT_PACKAGE = "io.vlmeta.";

    /**
     * One method and how many samples it accounts for.
     *
     * @param method  {@code package.Class.method}
     * @param samples the samples
     * @param caller  for a top frame outside the project, the project method that most often led to it;
     *                {@code null} when there is none or the method is the project's own
     */
    public record MethodShare(String method, long samples, String caller) {
    }

    /**
     * @param samples      every execution sample in the recording
     * @param topFrames    the most frequent top frames, most frequent first
     * @param projectFrames the most frequent project frames closest to the top, most frequent first
     */
    public record Summary(long samples, List<MethodShare> topFrames, List<MethodShare> projectFrames) {

        /** @return the summary as a few aligned lines with percentages */
        public String render() {
            StringBuilder text = new StringBuilder("Execution samples: ").append(samples).append('\n');
            text.append("Top frames (the method running):\n");
            topFrames.forEach(share -> line(text, share));
            text.append("Closest io.vlmeta frame (the project code that caused the work):\n");
            projectFrames.forEach(share -> line(text, share));
            return text.toString();
        }

        private void line(StringBuilder text, MethodShare share) {
            text.append(String.format("  %5.1f%%  %s", 100.0 * share.samples() / Math.max(1, samples),
                    share.method()));
            if (share.caller() != null) {
                text.append("  (from ").append(share.caller()).append(')');
            }
            text.append('\n');
        }
    }

    private JfrTopFrames() {
    }

    /**
     * @param args the recording file, then optionally how many methods to list (default 15)
     */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("Usage: JfrTopFrames <recording.jfr> [count]");
            System.exit(2);
        }
        int count = args.length == 2 ? Integer.parseInt(args[1]) : 15;
        System.out.print(summarise(Path.of(args[0]), count).render());
    }

    /**
     * @param recording a JFR file
     * @param count     how many methods to keep in each list
     * @return the summary
     * @throws UncheckedIOException when the file cannot be read as a recording
     */
    public static Summary summarise(Path recording, int count) {
        Map<String, Long> top = new HashMap<>();
        Map<String, Long> project = new HashMap<>();
        Map<String, Map<String, Long>> callers = new HashMap<>();
        long samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                RecordedStackTrace stack = event.getStackTrace();
                if (!event.getEventType().getName().equals(EXECUTION_SAMPLE) || stack == null
                        || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                String running = name(frames.get(0));
                top.merge(running, 1L, Long::sum);
                frames.stream().map(JfrTopFrames::name).filter(n -> n.startsWith(PROJECT_PACKAGE)).findFirst()
                        .ifPresent(n -> {
                            project.merge(n, 1L, Long::sum);
                            if (!n.equals(running)) {
                                callers.computeIfAbsent(running, k -> new HashMap<>()).merge(n, 1L, Long::sum);
                            }
                        });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the recording " + recording + ": " + e.getMessage(), e);
        }
        return new Summary(samples, mostFrequent(top, count, callers), mostFrequent(project, count, Map.of()));
    }

    private static String mainCaller(Map<String, Long> callers) {
        if (callers == null) {
            return null;
        }
        // most samples first; a tie goes to the alphabetically first name, so the output is stable
        Comparator<Map.Entry<String, Long>> order = Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey());
        return callers.entrySet().stream().min(order).map(Map.Entry::getKey).orElse(null);
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static List<MethodShare> mostFrequent(Map<String, Long> counts, int count,
                                                  Map<String, Map<String, Long>> callers) {
        return counts.entrySet().stream()
                .map(e -> new MethodShare(e.getKey(), e.getValue(), mainCaller(callers.get(e.getKey()))))
                .sorted(Comparator.comparingLong(MethodShare::samples).reversed().thenComparing(MethodShare::method))
                .limit(count)
                .toList();
    }
}

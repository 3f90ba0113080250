package io.vlmeta.cli;

import io.vlmeta.api.Plural;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Progress where nothing can be redrawn (a file, a pipe, a CI log): one plain line every 10 seconds
 * or every tenth of the way, whichever comes first, with the count, the rate and an ETA, e.g.
 * {@code Validating: 1,200,000 rows, 40% of 96.2 MB, 250,000 rows/s, ETA 0:00:07}.
 */
final class ProgressLines implements ProgressDisplay {
    static final Duration EVERY = Duration.ofSeconds(10);
    /**
     * The least time a rate and an ETA are measured over (an upload's acknowledgements are polled as often):
     * counts that arrive together (the fields of a resumed upload reporting its last few batches, a poll and a
     * field's end) would give rates of millions a second.
     */
    static final Duration RATE_BASE = Duration.ofMillis(250);

    private final PrintStream err;
    private final LongSupplier nanoTime;
    private final Map<String, Task> tasks = new HashMap<>();

    /** @param nanoTime the clock, {@code System::nanoTime} outside tests */
    ProgressLines(PrintStream err, LongSupplier nanoTime) {
        this.err = err;
        this.nanoTime = nanoTime;
    }

    /** The first observation (the base of the rate) and the last line printed. */
    private static final class Task {
        final long startNanos;
        final long startCount;
        final double startFraction;
        long lastPrintNanos;
        int lastTenth;

        Task(long now, long count, double fraction) {
            this.startNanos = now;
            this.startCount = count;
            this.startFraction = Math.max(0, fraction);
            this.lastPrintNanos = now;
            this.lastTenth = fraction < 0 ? 0 : (int) (fraction * 10);
        }
    }

    @Override
    public synchronized void validating(long rows, long bytesRead, long totalBytes) {
        double fraction = bytesRead >= 0 && totalBytes > 0 ? Math.min(1.0, (double) bytesRead / totalBytes) : -1;
        maybePrint("Validating", rows, fraction, () -> Plural.grouped(rows, "row", "rows")
                + (fraction < 0 ? "" : String.format(Locale.ROOT, ", %d%% of %s", percent(fraction),
                megabytes(totalBytes))), "rows");
    }

    @Override
    public synchronized void validated() {
        tasks.remove("Validating");
    }

    @Override
    public synchronized void overall(String label, long done, long total, int fields) {
        double fraction = total > 0 ? Math.min(1.0, (double) done / total) : -1;
        maybePrint(label, done, fraction, () -> String.format(Locale.ROOT, "%,d of %s (%d%%) in %s", done,
                Plural.grouped(total, "value", "values"), percent(fraction), Plural.count(fields, "field")), "values");
    }

    @Override
    public synchronized void overallEnded(String label) {
        tasks.remove(label);
    }

    /**
     * @param what the line's text after the label, built only when the line is printed: most calls print
     *             nothing, and formatting grouped numbers costs more than the rest of a call
     */
    private void maybePrint(String label, long count, double fraction, Supplier<String> what, String unit) {
        long now = nanoTime.getAsLong();
        Task task = tasks.get(label);
        if (task == null) {
            tasks.put(label, new Task(now, count, fraction));
            return; // the first observation is the base of the rate; nothing to say about speed yet
        }
        int tenth = fraction < 0 ? task.lastTenth : (int) (fraction * 10);
        if (now - task.lastPrintNanos < EVERY.toNanos() && tenth <= task.lastTenth) {
            return;
        }
        task.lastPrintNanos = now;
        task.lastTenth = tenth;
        double seconds = (now - task.startNanos) / 1e9;
        StringBuilder line = new StringBuilder(label).append(": ").append(what.get());
        if (now - task.startNanos >= RATE_BASE.toNanos()) {
            line.append(String.format(Locale.ROOT, ", %,d %s/s", Math.round((count - task.startCount) / seconds),
                    unit));
            double progressed = fraction - task.startFraction;
            if (fraction >= 0 && progressed > 0) {
                line.append(", ETA ").append(clock(Math.round(seconds * (1 - fraction) / progressed)));
            }
        }
        err.println(line);
        err.flush();
    }

    private static int percent(double fraction) {
        return (int) Math.floor(Math.max(0, fraction) * 100);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** @return {@code h:mm:ss} */
    static String clock(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}

package io.vlmeta.cli;

import io.vlmeta.api.Plural;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on a terminal: progressbar renders each bar, and its {@link DelegatingProgressBarConsumer}
 * hands the line here, where all bars are drawn as one block at the bottom of standard error. A line
 * printed through {@link #guard} clears the block, is printed, and the block is drawn again below it,
 * so step lines and bars never break each other.
 */
final class BarBoard implements ProgressDisplay {
    private static final String VALIDATION = "Validating";

    private final PrintStream err;
    private final int width;
    private final Map<String, ProgressBar> bars = new LinkedHashMap<>();
    /** The latest rendered line of each bar: the overall one first, then fields in the order they started. */
    private final Map<String, String> lines = new LinkedHashMap<>();
    private int drawn;

    /** @param width the terminal's width in columns */
    BarBoard(PrintStream err, int width) {
        this.err = err;
        this.width = Math.max(20, width);
    }

    // progressbar's methods are called outside this object's lock: its render thread calls draw(), which takes it

    @Override
    public void validating(long rows, long bytesRead, long totalBytes) {
        boolean sized = bytesRead >= 0 && totalBytes > 0;
        boolean large = totalBytes >= 10_000_000;
        ProgressBar bar = bar(VALIDATION, () -> sized ? open(VALIDATION, VALIDATION, totalBytes, large ? " MB" : " kB",
                large ? 1_000_000 : 1000, Math.min(bytesRead, totalBytes)) : open(VALIDATION, VALIDATION, -1, " rows", 1,
                rows));
        if (sized) {
            bar.setExtraMessage(Plural.grouped(rows, "row", "rows"));
            bar.stepTo(Math.min(bytesRead, totalBytes));
        } else {
            bar.stepTo(rows);
        }
    }

    @Override
    public void validated() {
        end(VALIDATION);
    }

    @Override
    public void overall(String label, long done, long total, int fields) {
        String key = "all:" + label;
        ProgressBar bar = bar(key, () -> open(label + " " + fields + (fields == 1 ? " field" : " fields"), key, total,
                " values", 1, done));
        bar.maxHint(total);
        bar.stepTo(done);
    }

    @Override
    public void overallEnded(String label) {
        end("all:" + label);
    }

    @Override
    public void field(String label, long done, long total) {
        bar(label, () -> open(label, label, total, " values", 1, done)).stepTo(done);
    }

    @Override
    public void fieldEnded(String label) {
        end(label);
    }

    /** @return the bar under {@code key}, opened (outside the lock) when there is none */
    private ProgressBar bar(String key, java.util.function.Supplier<ProgressBar> opener) {
        synchronized (this) {
            ProgressBar bar = bars.get(key);
            if (bar != null) {
                return bar;
            }
            lines.putIfAbsent(key, ""); // before the bar exists: its first render comes at once, from its thread
        }
        ProgressBar opened = opener.get();
        synchronized (this) {
            ProgressBar earlier = bars.putIfAbsent(key, opened);
            if (earlier == null) {
                return opened;
            }
        }
        opened.close();
        return bars.get(key);
    }

    /**
     * @param start what was already done when the bar opens (a resumed upload's values, the rows handed to the
     *              report before its first step): the bar shows it, and its speed and ETA count only what
     *              follows, as progressbar measures them from the bar's start
     */
    private ProgressBar open(String task, String key, long max, String unit, long divisor, long start) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUnit(unit, divisor)
                .startsFrom(Math.max(0, start), Duration.ZERO)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(250).continuousUpdate().showSpeed()
                .setConsumer(new DelegatingProgressBarConsumer(text -> draw(key, text), width - 1)).build();
    }

    private void end(String key) {
        ProgressBar bar;
        synchronized (this) {
            bar = bars.remove(key);
        }
        if (bar != null) {
            bar.close(); // renders once more through draw(), outside this lock: progressbar's thread may hold its own
        }
        synchronized (this) {
            lines.remove(key);
            redraw();
        }
    }

    private synchronized void draw(String key, String text) {
        if (!lines.containsKey(key)) {
            return; // a last render after the bar ended
        }
        lines.put(key, text.replace("\r", "").replace("\n", ""));
        redraw();
    }

    /** Clears the block, runs {@code print}, and draws the block again below what it printed. */
    synchronized void above(Runnable print) {
        clear();
        print.run();
        redraw();
    }

    private void clear() {
        if (drawn > 0) {
            err.print("\r\u001b[" + drawn + "A\u001b[J");
            err.flush();
            drawn = 0;
        }
    }

    private void redraw() {
        List<String> shown = new ArrayList<>();
        lines.values().stream().filter(line -> !line.isEmpty()).forEach(shown::add);
        if (drawn == 0 && shown.isEmpty()) {
            return;
        }
        StringBuilder block = new StringBuilder();
        block.append(drawn > 0 ? "\r\u001b[" + drawn + "A\u001b[J" : "\r\u001b[J");
        shown.forEach(line -> block.append(line).append('\n'));
        err.print(block);
        err.flush();
        drawn = shown.size();
    }

    @Override
    public PrintStream guard(PrintStream out) {
        return new PrintStream(new LineRouter(out), true, Charset.defaultCharset());
    }

    @Override
    public void close() {
        List<String> open;
        synchronized (this) {
            open = new ArrayList<>(bars.keySet());
        }
        open.forEach(this::end);
        synchronized (this) {
            lines.clear();
            clear();
        }
    }

    /** Collects bytes up to each line's end, then prints the whole line above the bars. */
    private final class LineRouter extends OutputStream {
        private final PrintStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineRouter(PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                emit();
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        @Override
        public synchronized void flush() {
            if (line.size() > 0 && line.toByteArray()[line.size() - 1] == '\n') {
                emit();
            }
            target.flush();
        }

        private void emit() {
            byte[] bytes = line.toByteArray();
            line.reset();
            above(() -> {
                target.write(bytes, 0, bytes.length);
                target.flush();
            });
        }

        @Override
        public synchronized void close() {
            if (line.size() > 0) {
                byte[] bytes = line.toByteArray();
                line.reset();
                above(() -> target.write(bytes, 0, bytes.length));
            }
            target.flush();
        }
    }
}

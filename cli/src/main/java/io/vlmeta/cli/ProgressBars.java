package io.vlmeta.cli;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars for long passes, on a terminal only (they write escape codes). Short inputs get no
 * bar: it would flash and vanish.
 */
final class ProgressBars implements AutoCloseable {
    /** Below this many values a field's upload gets no bar. */
    static final long LONG_INPUT = 10_000;

    private final boolean enabled;
    private final String fieldVerb;
    private final Map<String, ProgressBar> bars = new ConcurrentHashMap<>();

    /**
     * @param enabled   false draws nothing (not a terminal, or --json)
     * @param fieldVerb what a field's bar says it does, e.g. {@code Uploading}
     */
    ProgressBars(boolean enabled, String fieldVerb) {
        this.enabled = enabled;
        this.fieldVerb = fieldVerb;
    }

    /** Advances the validation bar, which has no known end (rows are counted, not known in advance). */
    void validation(long rowsRead) {
        if (enabled) {
            bars.computeIfAbsent("", k -> open("Validating", -1, "rows")).stepTo(rowsRead);
        }
    }

    void endValidation() {
        close("");
    }

    void fieldStarted(String field, long values) {
        if (enabled && values >= LONG_INPUT) {
            bars.put("field:" + field, open(fieldVerb + " " + ConsoleText.escape(field), values, "values"));
        }
    }

    void fieldProgress(String field, long sent) {
        ProgressBar bar = bars.get("field:" + field);
        if (bar != null) {
            bar.stepTo(sent);
        }
    }

    void fieldFinished(String field) {
        close("field:" + field);
    }

    private static ProgressBar open(String task, long max, String unit) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(250).showSpeed().build();
    }

    private void close(String key) {
        ProgressBar bar = bars.remove(key);
        if (bar != null) {
            bar.close();
        }
    }

    @Override
    public void close() {
        bars.keySet().forEach(this::close);
    }
}

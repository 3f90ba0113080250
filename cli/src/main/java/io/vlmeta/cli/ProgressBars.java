package io.vlmeta.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Progress of the two long passes, on standard error: the validation (rows, and how far into the
 * file, with an ETA) and the upload (one overall bar and one per field). An upload counts the
 * entries the server acknowledged, not the entries handed to a writer; a dry run and a validation
 * count the entries prepared. Short inputs show nothing: a bar would flash and vanish.
 */
final class ProgressBars implements AutoCloseable {
    /** Below this many rows or values nothing is shown. */
    static final long LONG_INPUT = 10_000;
    /** More fields than this get only the overall bar: a DICOM folder can have hundreds. */
    static final int MAX_FIELD_BARS = 8;

    private final ProgressDisplay display;
    private final boolean countAccepted;
    private final String fieldVerb;
    private final Map<String, Long> totals = new LinkedHashMap<>();
    private final Map<String, Long> done = new LinkedHashMap<>();
    private final java.util.Set<String> ended = new java.util.HashSet<>();
    private boolean validationShown;

    /**
     * @param display       where progress is drawn; {@link ProgressDisplay#NONE} for nowhere
     * @param countAccepted true for an upload: bars count what the server acknowledged
     * @param fieldVerb     what a field's bar says it does, e.g. {@code Uploading}
     */
    ProgressBars(ProgressDisplay display, boolean countAccepted, String fieldVerb) {
        this.display = display;
        this.countAccepted = countAccepted;
        this.fieldVerb = fieldVerb;
    }

    /** @return the progress display a context asks for, drawing on its standard error */
    static ProgressDisplay display(CliContext context) {
        return switch (context.progress()) {
            case BARS -> new BarBoard(context.err(), Terminals.stderrColumns(context.environment()));
            case LINES -> new ProgressLines(context.err(), System::nanoTime);
            case OFF -> ProgressDisplay.NONE;
        };
    }

    /** @return {@code out}, printing its lines above the bars while they are drawn */
    PrintStream guard(PrintStream out) {
        return display.guard(out);
    }

    /** Advances the validation without a known end. */
    void validation(long rowsRead) {
        validation(rowsRead, -1, -1);
    }

    /** Advances the validation: rows read, and bytes read of the file's size when both are known. */
    synchronized void validation(long rowsRead, long bytesRead, long totalBytes) {
        if (rowsRead >= LONG_INPUT) {
            validationShown = true;
            display.validating(rowsRead, bytesRead, totalBytes);
        }
    }

    synchronized void endValidation() {
        if (validationShown) {
            display.validated();
            validationShown = false;
        }
    }

    synchronized void fieldStarted(String field, long values) {
        totals.put(field, values);
        done.put(field, 0L);
    }

    /**
     * Entries of an upload's field the server already held (a resumed upload's): they count towards the
     * overall bar's position from its start, never towards its speed, as a field's own bar starts from
     * its first count.
     */
    synchronized void fieldAcceptedBefore(String field, long accepted) {
        if (countAccepted && done.containsKey(field) && !ended.contains(field)) {
            done.put(field, accepted);
        }
    }

    /** Entries handed to the field's writer: the count for a dry run and a validation. */
    void fieldProgress(String field, long sent) {
        if (!countAccepted) {
            advance(field, sent);
        }
    }

    /** Entries the server acknowledged: the count for an upload. */
    void fieldAccepted(String field, long accepted) {
        if (countAccepted) {
            advance(field, accepted);
        }
    }

    private synchronized void advance(String field, long count) {
        if (!done.containsKey(field) || ended.contains(field)) {
            return; // a count arriving after the field ended would open its bar again
        }
        done.put(field, count);
        long total = totals.values().stream().mapToLong(Long::longValue).sum();
        if (total < LONG_INPUT) {
            return;
        }
        // the overall bar first, so it is drawn above the fields'
        display.overall(fieldVerb, done.values().stream().mapToLong(Long::longValue).sum(), total, totals.size());
        if (totals.size() <= MAX_FIELD_BARS) {
            display.field(fieldVerb + " " + ConsoleText.escape(field), count, totals.get(field));
        }
    }

    synchronized void fieldFinished(String field) {
        if (totals.containsKey(field) && ended.add(field)) {
            display.fieldEnded(fieldVerb + " " + ConsoleText.escape(field));
            if (ended.size() == totals.size()) {
                display.overallEnded(fieldVerb);
            }
        }
    }

    @Override
    public void close() {
        display.close();
    }
}

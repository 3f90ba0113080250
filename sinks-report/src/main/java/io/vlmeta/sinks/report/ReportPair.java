package io.vlmeta.sinks.report;

import io.vlmeta.api.ReportPaths;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.api.WriteTargets;
import java.nio.file.Path;

/**
 * Puts the two files of one report in place as nearly together as a file system allows. Both are first written
 * whole to drafts beside their places ({@link ReportFileDraft}); only then is the JSON file moved into place, and
 * the HTML file right after it. No POSIX file system renames two files as one, so a run stopped between the two
 * moves (a kill, a failed move of the HTML file) leaves this run's JSON file beside the previous run's HTML file.
 * Each file names the run it belongs to (the JSON's {@code run_id}, the HTML's {@code vlmeta-run-id} meta element
 * and footer), so a reader tells such a pair from a matching one. The JSON file goes first so that an HTML file,
 * the one people open, never stands beside data older than itself: when the two differ, the HTML is the older.
 */
class ReportPair {
    /** Which paths a move may replace; the jobs check the same before their first request. */
    private final WriteTargets targets;

    ReportPair() {
        this(WriteTargets.SYSTEM);
    }

    /** @param targets which paths a move may replace (a test names system folders of its own); never null */
    ReportPair(WriteTargets targets) {
        this.targets = targets;
    }

    /**
     * Writes both drafts, then moves them into place.
     *
     * @throws VlmetaException ({@link ReportSink#REPORT_UNWRITABLE}) when either path names what a move must not
     *                         replace (a folder, a device, a pipe, a path into /dev), before any draft is written;
     *                         or when a draft cannot be written or moved, the drafts not moved then deleted
     */
    void write(ReportPaths files, String json, String html) {
        replaceable(files.html());
        replaceable(files.json());
        ReportFileDraft jsonDraft = ReportFileDraft.write(files.json(), "json", json);
        ReportFileDraft htmlDraft;
        try {
            htmlDraft = ReportFileDraft.write(files.html(), "html", html);
        } catch (VlmetaException e) {
            jsonDraft.discard();
            throw e;
        }
        try {
            jsonDraft.moveInPlace();
        } catch (VlmetaException e) {
            htmlDraft.discard();
            throw e;
        }
        betweenMoves();
        htmlDraft.moveInPlace();
    }

    /** Refuses a file the move would replace though it is not a file of the report's to replace. */
    private void replaceable(Path file) {
        targets.whyNotReplaceable(file).ifPresent(why -> {
            throw new VlmetaException(ReportSink.REPORT_UNWRITABLE, "Cannot write the report to '" + file + "': it "
                    + why + "; give --report a regular file, e.g. --report vlmeta-report.html.");
        });
    }

    /** Nothing: the two moves follow each other at once. A test stops a run here. */
    void betweenMoves() {
    }
}

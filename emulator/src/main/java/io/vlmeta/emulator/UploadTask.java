package io.vlmeta.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The upload task of one field: its life cycle and counts. Files are applied under this task's
 * monitor, one at a time in arrival order (also when applied asynchronously: one queue serves all
 * tasks in order). The status only reaches a final value after the configured number of polls, so
 * clients must really poll; whether a task then takes more files is its {@link TaskPolicy}.
 */
final class UploadTask {
    /** At most this many rejected rows are listed in {@code sample_errors}; all are counted. */
    static final int SAMPLE_LIMIT = 100;

    enum Status { INIT, IN_PROGRESS, COMPLETED, COMPLETED_WITH_ERRORS, FAILED }

    /** A rejected row as {@code sample_errors} lists it. */
    record Rejection(String reason, long rowIndex) {
    }

    /** What a status poll answers. */
    record Snapshot(String taskId, Status status, double progress, long insertedRows, long errorCount,
                    List<Rejection> sampleErrors) {
    }

    private final String id;
    private final int pollsToComplete;
    private final TaskPolicy policy;
    private Status status = Status.INIT;
    private long rowsSeen;
    private long insertedRows;
    private long errorCount;
    private final List<Rejection> samples = new ArrayList<>();
    private int pollsSinceUpload;
    /** Files accepted (answered) but not yet applied: asynchronous application. */
    private int pendingFiles;
    /** Files accepted, applied or pending; a cut-off body that changed nothing is not counted. */
    private int filesReceived;
    /** A poll has answered a final status (matters for {@link TaskPolicy#CLOSED_BY_FINAL_POLL}). */
    private boolean finalStatusReported;

    UploadTask(String id, int pollsToComplete, TaskPolicy policy) {
        this.id = id;
        this.pollsToComplete = pollsToComplete;
        this.policy = policy;
    }

    String id() {
        return id;
    }

    /**
     * Checks that the task takes another file under its policy, and counts the file as received. The
     * caller holds this monitor until the file is applied or queued.
     *
     * @throws ApiError 409 with the server's {@code detail} when the task takes no more files
     */
    void admitFile() {
        if (status == Status.FAILED) {
            throw new ApiError(409, "Task '" + id + "' is FAILED and accepts no more uploads");
        }
        if (policy == TaskPolicy.ONE_UPLOAD && filesReceived > 0) {
            throw new ApiError(409, "Task '" + id + "' has already received its file (status " + status
                    + "); a task accepts a single upload, declare a new field to upload more");
        }
        if (policy == TaskPolicy.CLOSED_BY_FINAL_POLL && finalStatusReported) {
            throw new ApiError(409, "Task '" + id + "' is " + status + " and accepts no more uploads");
        }
        filesReceived++;
        status = Status.IN_PROGRESS;
        pollsSinceUpload = 0;
    }

    /** Marks an admitted file as waiting to be applied later. */
    void queueFile() {
        pendingFiles++;
    }

    /** Marks a queued file as applied (or failed). */
    void dequeueFile() {
        pendingFiles--;
        pollsSinceUpload = 0;
    }

    synchronized Status status() {
        return status;
    }

    /** @return how many entries the task has counted so far, over all its files */
    long rowsSeen() {
        return rowsSeen;
    }

    /** @return the 0-based index of the next entry over everything uploaded to this task */
    long nextRow() {
        return rowsSeen++;
    }

    void inserted() {
        insertedRows++;
    }

    void reject(long row, String reason) {
        errorCount++;
        if (samples.size() < SAMPLE_LIMIT) {
            samples.add(new Rejection(reason, row));
        }
    }

    /** Ends the task at once: the file could not be read as a JSON array of entries. */
    void fail(String reason) {
        status = Status.FAILED;
        if (samples.size() < SAMPLE_LIMIT) {
            samples.add(new Rejection(reason, rowsSeen));
        }
    }

    /**
     * Answers a status poll. The task reports a final status only once every file it received was
     * applied and the configured number of polls since the last file have answered {@code IN_PROGRESS}.
     */
    synchronized Snapshot poll() {
        if (status == Status.IN_PROGRESS) {
            if (pendingFiles == 0 && pollsSinceUpload >= pollsToComplete) {
                status = errorCount == 0 ? Status.COMPLETED : Status.COMPLETED_WITH_ERRORS;
            } else if (pendingFiles == 0) {
                pollsSinceUpload++;
            }
        }
        if (status == Status.COMPLETED || status == Status.COMPLETED_WITH_ERRORS) {
            finalStatusReported = true;
        }
        return snapshot();
    }

    /** @return the current state without counting as a poll */
    synchronized Snapshot snapshot() {
        double progress = switch (status) {
            case INIT -> 0.0;
            case IN_PROGRESS -> Math.floor(1000.0 * pollsSinceUpload / (pollsToComplete + 1)) / 10.0;
            case COMPLETED, COMPLETED_WITH_ERRORS, FAILED -> 100.0;
        };
        return new Snapshot(id, status, progress, insertedRows, errorCount, List.copyOf(samples));
    }
}

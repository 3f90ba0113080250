package io.vlmeta.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The upload task of one field: its life cycle and counts. Uploads are applied as they arrive,
 * under this task's monitor, so files are processed one at a time in arrival order; the status only
 * reaches its final value after the configured number of polls, so clients must really poll.
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
    private Status status = Status.INIT;
    private long rowsSeen;
    private long insertedRows;
    private long errorCount;
    private final List<Rejection> samples = new ArrayList<>();
    private int pollsSinceUpload;

    UploadTask(String id, int pollsToComplete) {
        this.id = id;
        this.pollsToComplete = pollsToComplete;
    }

    String id() {
        return id;
    }

    /** @return true when an upload may still be added */
    synchronized boolean open() {
        return status == Status.INIT || status == Status.IN_PROGRESS;
    }

    synchronized Status status() {
        return status;
    }

    /** Marks the start of an upload; the caller holds this monitor for the whole file. */
    void beginUpload() {
        status = Status.IN_PROGRESS;
        pollsSinceUpload = 0;
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

    /** Answers a status poll, advancing the task when enough polls have been made. */
    synchronized Snapshot poll() {
        if (status == Status.IN_PROGRESS) {
            if (pollsSinceUpload >= pollsToComplete) {
                status = errorCount == 0 ? Status.COMPLETED : Status.COMPLETED_WITH_ERRORS;
            } else {
                pollsSinceUpload++;
            }
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

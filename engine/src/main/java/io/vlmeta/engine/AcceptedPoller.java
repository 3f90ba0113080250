package io.vlmeta.engine;

import io.vlmeta.api.FieldWriter;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks each field's writer a few times a second how many entries the target has acknowledged and
 * tells the listener when that changed, so progress counts what the server accepted, not what was
 * handed to a writer. What a writer holds when polling starts is reported apart, as held before: a
 * resumed upload's earlier entries are not this run's progress. Writers that do not count ({@code accepted() == -1}) are never reported.
 */
final class AcceptedPoller implements AutoCloseable {
    static final long INTERVAL_MILLIS = 250;

    private final List<PlannedField> fields;
    private final FieldWriter[] writers;
    private final JobListener listener;
    private final long[] reported;
    private final ScheduledExecutorService timer;

    private AcceptedPoller(List<PlannedField> fields, FieldWriter[] writers, JobListener listener) {
        this.fields = fields;
        this.writers = writers;
        this.listener = listener;
        this.reported = new long[writers.length];
        Arrays.fill(reported, -1);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "vlmeta-accepted");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Tells the listener what each writer already holds on the target (an earlier run's entries), then
     * polls. Called once every field of the pass is open and before this pass sends anything more.
     */
    static AcceptedPoller start(List<PlannedField> fields, FieldWriter[] writers, JobListener listener) {
        AcceptedPoller poller = new AcceptedPoller(fields, writers, listener);
        poller.reportWhatIsAlreadyThere();
        poller.timer.scheduleWithFixedDelay(poller::poll, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        return poller;
    }

    private synchronized void reportWhatIsAlreadyThere() {
        for (int i = 0; i < writers.length; i++) {
            long accepted = writers[i].accepted();
            if (accepted > 0) {
                reported[i] = accepted;
                listener.fieldAcceptedBefore(fields.get(i).column(), accepted);
            }
        }
    }

    private synchronized void poll() {
        for (int i = 0; i < writers.length; i++) {
            long accepted = writers[i].accepted();
            if (accepted >= 0 && accepted != reported[i]) {
                reported[i] = accepted;
                listener.fieldAccepted(fields.get(i).column(), accepted);
            }
        }
    }

    /** Stops polling after one last look, so the final counts are reported. */
    @Override
    public void close() {
        timer.shutdownNow();
        poll();
    }
}

package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.VlmetaException;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

/**
 * One field's batches on the pool all fields share: at most one of them is in flight at a time, in
 * the order they were written (the server numbers rows across a task's files in upload order), and
 * each sent batch hands the pool back before the next one, so fields take turns. {@link #submit}
 * blocks while {@code capacity} batches are waiting, which holds back a reader that is faster than
 * the upload. After a failure the remaining batches are dropped: nothing after a gap is sent.
 */
final class OrderedLane {

    /** Sends one batch; throws when the server refused it or could not be reached. */
    @FunctionalInterface
    interface Sender {
        void send(BatchFile.Pending batch);
    }

    private final Executor pool;
    private final Sender sender;
    private final Semaphore slots;
    private final ArrayDeque<BatchFile.Pending> queue = new ArrayDeque<>();
    private boolean running;
    private volatile RuntimeException failure;

    OrderedLane(Executor pool, int capacity, Sender sender) {
        this.pool = pool;
        this.sender = sender;
        this.slots = new Semaphore(capacity);
    }

    /** Queues a batch behind the field's earlier ones; waits while the queue is full. */
    void submit(BatchFile.Pending batch) throws InterruptedException {
        if (failure != null) {
            VisualLayerSink.deleteQuietly(batch.file());
            return;
        }
        slots.acquire();
        synchronized (this) {
            queue.add(batch);
            if (!running) {
                running = true;
                schedule();
            }
        }
    }

    /** @return why the field stopped, or {@code null} while all went well */
    RuntimeException failure() {
        return failure;
    }

    /**
     * Waits until every queued batch was sent (or dropped after a failure or a stop).
     *
     * @param bound the longest wait; {@code null} for no bound
     * @return false when the bound passed first
     */
    synchronized boolean awaitIdle(java.time.Duration bound) throws InterruptedException {
        long deadline = bound == null ? Long.MAX_VALUE : System.nanoTime() + bound.toNanos();
        while (running) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(bound == null ? 0 : Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private void schedule() {
        try {
            pool.execute(this::sendNext);
        } catch (RejectedExecutionException e) {
            failure = new VlmetaException(ErrorCode.INTERNAL, "The upload was stopped before it finished.", e);
            drain();
        }
    }

    private void sendNext() {
        BatchFile.Pending batch;
        synchronized (this) {
            batch = queue.poll();
        }
        try {
            if (batch != null && failure == null) {
                sender.send(batch);
            }
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new VlmetaException(ErrorCode.INTERNAL, "The upload failed: " + e, e);
        } finally {
            if (batch != null) {
                VisualLayerSink.deleteQuietly(batch.file());
                slots.release();
            }
        }
        synchronized (this) {
            if (queue.isEmpty()) {
                running = false;
                notifyAll();
            } else {
                schedule(); // to the back of the pool's queue: other fields get their turn
            }
        }
    }

    private synchronized void drain() {
        while (!queue.isEmpty()) {
            VisualLayerSink.deleteQuietly(queue.poll().file());
            slots.release();
        }
        running = false;
        notifyAll();
    }
}

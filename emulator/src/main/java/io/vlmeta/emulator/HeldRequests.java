package io.vlmeta.emulator;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The requests a {@link FaultProxy} holds until its test releases them. A release lets go the requests
 * held at that moment only: one held after it waits for the next release, and is the only one
 * {@link #awaitAny(Duration)} then sees. Thread-safe.
 */
final class HeldRequests {
    /** Requests waiting now for a release. */
    private int waiting;
    /** Releases so far: a request held under one number waits until it changes. */
    private long releases;

    /**
     * Blocks the calling request until the next {@link #releaseAll()}, or until {@code ceiling} has passed
     * should none come.
     *
     * @throws InterruptedException when the proxy closes while the request is held
     */
    synchronized void holdUntilReleased(Duration ceiling) throws InterruptedException {
        long heldUnder = releases;
        waiting++;
        notifyAll();
        long deadline = System.nanoTime() + ceiling.toNanos();
        try {
            while (releases == heldUnder) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } finally {
            if (releases == heldUnder) { // leaving without a release: a release already took it off the count
                waiting--;
            }
        }
    }

    /** @return how many requests were let go */
    synchronized int releaseAll() {
        int released = waiting;
        waiting = 0;
        releases++;
        notifyAll();
        return released;
    }

    /** @return true once a request is held, false when none was within {@code timeout} */
    synchronized boolean awaitAny(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (waiting == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** @return the requests held now */
    synchronized int count() {
        return waiting;
    }
}

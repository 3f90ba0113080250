package io.vlmeta.engine;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.VlmetaException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reads a source on a thread of its own, a batch of rows at a time, and hands the rows to the thread
 * that calls {@link #next()} in source order, so reading overlaps the work done with each row.
 * The source is read by that one thread only, as {@link RecordSource} requires; a bounded queue of
 * batches keeps memory flat. Each row goes through {@code prepare} exactly once, for work that is
 * safe on either thread (thread-safe parsers and resolvers; a record's values do not change once
 * the source has handed it over): on the reading thread while a batch waits in the queue (the
 * consuming thread is busy), otherwise on the consuming thread in {@link #next()}. So whichever
 * thread would wait takes the preparing on, and two cores stay busy whether reading or consuming is
 * the slower.
 *
 * <p>A failure of the source (or of {@code prepare}) comes out of {@link #next()} as the same
 * exception, after every row read before it. {@link #close()} stops the reading thread and waits
 * for it, so the source may be closed afterwards; it does not close the source.
 *
 * @param <T> what each row becomes
 */
final class ReadAhead<T> implements AutoCloseable {
    static final int BATCH_SIZE = 1_000;
    static final int QUEUED_BATCHES = 4;
    private static final long WAIT_MILLIS = 50;

    private final RecordSource source;
    private final SourceProblemRelay relay;
    private final Preparer<T> prepare;
    private final int batchSize;
    private final BlockingQueue<Batch> queue;
    private final Thread thread;
    private volatile boolean stopped;
    /** Batches put in the queue, counted by the reading thread. */
    private long handed;
    /** Batches taken from the queue, counted by the consuming thread. */
    private volatile long taken;

    private List<Object> current = List.of();
    private int position;
    private Batch last;

    private ReadAhead(RecordSource source, SourceProblemRelay relay, Preparer<T> prepare, int batchSize,
                      int queuedBatches) {
        this.source = source;
        this.relay = relay;
        this.prepare = prepare;
        this.batchSize = batchSize;
        this.queue = new ArrayBlockingQueue<>(queuedBatches);
        this.thread = new Thread(this::read, "vlmeta-reader");
        thread.setDaemon(true);
    }

    /** Starts reading {@code source}, whose own problems are reported elsewhere (or not at all). */
    static <T> ReadAhead<T> start(RecordSource source, Function<Record, T> prepare) {
        return start(source, null, prepare, BATCH_SIZE, QUEUED_BATCHES);
    }

    /** Starts reading {@code source}, opened with {@code relay}, whose problems then arrive in row order. */
    static <T> ReadAhead<T> start(RecordSource source, SourceProblemRelay relay, Function<Record, T> prepare) {
        return start(source, relay, prepare, BATCH_SIZE, QUEUED_BATCHES);
    }

    static <T> ReadAhead<T> start(RecordSource source, SourceProblemRelay relay, Function<Record, T> prepare,
                                  int batchSize, int queuedBatches) {
        return launch(source, relay, (record, index) -> prepare.apply(record), batchSize, queuedBatches);
    }

    /**
     * Starts reading {@code source}, whose own problems are reported elsewhere, and tells {@code prepare}
     * each row's position in it.
     */
    static <T> ReadAhead<T> numbered(RecordSource source, Preparer<T> prepare) {
        return launch(source, null, prepare, BATCH_SIZE, QUEUED_BATCHES);
    }

    private static <T> ReadAhead<T> launch(RecordSource source, SourceProblemRelay relay, Preparer<T> prepare,
                                           int batchSize, int queuedBatches) {
        if (batchSize < 1 || queuedBatches < 1) {
            throw new IllegalArgumentException("batch size and queue length must be positive");
        }
        ReadAhead<T> readAhead = new ReadAhead<>(source, relay, prepare, batchSize, queuedBatches);
        readAhead.thread.start();
        return readAhead;
    }

    /**
     * @return the next prepared row, or {@code null} at the end of the source
     * @throws RuntimeException what the source or {@code prepare} threw, once the rows before it are taken
     */
    @SuppressWarnings("unchecked")
    T next() {
        while (true) {
            while (position < current.size()) {
                Object item = current.get(position++);
                if (item instanceof SourceProblemRelay.Relayed relayed) {
                    relay.deliver(relayed);
                } else if (item instanceof Unprepared unprepared) {
                    return prepare.prepare(unprepared.record(), unprepared.index());
                } else {
                    return (T) item;
                }
            }
            if (last != null) {
                return finished();
            }
            Batch batch = take();
            current = batch.items();
            position = 0;
            if (batch.last()) {
                last = batch;
            }
        }
    }

    private T finished() {
        Throwable failure = last.failure();
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new VlmetaException(ErrorCode.INTERNAL, "Reading the input failed: " + failure, failure);
        }
        return null;
    }

    private Batch take() {
        try {
            while (true) {
                Batch batch = queue.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    taken++; // this thread alone writes it
                    return batch;
                }
                if (!thread.isAlive() && queue.isEmpty()) {
                    throw new VlmetaException(ErrorCode.INTERNAL, "The thread reading " + source.description()
                            + " stopped without saying why.");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VlmetaException(ErrorCode.INTERNAL, "Interrupted while reading " + source.description() + ".",
                    e);
        }
    }

    /** Stops reading (at the next row at the latest) and waits for the reading thread to end. */
    @Override
    public void close() {
        stopped = true;
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        queue.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void read() {
        List<Object> items = newBatch();
        long index = 0;
        try {
            while (!stopped) {
                Record record = source.next();
                if (record == null) {
                    put(new Batch(items, true, null));
                    return;
                }
                // a batch still in the queue means the consuming thread is busy: prepare here
                items.add(handed > taken ? prepare.prepare(record, index) : new Unprepared(record, index));
                index++;
                if (items.size() >= batchSize) {
                    put(new Batch(items, false, null));
                    items = newBatch();
                }
            }
        } catch (Throwable failure) { // handed over whole, so the consumer sees exactly what happened
            put(new Batch(items, true, failure));
        } finally {
            if (relay != null) {
                relay.stopCollecting();
            }
        }
    }

    private List<Object> newBatch() {
        List<Object> items = new ArrayList<>(batchSize);
        if (relay != null) {
            relay.collectInto(items);
        }
        return items;
    }

    /** Waits for room without being interrupted, which could close a file channel under the source. */
    private void put(Batch batch) {
        try {
            while (!stopped) {
                if (queue.offer(batch, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    handed++;
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A row the reading thread handed over as read, for the consuming thread to prepare. */
    private record Unprepared(Record record, long index) {
    }

    /**
     * What becomes of each row, on whichever thread prepares it.
     *
     * @param <T> what each row becomes
     */
    @FunctionalInterface
    interface Preparer<T> {
        /**
         * @param record the row as the source returned it
         * @param index  its 0-based position among the records the source returned (problems not counted)
         */
        T prepare(Record record, long index);
    }

    /** Rows (and relayed problems) in source order; the last batch also says how reading ended. */
    private record Batch(List<Object> items, boolean last, Throwable failure) {
    }
}

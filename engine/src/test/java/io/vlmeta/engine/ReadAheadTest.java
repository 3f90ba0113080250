package io.vlmeta.engine;

import io.vlmeta.api.ColumnInfo;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.Location;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.VlmetaException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ReadAheadTest {

    /** Rows named r1, r2, ...; reports a problem before the rows in {@code problemRows}; fails at {@code failAt}. */
    private static final class CountingSource implements RecordSource {
        private final long rows;
        private final long failAt;
        private final List<Long> problemRows;
        private final AtomicLong read = new AtomicLong();
        private ProblemReporter problems = ProblemReporter.DISCARD;
        /** How long each row takes to read, as on a slow disk or in a costly format. */
        private long millisPerRow;
        private final RuntimeException failure = new VlmetaException(ErrorCode.INPUT_MALFORMED, "broken at row");

        CountingSource(long rows, long failAt, List<Long> problemRows) {
            this.rows = rows;
            this.failAt = failAt;
            this.problemRows = problemRows;
        }

        @Override
        public String description() {
            return "counting.csv";
        }

        @Override
        public String keyColumn() {
            return "file_fullpath";
        }

        @Override
        public List<ColumnInfo> columns() {
            return List.of();
        }

        @Override
        public Record next() {
            pause();
            long row = read.incrementAndGet();
            if (row == failAt) {
                throw failure;
            }
            if (row > rows) {
                return null;
            }
            if (problemRows.contains(row)) {
                problems.report(Problem.warning(ProblemCategory.INPUT, Location.of("counting.csv", row), null,
                        "odd row " + row));
            }
            return new Record("r" + row, Location.of("counting.csv", row), Map.of());
        }

        private void pause() {
            if (millisPerRow == 0) {
                return;
            }
            try {
                Thread.sleep(millisPerRow);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        CountingSource slow(long millis) {
            millisPerRow = millis;
            return this;
        }

        @Override
        public void close() {
        }
    }

    /** @return what {@code next()} threw, once the rows before it are added to {@code keys} */
    private static Throwable failureAfter(ReadAhead<String> ahead, List<String> keys) {
        try {
            for (String key = ahead.next(); key != null; key = ahead.next()) {
                keys.add(key);
            }
        } catch (RuntimeException failure) {
            return failure;
        }
        throw new AssertionError("reading ended without the failure");
    }

    private static List<String> drain(ReadAhead<String> ahead) {
        List<String> keys = new ArrayList<>();
        for (String key = ahead.next(); key != null; key = ahead.next()) {
            keys.add(key);
        }
        return keys;
    }

    @Test
    void rowsComeOutPreparedAndInSourceOrderAcrossManyBatches() {
        CountingSource source = new CountingSource(2_503, -1, List.of());
        List<String> keys;
        try (ReadAhead<String> ahead = ReadAhead.start(source, null, r -> r.key().toUpperCase(), 100, 2)) {
            keys = drain(ahead);
        }
        assertThat(keys).hasSize(2_503);
        for (int i = 0; i < keys.size(); i++) {
            assertThat(keys.get(i)).isEqualTo("R" + (i + 1));
        }
    }

    @Test
    void anEmptySourceEndsAtOnce() {
        try (ReadAhead<String> ahead = ReadAhead.start(new CountingSource(0, -1, List.of()), Record::key)) {
            assertThat(ahead.next()).isNull();
            assertThat(ahead.next()).isNull();
        }
    }

    @Test
    void problemsTheSourceFindsWhileReadingArriveJustBeforeTheirRowOnTheConsumingThread() {
        List<String> events = new ArrayList<>();
        List<Thread> reportingThreads = new ArrayList<>();
        SourceProblemRelay relay = new SourceProblemRelay(problem -> {
            events.add("problem " + problem.location().row());
            reportingThreads.add(Thread.currentThread());
        });
        CountingSource source = new CountingSource(250, -1, List.of(1L, 99L, 100L, 101L, 250L));
        source.problems = relay;
        try (ReadAhead<String> ahead = ReadAhead.start(source, relay, Record::key, 100, 1)) {
            for (String key = ahead.next(); key != null; key = ahead.next()) {
                events.add(key);
            }
        }
        assertThat(events).hasSize(255);
        assertThat(events.subList(0, 2)).containsExactly("problem 1", "r1");
        int at99 = events.indexOf("r99");
        assertThat(events.subList(at99 - 1, at99 + 5))
                .containsExactly("problem 99", "r99", "problem 100", "r100", "problem 101", "r101");
        assertThat(events.subList(events.size() - 2, events.size())).containsExactly("problem 250", "r250");
        assertThat(reportingThreads).containsOnly(Thread.currentThread());
    }

    @Test
    void problemsReportedOutsideTheReadingThreadGoStraightToTheTarget() {
        List<Problem> reported = new ArrayList<>();
        SourceProblemRelay relay = new SourceProblemRelay(reported::add);
        Problem beforeReading = Problem.error(ProblemCategory.INPUT, null, null, "header is odd");
        relay.report(beforeReading);
        assertThat(reported).containsExactly(beforeReading);
    }

    @Test
    void aFailureOfTheSourceComesOutAsItselfAfterEveryRowReadBeforeIt() {
        CountingSource source = new CountingSource(10_000, 1_500, List.of());
        List<String> keys = new ArrayList<>();
        try (ReadAhead<String> ahead = ReadAhead.start(source, null, Record::key, 64, 3)) {
            assertThat(failureAfter(ahead, keys)).isSameAs(source.failure);
        }
        assertThat(keys).hasSize(1_499).endsWith("r1499");
    }

    @Test
    void aFailureWhilePreparingARowComesOutAfterTheRowsBeforeIt() {
        CountingSource source = new CountingSource(500, -1, List.of());
        IllegalStateException boom = new IllegalStateException("parser fault");
        List<String> keys = new ArrayList<>();
        try (ReadAhead<String> ahead = ReadAhead.start(source, null, r -> {
            if (r.key().equals("r321")) {
                throw boom;
            }
            return r.key();
        }, 50, 2)) {
            assertThat(failureAfter(ahead, keys)).isSameAs(boom);
        }
        assertThat(keys).hasSize(320);
    }

    @Test
    void closingBeforeTheEndStopsTheReadingThreadWithBoundedReadAhead() throws InterruptedException {
        CountingSource endless = new CountingSource(Long.MAX_VALUE, -1, List.of());
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (ReadAhead<String> ahead = ReadAhead.start(endless, null, Record::key, 100, 2)) {
                for (int i = 0; i < 10; i++) {
                    assertThat(ahead.next()).isEqualTo("r" + (i + 1));
                }
            }
        });
        long readWhenClosed = endless.read.get();
        // the queue holds two batches, one more is being filled and one is taken: never the whole input
        assertThat(readWhenClosed).isLessThanOrEqualTo(5 * 100 + 1);
        Thread.sleep(100);
        assertThat(endless.read.get()).as("rows read after close").isEqualTo(readWhenClosed);
    }

    /** Prepares rows as their keys, counting each and noting the thread that prepared it. */
    private static final class NotingPrepare implements java.util.function.Function<Record, String> {
        private final java.util.concurrent.ConcurrentHashMap<String, String> threadOfRow =
                new java.util.concurrent.ConcurrentHashMap<>();
        private final AtomicLong calls = new AtomicLong();

        @Override
        public String apply(Record record) {
            calls.incrementAndGet();
            threadOfRow.put(record.key(), Thread.currentThread().getName());
            return record.key();
        }
    }

    @Test
    void theConsumingThreadPreparesRowsWhenItWouldOtherwiseWaitForThem() {
        NotingPrepare prepare = new NotingPrepare();
        List<String> keys;
        try (ReadAhead<String> ahead = ReadAhead.start(new CountingSource(20, -1, List.of()).slow(5), null, prepare,
                4, 2)) {
            keys = drain(ahead);
        }
        assertThat(keys).hasSize(20).startsWith("r1", "r2").endsWith("r20");
        assertThat(prepare.calls.get()).as("each row prepared once").isEqualTo(20);
        assertThat(prepare.threadOfRow.values()).contains(Thread.currentThread().getName());
    }

    @Test
    void theReadingThreadPreparesRowsWhileTheConsumingThreadIsBusy() throws InterruptedException {
        NotingPrepare prepare = new NotingPrepare();
        List<String> keys = new ArrayList<>();
        try (ReadAhead<String> ahead = ReadAhead.start(new CountingSource(40, -1, List.of()), null, prepare, 2, 2)) {
            for (String key = ahead.next(); key != null; key = ahead.next()) {
                keys.add(key);
                Thread.sleep(5);
            }
        }
        assertThat(keys).hasSize(40).startsWith("r1", "r2").endsWith("r40");
        assertThat(prepare.calls.get()).as("each row prepared once").isEqualTo(40);
        assertThat(prepare.threadOfRow.values()).contains("vlmeta-reader");
    }

    @Test
    void aFailureWhilePreparingOnTheConsumingThreadComesOutAfterTheRowsBeforeIt() {
        IllegalStateException boom = new IllegalStateException("parser fault");
        List<String> keys = new ArrayList<>();
        // the source is slow, so the consuming thread waits and prepares the rows itself
        try (ReadAhead<String> ahead = ReadAhead.start(new CountingSource(30, -1, List.of()).slow(2), null, r -> {
            if (r.key().equals("r12")) {
                throw boom;
            }
            return r.key();
        }, 3, 1)) {
            assertThat(failureAfter(ahead, keys)).isSameAs(boom);
        }
        assertThat(keys).hasSize(11).endsWith("r11");
    }

    @Test
    void batchSizeAndQueueLengthMustBePositive() {
        CountingSource source = new CountingSource(1, -1, List.of());
        assertThatThrownBy(() -> ReadAhead.start(source, null, Record::key, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadAhead.start(source, null, Record::key, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

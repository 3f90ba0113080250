package io.vlmeta.engine;

import io.vlmeta.api.Cancellation;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FieldSettings;
import io.vlmeta.api.FieldTypeHandler;
import io.vlmeta.api.Location;
import io.vlmeta.api.MediaResolver;
import io.vlmeta.api.Problem;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.Resolution;
import io.vlmeta.api.VlmetaException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The validation pass reads and parses the input while the media mapping is fetched, and checks the
 * rows against it only once it is there: the same findings in the same order, a bounded number of rows
 * held meanwhile, and a failed fetch that stops the reading.
 */
class ValidationPassMappingTest {
    private static final Plugins PLUGINS = Plugins.discover(List.of());
    private static final long WAIT_MILLIS = 10_000;

    private final List<PlannedField> fields = List.of(field("score", "float"), field("label", "string"));

    private static PlannedField field(String column, String type) {
        FieldTypeHandler handler = PLUGINS.fieldType(type);
        return new PlannedField(column, type, "--" + type, handler, handler.parser(FieldSettings.defaults()));
    }

    /** Rows img/1.jpg, img/2.jpg, ... with a score of the row number and a label; counts the rows read. */
    private static final class CountedSource extends ScoreLabelSource {
        private final long rows;
        private final AtomicLong read = new AtomicLong();

        CountedSource(long rows) {
            this.rows = rows;
        }

        @Override
        public Record next() {
            long row = read.get() + 1;
            if (row > rows) {
                return null;
            }
            read.set(row);
            Map<String, RawValue> values = new LinkedHashMap<>();
            values.put("score", RawValue.text(Long.toString(row)));
            values.put("label", RawValue.text("x"));
            return new Record("img/" + row + ".jpg", Location.of("data.csv", row + 1), values);
        }
    }

    /** Matches img/N.jpg for even N only. */
    private static final class EvenRowsResolver implements MediaResolver {
        @Override
        public Resolution resolve(String key) {
            long n = Long.parseLong(key.substring("img/".length(), key.length() - ".jpg".length()));
            return n % 2 == 0 ? new Resolution.Matched("id-" + n, (int) n) : Resolution.Unmatched.INSTANCE;
        }

        @Override
        public int size() {
            return 1_000_000;
        }

        @Override
        public String description() {
            return "even media";
        }
    }

    private ValidationPass.Outcome validate(RecordSource source, ProblemCollector problems,
                                            Supplier<MediaResolver> mapping) {
        return new ValidationPass(fields, FieldSettings.defaults(), false, problems, JobListener.NONE,
                Cancellation.NEVER).run(source, null, mapping);
    }

    /** Waits until {@code source} has read {@code rows} rows, or fails the test. */
    private static void awaitRead(CountedSource source, long rows) {
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        while (source.read.get() < rows) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + source.read.get() + " of " + rows + " rows read while the "
                        + "mapping was being fetched");
            }
            Thread.onSpinWait();
        }
    }

    /** Waits until {@code source} stops reading for a while, and returns the rows it read. */
    private static long awaitStill(CountedSource source) throws InterruptedException {
        long before;
        long after = source.read.get();
        do {
            before = after;
            Thread.sleep(200);
            after = source.read.get();
        } while (after != before);
        return after;
    }

    @Test
    void theInputIsReadWhileTheMappingIsFetchedAndCheckedAgainstItInSourceOrder() {
        CountedSource source = new CountedSource(5_000);
        ProblemCollector problems = new ProblemCollector(10_000);
        AtomicLong readBeforeMapping = new AtomicLong();
        ValidationPass.Outcome outcome = validate(source, problems, () -> {
            awaitRead(source, 5_000);
            readBeforeMapping.set(source.read.get());
            return new EvenRowsResolver();
        });
        assertThat(readBeforeMapping.get()).as("rows read before the mapping was there").isEqualTo(5_000);
        assertThat(outcome.rows()).isEqualTo(5_000);
        assertThat(outcome.matched()).isEqualTo(2_500);
        assertThat(outcome.counts().get("score").values()).isEqualTo(5_000);
        assertThat(outcome.resolver()).isInstanceOf(EvenRowsResolver.class);
        List<Problem> unmatched = problems.kept();
        assertThat(unmatched).hasSize(2_500);
        for (int i = 0; i < unmatched.size(); i++) {
            // img/1.jpg is on line 2, img/3.jpg on line 4, ...: every odd row, in order
            assertThat(unmatched.get(i).location().row()).isEqualTo(2L * i + 2);
            assertThat(unmatched.get(i).message()).startsWith("'img/" + (2 * i + 1) + ".jpg' matches no media item "
                    + "in even media");
        }
    }

    @Test
    void whileTheMappingIsFetchedAtMostTheRowsAheadBatchesAreRead() throws InterruptedException {
        CountedSource source = new CountedSource(1_000_000);
        AtomicLong readWhileFetching = new AtomicLong();
        ValidationPass.Outcome outcome = validate(source, new ProblemCollector(10), () -> {
            try {
                readWhileFetching.set(awaitStill(source));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return MediaResolver.UNCHECKED;
        });
        long batch = ReadAhead.BATCH_SIZE;
        // the queue full, one batch being filled and waiting for room: the input's size does not matter
        assertThat(readWhileFetching.get()).isBetween(ValidationPass.ROWS_AHEAD_BATCHES * batch,
                (ValidationPass.ROWS_AHEAD_BATCHES + 1) * batch);
        assertThat(outcome.rows()).isEqualTo(1_000_000);
    }

    @Test
    void aMappingThatFailsEndsThePassWithItsFailureAndStopsTheReading() throws InterruptedException {
        CountedSource source = new CountedSource(1_000_000);
        VlmetaException noDataset = new VlmetaException(ErrorCode.PRECONDITION, "Dataset 'x' was not found.");
        assertThatThrownBy(() -> validate(source, new ProblemCollector(10), () -> {
            awaitRead(source, 2_000);
            throw noDataset;
        })).isSameAs(noDataset);
        long read = source.read.get();
        Thread.sleep(200);
        assertThat(source.read.get()).as("rows read after the pass ended").isEqualTo(read);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("vlmeta-reader"));
    }
}

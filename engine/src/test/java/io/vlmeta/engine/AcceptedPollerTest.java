package io.vlmeta.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.Entry;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.FieldWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AcceptedPollerTest {
    /** A writer whose acknowledged count the test sets. */
    private static final class Counting implements FieldWriter {
        final AtomicLong accepted;

        Counting(long accepted) {
            this.accepted = new AtomicLong(accepted);
        }

        @Override
        public void write(Entry entry) { }

        @Override
        public long accepted() {
            return accepted.get();
        }

        @Override
        public FieldOutcome finish() {
            throw new UnsupportedOperationException();
        }
    }

    private static PlannedField field(String column) {
        return new PlannedField(column, "string", "--string", null, null);
    }

    @Test
    void whatAResumedFieldAlreadyHeldIsReportedApartAndOnlyLaterCountsAsAcceptedProgress() {
        List<String> heard = new CopyOnWriteArrayList<>();
        JobListener listener = new JobListener() {
            @Override
            public void fieldAcceptedBefore(String field, long accepted) {
                heard.add("before " + field + " " + accepted);
            }

            @Override
            public void fieldAccepted(String field, long accepted) {
                heard.add(field + " " + accepted);
            }
        };
        Counting resumed = new Counting(900_000);
        Counting fresh = new Counting(0);
        Counting silent = new Counting(-1);

        AcceptedPoller poller = AcceptedPoller.start(List.of(field("score"), field("tags"), field("notes")),
                new FieldWriter[] {resumed, fresh, silent}, listener);
        List<String> atStart = List.copyOf(heard);
        resumed.accepted.set(905_000);
        fresh.accepted.set(5_000);
        poller.close();

        assertThat(atStart).containsExactly("before score 900000");
        assertThat(heard).containsExactly("before score 900000", "score 905000", "tags 5000");
    }
}

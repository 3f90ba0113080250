package io.vlmeta.sinks.visuallayer;

import io.vlmeta.sinks.visuallayer.JournalState.Segment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.vlmeta.sinks.visuallayer.JournalState.Segment.Kind.APPLIED;
import static io.vlmeta.sinks.visuallayer.JournalState.Segment.Kind.PRESUMED_LOST;
import static io.vlmeta.sinks.visuallayer.JournalState.Segment.Kind.RESENT;
import static org.assertj.core.api.Assertions.assertThat;

class RowMapTest {
    @Test
    void mapsRowsAcrossAFileAppliedInPartAndItsTail() {
        RowMap rows = new RowMap(List.of(new Segment(0, 100, APPLIED), new Segment(100, 37, APPLIED),
                new Segment(137, 63, APPLIED), new Segment(200, 100, APPLIED)), 300);

        assertThat(rows.entryOf(150)).isEqualTo(new RowMap.Row(150, false));
        assertThat(rows.entryOf(299)).isEqualTo(new RowMap.Row(299, false));
        assertThat(rows.entryOf(300)).isNull();
        assertThat(rows.consistent()).isTrue();
    }

    @Test
    void leavesOutACopyPresumedLostWhenTheServerNeverAppliedIt() {
        RowMap rows = new RowMap(List.of(new Segment(0, 100, APPLIED), new Segment(100, 100, PRESUMED_LOST),
                new Segment(100, 100, RESENT), new Segment(200, 100, APPLIED)), 300);

        assertThat(rows.entryOf(250)).isEqualTo(new RowMap.Row(250, false));
        assertThat(rows.secondCopies()).isZero();
        assertThat(rows.consistent()).isTrue();
    }

    @Test
    void countsTheResentCopyAsASecondCopyWhenTheLostOneWasAppliedAfterAll() {
        RowMap rows = new RowMap(List.of(new Segment(0, 100, APPLIED), new Segment(100, 100, PRESUMED_LOST),
                new Segment(100, 100, RESENT), new Segment(200, 100, APPLIED)), 400);

        assertThat(rows.entryOf(150)).isEqualTo(new RowMap.Row(150, false));
        assertThat(rows.entryOf(250)).isEqualTo(new RowMap.Row(150, true));
        assertThat(rows.entryOf(350)).isEqualTo(new RowMap.Row(250, false));
        assertThat(rows.secondCopies()).isEqualTo(100);
        assertThat(rows.copiesInDoubt()).isTrue();
    }

    @Test
    void namesTheFirstEntryAFailedTaskDidNotReachAcrossPartialFiles() {
        RowMap rows = new RowMap(List.of(new Segment(0, 100, APPLIED), new Segment(100, 37, APPLIED),
                new Segment(137, 63, APPLIED)), 150);

        assertThat(rows.processedEntries(150)).isEqualTo(150);
        assertThat(rows.processedEntries(120)).isEqualTo(120);
        assertThat(rows.processedEntries(0)).isZero();
        assertThat(rows.processedEntries(500)).isEqualTo(200);
    }

    @Test
    void saysSoWhenTheServersCountMatchesNothingTheJournalAccountsFor() {
        RowMap rows = new RowMap(List.of(new Segment(0, 100, APPLIED)), 130);

        assertThat(rows.consistent()).isFalse();
        assertThat(rows.total()).isEqualTo(100);
    }
}

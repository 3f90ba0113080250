package io.vlmeta.sinks.visuallayer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class JournalTest {
    @TempDir
    Path dir;

    @Test
    void keepsEveryAcknowledgedStepAcrossRuns() {
        Journal first = Journal.open(dir, "ds/1", "input-a");
        first.declared("score", "task-1");
        first.batchAccepted("score", 2, 100_000);
        first.declared("tags", "task-2");
        first.finished("tags", "COMPLETED");

        Journal again = Journal.open(dir, "ds/1", "input-a");

        assertThat(again.existedAtStart()).isTrue();
        assertThat(again.unfinished()).isTrue();
        assertThat(again.field("score")).contains(new Journal.FieldProgress("task-1", 2, 100_000, null));
        assertThat(again.field("tags")).contains(new Journal.FieldProgress("task-2", 0, 0, "COMPLETED"));
    }

    @Test
    void namesTheFileAfterTheDatasetAndAHashOfTheInputLeavingNoTemporaryFiles() throws IOException {
        Journal journal = Journal.open(dir, "ds/1", "input-a");
        journal.declared("score", "task-1");

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactly(Journal.fileName("ds/1", "input-a"));
        }
        assertThat(Journal.fileName("ds/1", "input-a")).matches("ds_1-[0-9a-f]{16}\\.json");
        assertThat(Journal.fileName("ds/1", "input-b")).isNotEqualTo(Journal.fileName("ds/1", "input-a"));
    }

    @Test
    void aJobWhoseFieldsAllEndedIsFinished() {
        Journal journal = Journal.open(dir, "ds", "input");
        journal.declared("score", "task-1");
        journal.finished("score", "COMPLETED_WITH_ERRORS");

        assertThat(Journal.open(dir, "ds", "input").unfinished()).isFalse();
    }
}

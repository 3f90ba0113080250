package io.vlmeta.engine;

import io.vlmeta.api.Cancellation;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.engine.testplugins.RecordingSink;
import io.vlmeta.engine.testplugins.RecordingSink.Recording;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A job the user stops (Ctrl-C): the engine stops reading and declaring, and never reports a field complete. */
class JobStopTest {
    private static final Plugins PLUGINS = Plugins.discover(List.of());
    private static final int ROWS = 5_000;

    @TempDir
    Path dir;

    @BeforeEach
    void forgetEarlierRecordings() {
        RecordingSink.RECORDINGS.clear();
    }

    private static Recording server() {
        return RecordingSink.RECORDINGS.stream().filter(r -> r.sinkName.equals("recording")).findFirst().orElseThrow();
    }

    private static int received(String field) {
        return RecordingSink.RECORDINGS.stream().filter(r -> r.sinkName.equals("recording"))
                .mapToInt(r -> r.entries.getOrDefault(field, List.of()).size()).sum();
    }

    private JobResult run(Cancellation cancellation, String... floatFields) throws IOException {
        List<String> lines = new ArrayList<>(List.of("file_fullpath|a|b"));
        for (int i = 0; i < ROWS; i++) {
            lines.add("images/" + i + ".jpg|" + i + "|" + (i * 2));
        }
        Path input = Files.write(dir.resolve("data.pipe"), lines);
        JobSpec spec = JobSpec.builder().mode(JobSpec.Mode.UPLOAD).input(input).datasetId("ds").sinkName("recording")
                .stateDir(dir.resolve("state")).fields("float", List.of(floatFields)).cancellation(cancellation)
                .build();
        return new JobRunner(PLUGINS).run(spec, JobListener.NONE);
    }

    @Test
    void stopsReadingTheSourceOnceAStopIsRequestedAndReportsTheFieldInterrupted() throws IOException {
        Cancellation afterThree = () -> received("a") >= 3;

        JobResult result = run(afterThree, "a");

        assertThat(result.exitCode()).isEqualTo(130);
        assertThat(received("a")).isEqualTo(3);
        // a stopped pass never tells a writer its entries are complete: it only settles what it was given
        assertThat(server().endings).containsExactly("finish a");
        assertThat(server().request.cancellation()).isSameAs(afterThree);
        assertThat(result.summary().outcomes()).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo(FieldOutcome.Status.INTERRUPTED);
            assertThat(outcome.message()).isEqualTo("stopped after 3 values were handed to the upload");
        });
    }

    @Test
    void declaresNoFurtherFieldOnceAStopIsRequested() throws IOException {
        JobResult result = run(() -> RecordingSink.RECORDINGS.stream()
                .anyMatch(r -> r.sinkName.equals("recording") && !r.declared.isEmpty()), "a", "b");

        assertThat(result.exitCode()).isEqualTo(130);
        assertThat(server().declared).extracting(d -> d.fieldName()).containsExactly("a");
        assertThat(received("a")).isZero();
        assertThat(result.summary().outcomes()).extracting(FieldOutcome::fieldName, FieldOutcome::status,
                FieldOutcome::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", FieldOutcome.Status.INTERRUPTED,
                        "stopped after 0 values were handed to the upload"),
                org.assertj.core.groups.Tuple.tuple("b", FieldOutcome.Status.INTERRUPTED,
                        "stopped before the field was declared; nothing was sent for it"));
    }

    @Test
    void aJobThatIsNeverStoppedCompletesEveryField() throws IOException {
        JobResult result = run(Cancellation.NEVER, "a", "b");

        assertThat(result.exitCode()).isZero();
        assertThat(received("a")).isEqualTo(ROWS);
        assertThat(received("b")).isEqualTo(ROWS);
    }
}

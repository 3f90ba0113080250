package io.vlmeta.engine;

import io.vlmeta.api.Cancellation;
import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.VlmetaException;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

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
    void aStopWhileColumnTypesAreInferredEndsTheJobBeforeAnythingIsSent() throws IOException {
        List<String> lines = new ArrayList<>(List.of("file_fullpath|a|b"));
        for (int i = 0; i < ROWS; i++) {
            lines.add("images/" + i + ".jpg|" + i + "|" + (i * 2));
        }
        Path input = Files.write(dir.resolve("wide.pipe"), lines);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        // asked once per thousand rows of the inference pass: the second time, the user has pressed Ctrl-C
        JobSpec spec = JobSpec.builder().mode(JobSpec.Mode.UPLOAD).input(input).datasetId("ds").sinkName("recording")
                .stateDir(dir.resolve("state")).infer(true).cancellation(() -> asked.incrementAndGet() >= 2).build();

        assertThatThrownBy(() -> new JobRunner(PLUGINS).run(spec, JobListener.NONE))
                .isInstanceOf(VlmetaException.class).hasMessage("Stopped while column types were inferred: nothing "
                        + "was sent; run the same command again to start over.")
                .extracting(e -> ((VlmetaException) e).code().exitCode()).isEqualTo(130);
        assertThat(asked).hasValue(2);
        assertThat(received("a") + received("b")).isZero();
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

    /** A validation with a report whose stop comes once the entries are handed to the report ("Preparing"). */
    private static final class StopWhilePreparing implements JobListener, Cancellation {
        final AtomicBoolean stop = new AtomicBoolean();
        final List<Long> progress = new CopyOnWriteArrayList<>();

        @Override
        public boolean requested() {
            return stop.get();
        }

        @Override
        public void fieldStarted(FieldDeclaration declaration, long values) {
            stop.set(true); // the user presses Ctrl-C as the report's stage begins
        }

        @Override
        public void fieldProgress(String field, long sent) {
            progress.add(sent);
        }
    }

    private Throwable stopWhilePreparing(JobRunner runner, StopWhilePreparing stop) throws IOException {
        List<String> lines = new ArrayList<>(List.of("file_fullpath|a|b"));
        for (int i = 0; i < 50_000; i++) {
            lines.add("images/" + i + ".jpg|" + i + "|" + (i * 2));
        }
        Path input = Files.write(dir.resolve("many.pipe"), lines);
        JobSpec spec = JobSpec.builder().mode(JobSpec.Mode.VALIDATE).input(input).reportPath(dir.resolve("r.html"))
                .sinkName("recording").sinkOption("early", "true").fields("float", List.of("a", "b"))
                .cancellation(stop).build();
        return catchThrowable(() -> runner.run(spec, stop));
    }

    @Test
    void aStopWhileTheReportIsPreparedEndsTheValidationWithoutWritingTheReport() throws IOException {
        for (JobRunner runner : List.of(new JobRunner(PLUGINS), new JobRunner(PLUGINS).readingTwiceForReports())) {
            RecordingSink.RECORDINGS.clear();
            StopWhilePreparing stop = new StopWhilePreparing();

            Throwable stopped = stopWhilePreparing(runner, stop);

            assertThat(stopped).isInstanceOf(VlmetaException.class).hasMessage("Stopped while the report was being "
                    + "prepared: nothing was sent; run the same command again to start over.");
            assertThat(((VlmetaException) stopped).code()).isEqualTo(Stops.STOPPED);
            assertThat(((VlmetaException) stopped).code().exitCode()).isEqualTo(130);
            Recording report = RecordingSink.RECORDINGS.stream().filter(r -> r.sinkName.equals("report"))
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(report.summary).as("the report is never completed (written)").isNull();
            assertThat(stop.progress).as("not every value was prepared").doesNotContain(50_000L);
        }
    }

    @Test
    void aJobThatIsNeverStoppedCompletesEveryField() throws IOException {
        JobResult result = run(Cancellation.NEVER, "a", "b");

        assertThat(result.exitCode()).isZero();
        assertThat(received("a")).isEqualTo(ROWS);
        assertThat(received("b")).isEqualTo(ROWS);
    }
}

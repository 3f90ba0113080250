package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.sinks.visuallayer.JournalState.Batch;
import io.vlmeta.sinks.visuallayer.JournalState.Declaring;
import io.vlmeta.sinks.visuallayer.JournalState.Finished;
import io.vlmeta.sinks.visuallayer.JournalState.Segment;
import io.vlmeta.sinks.visuallayer.JournalState.Sending;
import io.vlmeta.sinks.visuallayer.JournalState.Uploading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalTest {
    private static final Batch BATCH_2 = new Batch(2, 100, 100, "m-100", "m-199", "rows 102-201 of metadata.csv");

    @TempDir
    Path dir;

    @Test
    void recordsTheIntentOfEveryRequestBeforeItAndItsOutcomeAfterAcrossRuns() throws IOException {
        try (Journal first = Journal.open(dir, "ds/1", "input-a")) {
            first.declaring("score");
            assertThat(Journals.read(first.file()).fields().get("score")).isEqualTo(new Declaring());
            first.declared("score", "task-1");
            first.sending("score", new Batch(1, 0, 100, "m-0", "m-99", "rows 2-101 of metadata.csv"));
            first.sent("score", new Batch(1, 0, 100, "m-0", "m-99", "rows 2-101 of metadata.csv"), 100,
                    Segment.Kind.APPLIED);
            first.sending("score", BATCH_2);
            first.declared("tags", "task-2");
            first.finished("tags", "COMPLETED");
        }

        try (Journal again = Journal.open(dir, "ds/1", "input-a")) {
            assertThat(again.existedAtStart()).isTrue();
            assertThat(again.unfinished()).isTrue();
            // the last media of a file applied whole is kept, for a resume to check its own entry there
            assertThat(again.field("score")).contains(new Sending("task-1",
                    List.of(new Segment(0, 100, Segment.Kind.APPLIED, "m-99")), BATCH_2));
            assertThat(again.field("tags")).contains(new Finished("task-2", List.of(), "COMPLETED"));
        }
    }

    @Test
    void refusesAnUnfinishedFieldToARunReadingWithOtherSettingsButNotAFinishedOneOrAnOlderJournal()
            throws IOException {
        Map<String, String> byPath = Map.of("--match-by", "aa11", "--timezone", "bb22");
        Map<String, String> byBasename = Map.of("--match-by", "cc33", "--timezone", "bb22");
        try (Journal first = Journal.open(dir, "ds", "input", byPath)) {
            first.declared("score", "task-1");
        }
        assertThat(Journals.read(dir.resolve(Journal.fileName("ds", "input"))).settings()).isEqualTo(byPath);

        assertThatThrownBy(() -> Journal.open(dir, "ds", "input", byBasename))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessageContaining("read its rows with other settings: --match-by differs.");
        try (Journal same = Journal.open(dir, "ds", "input", byPath)) {
            same.finished("score", "COMPLETED");
        }
        try (Journal later = Journal.open(dir, "ds", "input", byBasename)) {
            assertThat(later.unfinished()).isFalse(); // a finished field binds no later run
        }
        assertThat(Journals.read(dir.resolve(Journal.fileName("ds", "input"))).settings()).isEqualTo(byBasename);

        Path older = dir.resolve("older");
        try (Journal unkept = Journal.open(older, "ds", "input", byPath)) {
            unkept.declared("score", "task-2");
        }
        Path file = older.resolve(Journal.fileName("ds", "input"));
        JournalState.Content content = Journals.read(file);
        new com.fasterxml.jackson.databind.ObjectMapper().writeValue(file.toFile(), new JournalState.Content(
                content.version(), content.datasetId(), content.jobKey(), null, content.fields()));
        Journal.open(older, "ds", "input", byBasename).close(); // written before settings were kept
    }

    @Test
    void leavesNoJournalAfterARunThatDeclaredNothing() throws IOException {
        Path file = dir.resolve(Journal.fileName("ds", "refused"));
        try (Journal refused = Journal.open(dir, "ds", "refused")) {
            assertThat(file).exists(); // written at once: a folder that cannot take it stops the run before a request
        }
        assertThat(file).doesNotExist();

        try (Journal declaring = Journal.open(dir, "ds", "refused")) {
            declaring.declaring("score");
        }
        assertThat(file).exists();
    }

    @Test
    void countsWhereAResumedRunGoesOnFromWhatTheServerHolds() {
        Uploading state = new Uploading("t", List.of(new Segment(0, 100, Segment.Kind.APPLIED),
                new Segment(100, 40, Segment.Kind.APPLIED), new Segment(140, 60, Segment.Kind.PRESUMED_LOST),
                new Segment(140, 60, Segment.Kind.RESENT)));

        assertThat(state.nextEntry()).isEqualTo(200);
        assertThat(state.files()).isEqualTo(3);
    }

    @Test
    void namesTheFileAfterTheDatasetAndAHashOfTheInputLeavingNoTemporaryFiles() throws IOException {
        try (Journal journal = Journal.open(dir, "ds/1", "input-a")) {
            journal.declared("score", "task-1");
        }

        try (Stream<Path> files = Files.list(dir)) {
            // the lock file stays, emptied, for the next run to lock the same file
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    Journal.fileName("ds/1", "input-a"), Journal.fileName("ds/1", "input-a") + ".lock");
        }
        assertThat(Journal.fileName("ds/1", "input-a")).matches("ds_1-[0-9a-f]{16}\\.json");
        assertThat(Journal.fileName("ds/1", "input-b")).isNotEqualTo(Journal.fileName("ds/1", "input-a"));
    }

    @Test
    void deletesTheTemporaryFilesARunKilledWhileWritingThisJournalLeftOnlyOnceItHoldsTheLock() throws IOException {
        String name = Journal.fileName("ds", "input");
        Path inFlight;
        try (Journal holder = Journal.open(dir, "ds", "input")) {
            holder.declaring("score");
            // the holder between Files.createTempFile and the move: a refused run must not touch it
            inFlight = Files.writeString(dir.resolve(name + "8123456789012345678.tmp"), "{\"version\": 2, \"fie");
            assertThatThrownBy(() -> Journal.open(dir, "ds", "input")).isInstanceOf(VlmetaException.class);
            assertThat(inFlight).exists();
        }
        // the holder was killed there with -9: what it left is stale now
        Path staleToo = Files.writeString(dir.resolve(name + "42.tmp"), "");
        Path otherJournals = Files.writeString(dir.resolve(Journal.fileName("ds", "other-input") + "77.tmp"), "");
        Path notATemporary = Files.writeString(dir.resolve(name + "-notes.tmp"), "kept");

        try (Journal next = Journal.open(dir, "ds", "input")) {
            assertThat(next.existedAtStart()).isTrue();
        }

        assertThat(inFlight).doesNotExist();
        assertThat(staleToo).doesNotExist();
        assertThat(otherJournals).exists();
        assertThat(notATemporary).exists();
        assertThat(dir.resolve(name)).exists();
    }

    @Test
    void aLeftoverThatCannotBeDeletedKeepsNoneOfTheOthersFromGoing() throws IOException {
        String name = Journal.fileName("ds", "input");
        // a folder of that name, not empty, cannot be deleted; the files around it in any order can
        Path folder = Files.createDirectories(dir.resolve(name + "5.tmp"));
        Files.writeString(folder.resolve("inside"), "kept");
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            files.add(Files.writeString(dir.resolve(name + (i * 7 + 1) + ".tmp"), ""));
        }

        try (Journal journal = Journal.open(dir, "ds", "input")) {
            assertThat(journal.existedAtStart()).isFalse();
        }

        assertThat(files).allSatisfy(file -> assertThat(file).doesNotExist());
        assertThat(folder.resolve("inside")).hasContent("kept");
    }

    @Test
    void aJobWhoseFieldsAllEndedIsFinished() {
        try (Journal journal = Journal.open(dir, "ds", "input")) {
            journal.declared("score", "task-1");
            journal.finished("score", "COMPLETED_WITH_ERRORS");
        }

        try (Journal journal = Journal.open(dir, "ds", "input")) {
            assertThat(journal.unfinished()).isFalse();
        }
    }

    @Test
    void refusesASecondRunOnTheSameJournalNamingTheFirstRunsPidAndStartTime() {
        try (Journal first = Journal.open(dir, "ds", "input")) {
            assertThatThrownBy(() -> Journal.open(dir, "ds", "input"))
                    .isInstanceOf(VlmetaException.class)
                    .hasMessageStartingWith("Another vlmeta run (pid " + ProcessHandle.current().pid() + ", started "
                            + ProcessHandle.current().info().startInstant().orElseThrow())
                    .hasMessageContaining("is uploading this job: its journal " + first.file() + " is locked.")
                    .extracting(e -> ((VlmetaException) e).code()).isEqualTo(JournalLock.LOCKED);
        }
        Journal.open(dir, "ds", "input").close(); // released at close
    }

    @Test
    void theLockFileStaysEmptiedAfterARunForTheNextToLockTheSameFile() throws Exception {
        Path lockFile;
        Object firstFile;
        try (Journal first = Journal.open(dir, "ds", "input")) {
            lockFile = first.file().resolveSibling(first.file().getFileName() + ".lock");
            assertThat(Files.readString(lockFile)).startsWith(ProcessHandle.current().pid() + " ");
            firstFile = Files.readAttributes(lockFile, BasicFileAttributes.class).fileKey();
        }

        assertThat(lockFile).exists().isEmptyFile();
        try (Journal second = Journal.open(dir, "ds", "input")) {
            assertThat(Files.readString(lockFile)).startsWith(ProcessHandle.current().pid() + " ");
            // the same file (inode) as the first run's, where one exists: never a second lock file beside a deleted one
            Object secondFile = Files.readAttributes(lockFile, BasicFileAttributes.class).fileKey();
            if (firstFile != null) {
                assertThat(secondFile).isEqualTo(firstFile);
            }
        }
    }

    @Test
    void namesTheOwnerWhoseNameReachesTheLockFileJustAfterItsLock() throws Exception {
        try (Journal first = Journal.open(dir, "ds", "input")) {
            Path lockFile = first.file().resolveSibling(first.file().getFileName() + ".lock");
            // the window between the owner's lock and its name being written, held open until the refused run
            // has found the file empty and waits for the name. The run waits a second at most, so a test thread
            // held back longer than that by a busy machine makes the attempt tell nothing: then it is made again, up
            // to five times.
            for (int attempt = 1; ; attempt++) {
                Files.writeString(lockFile, "");
                FutureTask<Throwable> refusal = new FutureTask<>(() -> refusalOf(dir));
                Thread refusedRun = new Thread(refusal, "refused-run");
                refusedRun.start();
                awaitWaitingForTheOwnersName(refusedRun, refusal);
                Files.writeString(lockFile, "4242 2026-12-01T00:00:00Z\n");
                // still waiting now that the name is written: the run's next look at the file finds it
                boolean nameWrittenWhileItWaited = waitsForTheOwnersName(refusedRun);
                Throwable refused = refusal.get(60, TimeUnit.SECONDS);
                boolean named = refused != null && String.valueOf(refused.getMessage())
                        .startsWith("Another vlmeta run (pid 4242, started 2026-12-01T00:00:00Z)");
                if (named || nameWrittenWhileItWaited || attempt == 5) {
                    assertThat(refused).isInstanceOf(VlmetaException.class)
                            .hasMessageStartingWith("Another vlmeta run (pid 4242, started 2026-12-01T00:00:00Z)");
                    return;
                }
            }
        }
    }

    /** @return what a second run opening the journal in {@code dir} was refused with, {@code null} when it was not */
    private static Throwable refusalOf(Path dir) {
        try (Journal second = Journal.open(dir, "ds", "input")) {
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** Waits until {@code run} sleeps waiting for the owner's name, or has ended, for up to 60 s. */
    private static void awaitWaitingForTheOwnersName(Thread run, FutureTask<Throwable> refusal)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!waitsForTheOwnersName(run) && !refusal.isDone()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the refused run neither waited for the owner's name nor ended within 60 s");
            }
            Thread.sleep(1);
        }
    }

    /**
     * @return true while {@code run} sleeps in {@link JournalLock}: the lock sleeps only between two looks at the
     *         lock file for the owner's name, the first of which found none
     */
    private static boolean waitsForTheOwnersName(Thread run) {
        boolean sleeping = false;
        for (StackTraceElement frame : run.getStackTrace()) {
            String type = frame.getClassName();
            if (type.equals(Thread.class.getName()) || type.startsWith("jdk.internal.")) {
                sleeping |= frame.getMethodName().startsWith("sleep");
            } else {
                return sleeping && type.equals(JournalLock.class.getName());
            }
        }
        return false;
    }

    @Test
    void takesOverTheLockFileOfARunKilledWithSignalNine() throws Exception {
        Path file = dir.resolve(Journal.fileName("ds", "input"));
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JournalHolder.class.getName(), dir.toString(), "ds",
                "input").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("holding");

            assertThatThrownBy(() -> Journal.open(dir, "ds", "input"))
                    .hasMessageStartingWith("Another vlmeta run (pid " + holder.pid() + ", started ");

            holder.destroyForcibly(); // SIGKILL: no shutdown hook runs, the lock file stays behind
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(file.resolveSibling(file.getFileName() + ".lock")).exists();
            try (Journal after = Journal.open(dir, "ds", "input")) {
                assertThat(after.field("score")).contains(new Declaring());
            }
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void refusesAJournalItCannotReadInsteadOfStartingOver() throws IOException {
        Files.writeString(dir.resolve(Journal.fileName("ds", "input")), "{\"version\": 2, \"fields\": {\"score\":");

        assertThatThrownBy(() -> Journal.open(dir, "ds", "input"))
                .isInstanceOf(VlmetaException.class)
                .hasMessageContaining("cannot be read")
                .extracting(e -> ((VlmetaException) e).code()).isEqualTo(Journal.STATE_UNWRITABLE);
        Journal.open(dir.resolve("elsewhere"), "ds", "input").close(); // and the lock was released
    }

    @Test
    void refusesAStateFolderItCannotWriteBeforeAnyRequest() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("state"), "a file");

        assertThatThrownBy(() -> Journal.open(notAFolder, "ds", "input"))
                .isInstanceOf(VlmetaException.class)
                .hasMessageContaining("check --state-dir")
                .extracting(e -> ((VlmetaException) e).code()).isEqualTo(Journal.STATE_UNWRITABLE);
    }
}

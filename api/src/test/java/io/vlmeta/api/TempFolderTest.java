package io.vlmeta.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders held by real processes: one killed with SIGKILL, one alive. */
class TempFolderTest {
    private static final String PREFIX = "vlmeta-upload-";

    @TempDir
    Path tmp;

    private Process holder;

    @AfterEach
    void stopHolder() {
        if (holder != null) {
            holder.destroyForcibly();
        }
    }

    /** Starts a JVM that makes a folder in {@link #tmp}, writes a file of metadata into it and waits. */
    private Path heldByAnotherProcess() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Holder.class.getName(),
                tmp.toString(), PREFIX).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8));
        Path folder = Path.of(lines.readLine());
        assertThat(folder.resolve("rows.bin")).exists();
        return folder;
    }

    /** As a run long dead would have left it: unchanged for longer than a sweep waits. */
    private static void age(Path folder) throws IOException {
        Files.setLastModifiedTime(folder, FileTime.from(Instant.now().minus(TempFolder.SETTLED).minusSeconds(5)));
    }

    @Test
    void closingDeletesTheFolderWithEverythingInIt() throws IOException {
        TempFolder folder = TempFolder.create(tmp, PREFIX);
        Files.createDirectories(folder.path().resolve("batches"));
        Files.writeString(folder.path().resolve("batches/1.json"), "[{\"media_id\":\"x\",\"value\":1}]");

        folder.close();

        assertThat(folder.path()).doesNotExist();
        assertThat(folder.path().getFileName().toString()).startsWith(PREFIX);
    }

    @Test
    void aFolderClosedWhileAThreadStillWritesInItIsGoneOrKeepsItsLockForTheSweep() throws Exception {
        for (int round = 0; round < 50; round++) {
            TempFolder folder = TempFolder.create(tmp, PREFIX);
            java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                for (int i = 0; writing.get(); i++) {
                    try {
                        Files.writeString(folder.path().resolve("batch-" + i + ".json"), "{}");
                    } catch (IOException e) {
                        // the folder is gone: the forced stop won
                    }
                }
            });
            writer.start();
            Thread.sleep(2);

            folder.close();
            writing.set(false);
            writer.join();

            // the user's metadata is either deleted or left where the next run's sweep deletes it
            assertThat(!Files.exists(folder.path()) || Files.exists(folder.path().resolve(TempFolder.LOCK_FILE)))
                    .as("round " + round + ": " + folder.path()).isTrue();
            if (Files.exists(folder.path())) {
                age(folder.path());
                try (TempFolder next = TempFolder.create(tmp, PREFIX)) {
                    assertThat(folder.path()).doesNotExist();
                }
            }
        }
    }

    @Test
    void theNextRunDeletesTheFolderOfARunKilledWithSigkill() throws Exception {
        Path abandoned = heldByAnotherProcess();
        holder.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        age(abandoned);

        try (TempFolder next = TempFolder.create(tmp, PREFIX)) {
            assertThat(abandoned).doesNotExist();
            assertThat(next.path()).isDirectory();
        }
    }

    @Test
    void leavesTheFolderOfARunStillAliveHoweverOld() throws Exception {
        Path live = heldByAnotherProcess();
        age(live);

        try (TempFolder next = TempFolder.create(tmp, PREFIX)) {
            assertThat(live.resolve("rows.bin")).exists();
            assertThat(next.path()).isNotEqualTo(live);
        }
    }

    @Test
    void leavesAFolderJustMadeAndFoldersItCannotProveAbandoned() throws Exception {
        Path recent = heldByAnotherProcess();
        holder.destroyForcibly();
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Path unlocked = Files.createDirectory(tmp.resolve(PREFIX + "from-an-earlier-version"));
        Files.writeString(unlocked.resolve("rows.bin"), "metadata");
        age(unlocked);
        Path otherPrefix = Files.createDirectory(tmp.resolve("vlmeta-stdin-123"));
        Files.createFile(otherPrefix.resolve(TempFolder.LOCK_FILE));
        age(otherPrefix);

        try (TempFolder next = TempFolder.create(tmp, PREFIX)) {
            // its lock is free, but it changed too recently: it could be a folder whose maker has not locked it yet
            assertThat(recent.resolve("rows.bin")).exists();
            assertThat(unlocked.resolve("rows.bin")).exists();
            assertThat(otherPrefix).isDirectory();
        }
    }

    /** The other process: makes a folder, prints its path, and waits to be killed. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            TempFolder folder = TempFolder.create(Path.of(args[0]), args[1]);
            Files.writeString(folder.path().resolve("rows.bin"), "the user's metadata");
            System.out.println(folder.path());
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }
}

package io.vlmeta.sinks.visuallayer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.ErrorKind;
import io.vlmeta.api.FileFaults;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.sinks.visuallayer.JournalState.Batch;
import io.vlmeta.sinks.visuallayer.JournalState.Content;
import io.vlmeta.sinks.visuallayer.JournalState.Declaring;
import io.vlmeta.sinks.visuallayer.JournalState.FieldState;
import io.vlmeta.sinks.visuallayer.JournalState.Finished;
import io.vlmeta.sinks.visuallayer.JournalState.Segment;
import io.vlmeta.sinks.visuallayer.JournalState.Sending;
import io.vlmeta.sinks.visuallayer.JournalState.Stopped;
import io.vlmeta.sinks.visuallayer.JournalState.Uploading;
import io.vlmeta.sinks.visuallayer.JournalState.WithTask;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The write-ahead journal of one job (a dataset and an input): per field, a {@link FieldState}. The
 * intent of every request is written (and forced to disk) before the request, its outcome after, so a
 * run killed at any instant leaves a journal that says which request may be in doubt. Rewritten as a
 * whole through a temporary file and an atomic move, so a crash leaves the old or the new journal,
 * never half of one. One run at a time holds it ({@link JournalLock}). Thread-safe.
 */
final class Journal implements AutoCloseable {
    /** Journal files cannot be written: the job cannot promise to resume, so it does not start. */
    static final ErrorCode STATE_UNWRITABLE = new ErrorCode("STATE_UNWRITABLE", ErrorKind.USER, 1);

    private static final int VERSION = 2;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final String datasetId;
    private final String jobKey;
    private final Map<String, String> settings;
    private final JournalLock lock;
    private final Map<String, FieldState> fields = new LinkedHashMap<>();
    private boolean existedAtStart;

    private Journal(Path file, String datasetId, String jobKey, Map<String, String> settings, JournalLock lock) {
        this.settings = settings;
        this.file = file;
        this.datasetId = datasetId;
        this.jobKey = jobKey;
        this.lock = lock;
    }

    /** Takes the journal of a job that reads its rows with no settings to repeat; see the four-argument form. */
    static Journal open(Path stateDir, String datasetId, String jobKey) {
        return open(stateDir, datasetId, jobKey, Map.of());
    }

    /**
     * Takes the journal of this dataset and input for this run, reading it when it exists, and proves
     * the state folder writable before anything is sent.
     *
     * @param settings how this run reads its rows ({@code JobKey.settings()}); kept in the journal
     * @throws VlmetaException {@link JournalLock#LOCKED} when another run holds it, {@link #STATE_UNWRITABLE}
     *                         when it cannot be read or written, a usage error when an unfinished field of it was
     *                         read with other settings
     */
    static Journal open(Path stateDir, String datasetId, String jobKey, Map<String, String> settings) {
        Path file = stateDir.resolve(fileName(datasetId, jobKey));
        JournalLock lock = JournalLock.acquire(file.resolveSibling(file.getFileName() + ".lock"));
        Journal journal = new Journal(file, datasetId, jobKey, Map.copyOf(settings), lock);
        try {
            deleteStaleTemporaryFiles(file);
            if (Files.exists(file)) {
                try {
                    Content content = JSON.readValue(file.toFile(), Content.class);
                    if (content.version() != VERSION || content.fields() == null) {
                        throw new IOException("written by another version of vlmeta");
                    }
                    journal.fields.putAll(content.fields());
                    journal.existedAtStart = true;
                    journal.refuseOtherSettings(content.settings());
                } catch (IOException e) {
                    throw new VlmetaException(STATE_UNWRITABLE, "The resume journal " + file + " cannot be read ("
                            + e.getMessage().lines().findFirst().orElse("") + "); nothing was sent. Keep it while "
                            + "its fields are unfinished on the server: it is what tells a resumed run where to go on.",
                            e);
                }
            }
            journal.write(); // a state folder that cannot take the journal stops the job before any request
            return journal;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * A field left unfinished continues from the row number the journal recorded; read under other settings
     * (another match mode, date format, time zone, path column...), the rows would be numbered or read
     * otherwise, and the rest of the field would go to other media or hold other values, for good.
     */
    private void refuseOtherSettings(Map<String, String> recorded) {
        if (recorded == null || recorded.equals(settings) || !unfinished()) {
            return; // a journal of an older vlmeta keeps none; a finished one binds no later run
        }
        java.util.Set<String> names = new java.util.TreeSet<>(recorded.keySet());
        names.addAll(settings.keySet());
        List<String> differing = names.stream()
                .filter(name -> !java.util.Objects.equals(recorded.get(name), settings.get(name))).toList();
        throw VlmetaException.usage("The stopped upload of this input to dataset '" + datasetId + "' (journal " + file
                + ") read its rows with other settings: " + String.join(", ", differing) + (differing.size() == 1
                ? " differs" : " differ") + ". A resume must read every row as that run did, or the rest of a "
                + "field would go to other media or hold other values: run it with --resume and that run's "
                + "settings (its command line or plan).");
    }

    /**
     * Deletes the temporary files a run killed while writing this journal left beside it (the
     * {@code <journal>.json<digits>.tmp} of {@link #write()}). Called only under the lock: the one run
     * that may write this journal is the caller, so none of these files is being written. Another
     * journal's files have another name and are left alone.
     */
    private static void deleteStaleTemporaryFiles(Path file) {
        Pattern temporary = Pattern.compile(Pattern.quote(file.getFileName().toString()) + "[0-9]+\\.tmp");
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(folder,
                candidate -> temporary.matcher(candidate.getFileName().toString()).matches())) {
            for (Path leftover : stale) {
                try {
                    Files.deleteIfExists(leftover);
                } catch (IOException e) {
                    // one that cannot go (a folder of that name, say) keeps none of the others from going
                }
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            // a leftover that stays is only litter; the write that follows proves the folder usable
        }
    }

    /**
     * The other journals of this dataset in the state folder that record the field: those of runs of
     * other bytes (an input edited since, another file). Read without their locks, as a hint for a
     * refusal; one that cannot be read is left out.
     *
     * @return each such journal with the field's state in it, in name order; empty when there is none
     */
    Map<Path, FieldState> othersRecording(String fieldName) {
        Pattern sameDataset = Pattern.compile(Pattern.quote(safeName(datasetId)) + "-[0-9a-f]{16}\\.json");
        Path folder = file.toAbsolutePath().getParent();
        Map<Path, FieldState> others = new java.util.TreeMap<>();
        try (DirectoryStream<Path> journals = Files.newDirectoryStream(folder,
                candidate -> sameDataset.matcher(candidate.getFileName().toString()).matches())) {
            for (Path other : journals) {
                if (!other.getFileName().equals(file.getFileName())) {
                    recorded(other, fieldName).ifPresent(state -> others.put(other, state));
                }
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            return Map.of();
        }
        return others;
    }

    private Optional<FieldState> recorded(Path other, String fieldName) {
        try {
            Content content = JSON.readValue(other.toFile(), Content.class);
            return datasetId.equals(content.datasetId()) && content.fields() != null
                    ? Optional.ofNullable(content.fields().get(fieldName)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String safeName(String datasetId) {
        return datasetId.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    static String fileName(String datasetId, String jobKey) {
        String safeDataset = safeName(datasetId);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(jobKey.getBytes(StandardCharsets.UTF_8));
            return safeDataset + "-" + HexFormat.of().formatHex(digest, 0, 8) + ".json";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    Path file() {
        return file;
    }

    /** @return true when an earlier run left a field that is neither finished nor stopped */
    synchronized boolean unfinished() {
        return fields.values().stream().anyMatch(state -> !(state instanceof Finished || state instanceof Stopped));
    }

    synchronized boolean existedAtStart() {
        return existedAtStart;
    }

    synchronized Optional<FieldState> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** Intent: the declaration of {@code field} is about to be sent. */
    synchronized void declaring(String field) {
        put(field, new Declaring());
    }

    /** Outcome: the field is declared with this task, or an in-doubt declaration was found to be ours. */
    synchronized void declared(String field, String taskId) {
        put(field, new Uploading(taskId, List.of()));
    }

    /** Outcome: the declaration did not happen (refused, or settled as never having reached the server). */
    synchronized void forget(String field) {
        fields.remove(field);
        write();
    }

    /** Intent: {@code batch} is about to be sent to the field's task. */
    synchronized void sending(String field, Batch batch) {
        WithTask state = withTask(field);
        put(field, new Sending(state.taskId(), state.segments(), batch));
    }

    /**
     * Outcome: the server holds {@code applied} entries of the batch from its first (all of them when it
     * took the whole file; none when it took nothing).
     */
    synchronized void sent(String field, Batch batch, long applied, Segment.Kind kind) {
        if (applied > 0) {
            append(field, new Segment(batch.firstEntry(), applied, kind,
                    applied == batch.count() ? batch.lastMedia() : null));
        } else {
            unchanged(field);
        }
    }

    /** Outcome: the batch was presumed lost after its read-back never showed it; it is sent again. */
    synchronized void presumedLost(String field, Batch batch) {
        append(field, new Segment(batch.firstEntry(), batch.count(), Segment.Kind.PRESUMED_LOST));
    }

    private void append(String field, Segment segment) {
        WithTask state = withTask(field);
        List<Segment> segments = new ArrayList<>(state.segments());
        segments.add(segment);
        put(field, new Uploading(state.taskId(), segments));
    }

    /** Outcome: the request in flight got an answer that changed nothing; the field is as before it. */
    synchronized void unchanged(String field) {
        WithTask state = withTask(field);
        put(field, new Uploading(state.taskId(), state.segments()));
    }

    synchronized void finished(String field, String status) {
        WithTask state = withTask(field);
        put(field, new Finished(state.taskId(), state.segments(), status));
    }

    synchronized void stopped(String field, String reason) {
        WithTask state = withTask(field);
        put(field, new Stopped(state.taskId(), state.segments(), reason));
    }

    private WithTask withTask(String field) {
        if (fields.get(field) instanceof WithTask state) {
            return state;
        }
        throw new IllegalStateException("field '" + field + "' has no task in the journal");
    }

    private void put(String field, FieldState state) {
        FieldState before = fields.put(field, state);
        try {
            write();
        } catch (RuntimeException e) {
            if (before == null) {
                fields.remove(field);
            } else {
                fields.put(field, before);
            }
            throw e;
        }
    }

    private void write() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    OutputStream out = Channels.newOutputStream(channel);
                    JSON.writeValue(new NonClosing(out), new Content(VERSION, datasetId, jobKey, settings, fields));
                    channel.force(true); // the intent is on disk before the request it announces
                }
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new VlmetaException(STATE_UNWRITABLE, "Cannot write the resume journal " + file + ": "
                    + FileFaults.whyUnwritable(file, e) + "; check --state-dir.", e);
        }
    }

    /** Releases this run's hold on the journal. */
    @Override
    public void close() {
        synchronized (this) {
            if (!existedAtStart && fields.isEmpty()) {
                // a run that declared nothing (refused, or with nothing to send) leaves no journal to puzzle over
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // an empty journal left behind records nothing, and the next run of this input reads it so
                }
            }
        }
        lock.close();
    }

    /** Keeps Jackson from closing the channel before it is forced. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

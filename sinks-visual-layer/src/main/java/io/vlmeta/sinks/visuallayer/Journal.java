package io.vlmeta.sinks.visuallayer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.ErrorKind;
import io.vlmeta.api.VlmetaException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The resume journal of one job (a dataset and an input): per field, its task id, how many entries
 * the server has acknowledged, and its final state. Rewritten as a whole after every acknowledged
 * step, through a temporary file and an atomic move, so a crash leaves either the old or the new
 * journal, never half of one. Thread-safe.
 */
final class Journal {
    /** Journal files cannot be written: the job cannot promise to resume, so it does not start. */
    static final ErrorCode STATE_UNWRITABLE = new ErrorCode("STATE_UNWRITABLE", ErrorKind.USER, 1);

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One field's progress.
     *
     * @param taskId       the upload task the declaration opened
     * @param batches      batches the server acknowledged
     * @param entries      entries in those batches (the count a resumed run skips)
     * @param finalStatus  the task's final state, or {@code null} while unfinished
     */
    record FieldProgress(String taskId, int batches, long entries, String finalStatus) {
        boolean finished() {
            return finalStatus != null;
        }
    }

    /** The file's content. */
    record State(String datasetId, String jobKey, Map<String, FieldProgress> fields) {
    }

    private final Path file;
    private final String datasetId;
    private final String jobKey;
    private final Map<String, FieldProgress> fields = new LinkedHashMap<>();
    private boolean existedAtStart;

    private Journal(Path file, String datasetId, String jobKey) {
        this.file = file;
        this.datasetId = datasetId;
        this.jobKey = jobKey;
    }

    /** Opens (reads, when it exists) the journal of this dataset and input. */
    static Journal open(Path stateDir, String datasetId, String jobKey) {
        Path file = stateDir.resolve(fileName(datasetId, jobKey));
        Journal journal = new Journal(file, datasetId, jobKey);
        if (Files.exists(file)) {
            try {
                State state = JSON.readValue(file.toFile(), State.class);
                if (state.fields() != null) {
                    journal.fields.putAll(state.fields());
                }
                journal.existedAtStart = true;
            } catch (IOException e) {
                throw new VlmetaException(STATE_UNWRITABLE, "The resume journal " + file
                        + " cannot be read; delete it to start over.", e);
            }
        }
        return journal;
    }

    static String fileName(String datasetId, String jobKey) {
        String safeDataset = datasetId.replaceAll("[^A-Za-z0-9._-]", "_");
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

    /** @return true when an earlier run left a field declared but not finished */
    synchronized boolean unfinished() {
        return fields.values().stream().anyMatch(field -> !field.finished());
    }

    synchronized boolean existedAtStart() {
        return existedAtStart;
    }

    synchronized Optional<FieldProgress> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** Forgets an earlier, finished job with this input: this run starts its own record. */
    synchronized void startOver() {
        fields.clear();
        existedAtStart = false;
    }

    synchronized void declared(String field, String taskId) {
        fields.put(field, new FieldProgress(taskId, 0, 0, null));
        write();
    }

    synchronized void batchAccepted(String field, int batches, long entries) {
        FieldProgress progress = fields.get(field);
        fields.put(field, new FieldProgress(progress.taskId(), batches, entries, null));
        write();
    }

    synchronized void finished(String field, String status) {
        FieldProgress progress = fields.get(field);
        if (progress != null) {
            fields.put(field, new FieldProgress(progress.taskId(), progress.batches(), progress.entries(), status));
            write();
        }
    }

    private void write() {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                JSON.writeValue(temp.toFile(), new State(datasetId, jobKey, fields));
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
                    + e.getMessage() + "; check --state-dir.", e);
        }
    }
}

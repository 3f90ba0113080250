package io.vlmeta.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** One dataset: its media, status, declared fields (in declaration order) and their tasks. */
final class Dataset {
    /** The statuses Visual Layer documents for {@code status}. */
    static final Set<String> STATUSES = Set.of("READY", "NEW", "PRE_PROCESSING", "INITIALIZING", "UPLOADING",
            "SAVING", "INDEXING", "ENRICHING", "FATAL_ERROR");

    private final String id;
    private final MediaCatalog media;
    private volatile String status = "READY";
    private volatile boolean restricted;
    private final Map<String, DeclaredField> fieldsByName = new LinkedHashMap<>();
    private final Map<String, DeclaredField> fieldsByTask = new LinkedHashMap<>();

    Dataset(String id, MediaCatalog media) {
        this.id = id;
        this.media = media;
    }

    String id() {
        return id;
    }

    MediaCatalog media() {
        return media;
    }

    String status() {
        return status;
    }

    void status(String status) {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("unknown dataset status '" + status + "', expected one of "
                    + STATUSES.stream().sorted().toList());
        }
        this.status = status;
    }

    boolean restricted() {
        return restricted;
    }

    void restrict() {
        restricted = true;
    }

    /**
     * Declares a field and opens its task.
     *
     * @return the new field, or empty when the name is taken
     */
    synchronized Optional<DeclaredField> declare(FieldDefinition definition, int pollsToComplete, TaskPolicy policy) {
        if (fieldsByName.containsKey(definition.name())) {
            return Optional.empty();
        }
        UploadTask task = new UploadTask(UUID.randomUUID().toString(), pollsToComplete, policy);
        DeclaredField field = new DeclaredField(definition, definition.newStore(media.size()), task);
        fieldsByName.put(definition.name(), field);
        fieldsByTask.put(task.id(), field);
        return Optional.of(field);
    }

    synchronized Optional<DeclaredField> field(String name) {
        return Optional.ofNullable(fieldsByName.get(name));
    }

    synchronized Optional<DeclaredField> fieldOfTask(String taskId) {
        return Optional.ofNullable(fieldsByTask.get(taskId));
    }

    /** @return the declared fields in declaration order, a snapshot */
    synchronized List<DeclaredField> fields() {
        return new ArrayList<>(fieldsByName.values());
    }
}

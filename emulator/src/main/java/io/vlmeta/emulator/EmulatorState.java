package io.vlmeta.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the emulator holds, in memory: the datasets by id, in the order they were added. */
final class EmulatorState {
    private final Map<String, Dataset> datasets = new LinkedHashMap<>();

    synchronized void add(Dataset dataset) {
        if (datasets.containsKey(dataset.id())) {
            throw new IllegalArgumentException("dataset '" + dataset.id() + "' already exists");
        }
        datasets.put(dataset.id(), dataset);
    }

    synchronized Optional<Dataset> find(String id) {
        return Optional.ofNullable(datasets.get(id));
    }

    /** @throws IllegalArgumentException for an unknown id, naming it */
    Dataset require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no dataset '" + id + "'"));
    }

    synchronized List<Dataset> datasets() {
        return new ArrayList<>(datasets.values());
    }
}

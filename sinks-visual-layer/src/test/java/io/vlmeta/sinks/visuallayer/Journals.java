package io.vlmeta.sinks.visuallayer;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Edits a journal file as a run stopped at a chosen instant would have left it. */
final class Journals {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Journals() {
    }

    static void rewrite(Path file, String field, UnaryOperator<JournalState.WithTask> change) throws IOException {
        JournalState.Content content = read(file);
        Map<String, JournalState.FieldState> fields = new LinkedHashMap<>(content.fields());
        fields.put(field, change.apply((JournalState.WithTask) fields.get(field)));
        JSON.writeValue(file.toFile(), new JournalState.Content(content.version(), content.datasetId(),
                content.jobKey(), content.settings(), fields));
    }

    static JournalState.Content read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), JournalState.Content.class);
    }
}

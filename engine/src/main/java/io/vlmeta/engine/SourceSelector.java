package io.vlmeta.engine;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.SourceProvider;
import io.vlmeta.api.VlmetaException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Chooses the source plugin: the one the user named, or the one that claims the input most strongly. */
final class SourceSelector {

    private SourceSelector() {
    }

    static SourceProvider select(Map<String, SourceProvider> sources, String requested, Path input) {
        if (!Files.exists(input)) {
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, "Input not found: " + input + ".");
        }
        if (requested != null) {
            SourceProvider source = sources.get(requested);
            if (source == null) {
                throw VlmetaException.usage("No source named '" + requested + "' is installed. Installed sources: "
                        + String.join(", ", sources.keySet()) + ".");
            }
            return source;
        }
        SourceProvider best = null;
        int bestScore = 0;
        for (SourceProvider source : sources.values()) {
            int score = source.score(input);
            if (score > bestScore) {
                best = source;
                bestScore = score;
            }
        }
        if (best == null) {
            throw VlmetaException.usage("No installed source can read " + input
                    + ". Name one with --source (installed: " + String.join(", ", sources.keySet()) + ").");
        }
        return best;
    }
}

package io.vlmeta.engine;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FileFaults;
import io.vlmeta.api.SourceProvider;
import io.vlmeta.api.VlmetaException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Chooses the source plugin: the one the user named, or the one that claims the input most strongly. */
final class SourceSelector {

    private SourceSelector() {
    }

    /**
     * @param sources   the installed sources by name, never null
     * @param requested the source named with {@code --source}; null to choose by the input
     * @param input     the input file or folder, never null
     * @param label     how messages name the input, never null
     * @return the source to read the input with, never null
     * @throws VlmetaException {@code INPUT_UNREADABLE} for an input that cannot be read at all (as
     *     {@link InputAccess} checks) or a folder no source claims; a usage error for an unknown source or a file
     *     no source claims
     */
    static SourceProvider select(Map<String, SourceProvider> sources, String requested, Path input, String label) {
        InputAccess.check(input, label);
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
        if (best == null && Files.isDirectory(input)) {
            // naming a source would not help: the sources that read folders found nothing in it to read
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, FileFaults.shown(label) + " is a folder, and no "
                    + "installed source finds anything in it to read; give a file, or a folder of what a source reads"
                    + " (installed: " + String.join(", ", sources.keySet()) + ").");
        }
        if (best == null) {
            throw VlmetaException.usage("No installed source can read " + FileFaults.shown(label)
                    + ". Name one with --source (installed: " + String.join(", ", sources.keySet()) + ").");
        }
        return best;
    }
}

package io.vlmeta.sinks.visuallayer;

import java.nio.file.Path;

/** Finds the shared fixtures: {@code vlmeta.shared.dir}, or {@code ../shared} beside the repository. */
final class SharedFixtures {

    private SharedFixtures() {
    }

    static Path dir() {
        String configured = System.getProperty("vlmeta.shared.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path here = Path.of("").toAbsolutePath();
        Path root = here.getFileName().toString().equals("sinks-visual-layer") ? here.getParent() : here;
        return root.resolveSibling("shared");
    }
}

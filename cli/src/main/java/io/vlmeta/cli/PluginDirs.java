package io.vlmeta.cli;

import java.nio.file.Path;
import java.util.List;

/** The folders searched for plugin jars: the ones given, or {@code ./plugins} and {@code ~/.vlmeta/plugins}. */
final class PluginDirs {
    private PluginDirs() {
    }

    static List<Path> of(List<Path> given, CliContext context) {
        return given.isEmpty() ? List.of(Path.of("plugins"), context.home().resolve(".vlmeta").resolve("plugins"))
                : List.copyOf(given);
    }
}

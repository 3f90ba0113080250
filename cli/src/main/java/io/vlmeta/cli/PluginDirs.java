package io.vlmeta.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --plugins-dir} option, shared by every command that discovers plugins, and the folders
 * it stands for: the ones given, or {@code ./plugins} and {@code ~/.vlmeta/plugins}.
 */
final class PluginDirs {

    @Option(names = "--plugins-dir", paramLabel = "DIR",
            description = "A folder of plugin jars (repeatable; default: ./plugins and ~/.vlmeta/plugins).")
    List<Path> given = new ArrayList<>();

    List<Path> folders(CliContext context) {
        return given.isEmpty() ? List.of(Path.of("plugins"), context.home().resolve(".vlmeta").resolve("plugins"))
                : List.copyOf(given);
    }
}

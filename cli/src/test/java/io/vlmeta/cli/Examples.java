package io.vlmeta.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The repository's examples/ folder, which the demo and the README use. */
final class Examples {
    static final Path DIR = Path.of("").toAbsolutePath().getParent().resolve("examples");
    static final Path METADATA = DIR.resolve("metadata.csv");

    private Examples() {
    }

    static List<String> filenames() throws IOException {
        return Files.readAllLines(DIR.resolve("files.txt"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
    }

    /** The reference script's type flags for the examples' columns. */
    static List<String> typeFlags() {
        return DemoCommand.FIELD_FLAGS;
    }
}

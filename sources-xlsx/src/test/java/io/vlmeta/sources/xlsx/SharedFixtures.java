package io.vlmeta.sources.xlsx;

import java.nio.file.Path;

/** Finds the fixtures made by real spreadsheet programs. */
final class SharedFixtures {

    private SharedFixtures() {
    }

    static Path xlsx(String name) {
        String configured = System.getProperty("vlmeta.shared.dir");
        // tests run in the module folder; the shared folder sits beside the repository root
        Path shared = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
        return shared.resolve("fixtures").resolve("xlsx").resolve(name).normalize();
    }
}

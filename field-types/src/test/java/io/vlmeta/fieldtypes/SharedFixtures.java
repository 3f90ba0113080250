package io.vlmeta.fieldtypes;

import java.nio.file.Path;

/** The fixtures made by real tools, shared by every module's tests. */
final class SharedFixtures {

    private SharedFixtures() {
    }

    /** @return a file under {@code fixtures/}, from {@code vlmeta.shared.dir} or {@code ../shared} beside the repository */
    static Path file(String relative) {
        String configured = System.getProperty("vlmeta.shared.dir");
        Path shared = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
        return shared.resolve("fixtures").resolve(relative);
    }
}

package io.vlmeta.cli;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FileFaults;
import io.vlmeta.api.TempFolder;
import io.vlmeta.api.VlmetaException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The demo's inputs: {@code examples/} in the working folder (a fresh clone), or else the copy
 * bundled in the jar, written to a temporary folder.
 *
 * @param metadata the metadata CSV
 * @param files    the demo dataset's file names, one per line
 * @param bundled  true when the bundled copy is used
 */
record DemoExamples(Path metadata, Path files, boolean bundled) {
    static final String METADATA = "metadata.csv";
    static final String FILES = "files.txt";

    static DemoExamples locate(Path workingFolder) {
        Path local = workingFolder.resolve("examples");
        if (Files.isRegularFile(local.resolve(METADATA)) && Files.isRegularFile(local.resolve(FILES))) {
            return new DemoExamples(Path.of("examples", METADATA), Path.of("examples", FILES), false);
        }
        try {
            Path copy = Files.createTempDirectory("vlmeta-examples");
            copy.toFile().deleteOnExit();
            return new DemoExamples(extract(copy, METADATA), extract(copy, FILES), true);
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE,
                    "Cannot write the demo's examples to a temporary folder in " + TempFolder.systemFolder() + ": "
                    + FileFaults.whyUnwritable(TempFolder.systemFolder().resolve("vlmeta-examples"), e) + ".", e);
        }
    }

    private static Path extract(Path folder, String name) throws IOException {
        try (InputStream in = DemoExamples.class.getResourceAsStream("/examples/" + name)) {
            if (in == null) {
                throw new VlmetaException(ErrorCode.INTERNAL, "The demo's examples/" + name
                        + " is missing from this build.");
            }
            Path target = folder.resolve(name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            target.toFile().deleteOnExit();
            return target;
        }
    }

    /** @return the dataset's file names */
    List<String> filenames() {
        try {
            return Files.readAllLines(files, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, "Cannot read " + files + ": it "
                    + FileFaults.whyUnreadable(files, e) + ".", e);
        }
    }
}

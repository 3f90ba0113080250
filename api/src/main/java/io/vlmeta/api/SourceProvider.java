package io.vlmeta.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A kind of input (CSV, Excel, DICOM sidecars...). Found with {@link java.util.ServiceLoader}
 * and created once per run by the engine; must be thread-safe and cheap to construct.
 *
 * @since 0.1
 */
public interface SourceProvider {

    /** @return the unique name users pass to {@code --source}, e.g. {@code csv}; lower case */
    String name();

    /** @return one line for {@code vlmeta plugins} */
    String description();

    /**
     * How well this source can read a path, for choosing a source when the user did not name one.
     * Look at the extension, and at the first bytes or the folder's contents when that decides it.
     *
     * @return {@code 0} when it cannot read it, {@code 10} when the extension matches, {@code 20}
     *     when the content says so (e.g. a CSV whose header is the DICOM converter's); the highest wins
     */
    int score(Path path);

    /**
     * The options this source reads ({@code --source-option NAME=VALUE}, and the flags that set the
     * same names, such as {@code --sheet}), so that the engine refuses a name no source reads instead
     * of ignoring a typing mistake.
     *
     * @return the names, or empty when this source does not say (then every name is let through)
     */
    default Optional<Set<String>> optionNames() {
        return Optional.empty();
    }

    /**
     * Checks the values of the options this source reads before the input is opened, as {@link #open} would, so
     * that an option a plan file gives is refused as the plan's key, on its line, not in the words of a flag
     * nobody typed. The default checks nothing: {@link #open} refuses what it cannot read.
     *
     * @param options the options this source reads ({@link #optionNames()}), by name, as given; none null
     * @param origins for an option not given by a flag, how a refusal names it (a plan file's key, e.g.
     *                {@code Plan p.yaml, line 8, input.options.delimiter}); the others are named as the flag's
     * @throws VlmetaException ({@link ErrorCode#USAGE}) naming the first option whose value this source cannot
     *     read; the value itself is not shown, as a value typed in the wrong place may be a secret
     */
    default void checkOptionValues(Map<String, String> options, Map<String, String> origins) {
    }

    /**
     * Opens the input for one pass. Called twice per job (validation, then upload): a source
     * must yield the same records in the same order each time.
     *
     * @param request  what to read
     * @param reporter where row-level problems go
     * @return an open source; the caller closes it
     * @throws VlmetaException when the input cannot be opened ({@link ErrorCode#INPUT_UNREADABLE}) or is
     *     not what it claims to be ({@link ErrorCode#INPUT_MALFORMED}, {@link ErrorCode#USAGE} for bad options)
     */
    RecordSource open(SourceRequest request, ProblemReporter reporter);

    /**
     * The files whose bytes this source reads for the request, in a stable order: the engine digests them
     * to know the input again (the resume journal is found by their content, not by a path or a time), so
     * a file the source never reads, such as an image beside its sidecar, should not be listed.
     *
     * <p>By default: the input itself when it is a file, else every regular file under the folder whose
     * name does not start with a dot, in the order of their paths relative to it.
     *
     * @param request what the job reads
     * @return the files; never {@code null}
     * @throws IOException when the input or a folder under it cannot be read or listed
     * @since 0.4
     */
    default List<Path> contentFiles(SourceRequest request) throws IOException {
        Path input = request.path();
        if (!Files.isDirectory(input)) {
            return List.of(input);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(input)) {
            for (Path file : (Iterable<Path>) walk::iterator) {
                boolean hidden = !file.equals(input) && input.relativize(file).toString().matches("(.*/)?\\..*");
                if (!hidden && Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        files.sort((a, b) -> input.relativize(a).toString().compareTo(input.relativize(b).toString()));
        return files;
    }
}

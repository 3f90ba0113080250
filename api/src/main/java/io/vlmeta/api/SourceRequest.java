package io.vlmeta.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user asked a source to read.
 *
 * @param path      the input file or folder; never {@code null}
 * @param keyColumn the key column's name ({@code --path-column}), or {@code null} for the source's default
 *                  ({@code file_fullpath} for tables)
 * @param options   source options by name, from flags such as {@code --encoding}, {@code --delimiter},
 *                  {@code --sheet}, {@code --sidecar-format}, or the generic {@code --source-option k=v};
 *                  a source ignores the ones it does not know
 * @param label     how messages, descriptions and reports name the input: the path as given, or what a
 *                  temporary copy at {@code path} was made from ({@code standard input}, a pipe's path),
 *                  since a message naming the copy would name a file the user never had and that is gone
 *                  once the run ends; {@code null} for {@code path.toString()} (since 0.3)
 * @since 0.1
 */
public record SourceRequest(Path path, String keyColumn, Map<String, String> options, String label) {

    public SourceRequest {
        Objects.requireNonNull(path, "path");
        options = Map.copyOf(options);
        label = label == null ? path.toString() : label;
    }

    /** A request whose messages name the input by its path. */
    public SourceRequest(Path path, String keyColumn, Map<String, String> options) {
        this(path, keyColumn, options, null);
    }

    /** @return the option's value, if given */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** @return the key column asked for, or the given default */
    public String keyColumnOr(String defaultColumn) {
        return keyColumn == null ? defaultColumn : keyColumn;
    }
}

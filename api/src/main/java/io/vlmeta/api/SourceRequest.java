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
 * @since 0.1
 */
public record SourceRequest(Path path, String keyColumn, Map<String, String> options) {

    public SourceRequest {
        Objects.requireNonNull(path, "path");
        options = Map.copyOf(options);
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

package io.vlmeta.sources.jsonl;

import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.SourceProvider;
import io.vlmeta.api.SourceRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code jsonl} source: JSON Lines (<a href="https://jsonlines.org">jsonlines.org</a>, also called
 * NDJSON), one JSON object per line, UTF-8, optionally gzip-compressed; keyed by {@code file_fullpath}
 * unless the request names another key.
 *
 * <p>Values keep their JSON type: strings are {@link io.vlmeta.api.RawValue.Text}, numbers
 * {@link io.vlmeta.api.RawValue.Number} with the digits as written, arrays
 * {@link io.vlmeta.api.RawValue.ListValue}, {@code true}/{@code false} the text {@code true}/{@code false},
 * {@code null} missing. Nested objects become columns named by their path ({@code camera.model}). The
 * columns are every key seen in the file, in first-seen order. Row numbers are line numbers (the first
 * line is row 1). A line that is not valid JSON, not an object, or has no key is reported and skipped.
 *
 * <p>It reads no options.
 *
 * @since 0.1
 */
public final class JsonlSourceProvider implements SourceProvider {

    /** Creates the provider; it holds no state. */
    public JsonlSourceProvider() {
    }

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public String description() {
        return "JSON Lines: one JSON object per line (.jsonl, .ndjson, .jsonl.gz); nested keys as a.b columns";
    }

    @Override
    public Optional<Set<String>> optionNames() {
        return Optional.of(Set.of());
    }

    @Override
    public int score(Path path) {
        Path fileName = path.getFileName();
        if (fileName == null || Files.isDirectory(path)) {
            return 0;
        }
        String name = fileName.toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - ".gz".length());
        }
        return name.endsWith(".jsonl") || name.endsWith(".ndjson") ? 10 : 0;
    }

    @Override
    public RecordSource open(SourceRequest request, ProblemReporter reporter) {
        return JsonlRecordSource.open(request, reporter);
    }
}

package io.vlmeta.engine.testplugins;

import io.vlmeta.api.ColumnInfo;
import io.vlmeta.api.Location;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.SourceProvider;
import io.vlmeta.api.SourceRequest;
import io.vlmeta.api.VlmetaException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal pipe-separated source for engine tests ({@code .pipe} files): a header line, then rows.
 * Columns whose name starts with {@code phi_} are marked sensitive; {@code n_} columns suggest float.
 */
public final class PipeSource implements SourceProvider {

    /** The columns each opened source was told to keep ({@link RecordSource#select}), in call order. */
    public static final List<Set<String>> SELECTED = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "pipe";
    }

    @Override
    public String description() {
        return "pipe-separated test files";
    }

    @Override
    public int score(Path path) {
        return path.toString().endsWith(".pipe") ? 10 : 0;
    }

    @Override
    public RecordSource open(SourceRequest request, ProblemReporter reporter) {
        try {
            BufferedReader reader = Files.newBufferedReader(request.path());
            String header = reader.readLine();
            if (header == null) {
                reader.close();
                throw VlmetaException.malformed(request.label() + " is empty.");
            }
            return new Pipe(request, reader, List.of(header.split("\\|", -1)), reporter);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Pipe implements RecordSource {
        private final SourceRequest request;
        private final BufferedReader reader;
        private final List<String> header;
        private final ProblemReporter reporter;
        private final String key;
        private long row = 1;

        Pipe(SourceRequest request, BufferedReader reader, List<String> header, ProblemReporter reporter) {
            this.request = request;
            this.reader = reader;
            this.header = header;
            this.reporter = reporter;
            this.key = request.keyColumnOr("file_fullpath");
        }

        @Override
        public String description() {
            return request.path().getFileName().toString();
        }

        @Override
        public String keyColumn() {
            return key;
        }

        @Override
        public List<ColumnInfo> columns() {
            List<ColumnInfo> columns = new ArrayList<>();
            for (String name : header) {
                if (!name.equals(key)) {
                    columns.add(new ColumnInfo(name, name.startsWith("n_") ? "float" : null, name.startsWith("phi_"),
                            null));
                }
            }
            return columns;
        }

        @Override
        public Record next() {
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    row++;
                    List<String> cells = Arrays.asList(line.split("\\|", -1));
                    Map<String, RawValue> values = new HashMap<>();
                    String keyValue = null;
                    for (int i = 0; i < header.size() && i < cells.size(); i++) {
                        if (header.get(i).equals(key)) {
                            keyValue = cells.get(i).strip();
                        } else {
                            values.put(header.get(i), RawValue.text(cells.get(i)));
                        }
                    }
                    Location location = Location.of(description(), row);
                    values.forEach((column, value) -> {
                        if (value.display().equals("#N/A")) {
                            reporter.report(Problem.error(ProblemCategory.INPUT, location, column,
                                    "The cell holds an error (#N/A)."));
                        }
                    });
                    if (keyValue == null || keyValue.isEmpty()) {
                        reporter.report(Problem.error(ProblemCategory.INPUT, location, key, "The key is empty."));
                        continue;
                    }
                    return new Record(keyValue, location, values);
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void select(Set<String> columns) {
            SELECTED.add(Set.copyOf(columns));
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException ignored) {
                // closing a read-only file
            }
        }
    }
}

package io.vlmeta.sources.jsonl;

import io.vlmeta.api.ByteCountingInputStream;
import io.vlmeta.api.ColumnInfo;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FileFaults;
import io.vlmeta.api.Location;
import io.vlmeta.api.NameSuggestions;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.SourceRequest;
import io.vlmeta.api.VlmetaException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Streams one JSON Lines file's objects as {@link Record}s, one line at a time.
 *
 * <p>Opening reads the file once to learn its columns (every key of every object, first-seen order);
 * the lines themselves are not kept. Row numbers are line numbers, blank lines included, so a message's
 * row is the line an editor shows.
 */
final class JsonlRecordSource implements RecordSource {

    /** The default key of tabular inputs. */
    static final String DEFAULT_KEY_COLUMN = "file_fullpath";
    /** The byte order mark some Windows tools put first; JSON (RFC 8259, section 8.1) lets readers skip it. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Path path;
    private final String file;
    private final String keyColumn;
    private final List<ColumnInfo> columns;
    private final Set<String> columnNames;
    private final ProblemReporter reporter;
    private final JsonLineParser parser = new JsonLineParser();
    private final BufferedReader reader;
    private final ByteCountingInputStream bytes;
    private Predicate<String> keep = column -> true;
    private long lineNumber;
    private boolean closed;

    private JsonlRecordSource(Path path, String file, String keyColumn, Set<String> names, ProblemReporter reporter,
                              BufferedReader reader, ByteCountingInputStream bytes) {
        this.path = path;
        this.file = file;
        this.keyColumn = keyColumn;
        this.columnNames = Set.copyOf(names);
        this.columns = names.stream().filter(name -> !name.equals(keyColumn)).map(ColumnInfo::plain).toList();
        this.reporter = reporter;
        this.reader = reader;
        this.bytes = bytes;
    }

    /**
     * Learns the file's columns, then opens it for reading.
     *
     * @param request  the file and the key
     * @param reporter where lines that are skipped are reported
     * @return the open source, before its first line
     * @throws VlmetaException when the file cannot be read, holds no object, or no object has the key
     */
    static JsonlRecordSource open(SourceRequest request, ProblemReporter reporter) {
        Path path = request.path();
        String file = request.label();
        String keyColumn = request.keyColumnOr(DEFAULT_KEY_COLUMN);
        Set<String> names = scanColumns(path, file);
        if (names.isEmpty()) {
            // not JSON Lines at all (a CSV read as JSON Lines, say): a failure reading the input, as another
            // format's file is, not a validation that failed
            throw FileFaults.damagedInput(file + " holds no JSON object; it needs one object per line, such as"
                    + " {\"" + keyColumn + "\": \"images/a.jpg\", ...}.");
        }
        if (!names.contains(keyColumn)) {
            throw new VlmetaException(request.keyColumn() != null ? ErrorCode.USAGE : ErrorCode.INPUT_MALFORMED,
                    file + " has no key '" + keyColumn + "' for the media paths on any line"
                            + NameSuggestions.hint(keyColumn, names) + "; its keys are: " + String.join(", ", names)
                            + ".");
        }
        ByteCountingInputStream bytes = new ByteCountingInputStream(openFile(path, file));
        return new JsonlRecordSource(path, file, keyColumn, names, reporter, readerOf(bytes, path, file), bytes);
    }

    /** Reads every line once, keeping only the names of the columns. */
    private static Set<String> scanColumns(Path path, String file) {
        Set<String> names = new LinkedHashSet<>();
        JsonLineParser parser = new JsonLineParser();
        long line = 0;
        try (BufferedReader reader = readerOf(openFile(path, file), path, file)) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                String json = line == 1 ? withoutByteOrderMark(text) : text;
                if (json.isBlank()) {
                    continue;
                }
                parser.addNames(json, names);
            }
        } catch (IOException e) {
            throw failure(path, file, line + 1, e);
        }
        return names;
    }

    private static InputStream openFile(Path path, String file) {
        if (Files.isDirectory(path)) {
            // FileFaults' words, and what to give instead
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, file + " is a folder, not a JSON Lines file.");
        }
        try {
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw FileFaults.unreadableInput(path, file, e);
        }
    }

    /** Decodes the file's bytes (gunzipped when its name ends in .gz); closes them when that fails. */
    private static BufferedReader readerOf(InputStream raw, Path path, String file) {
        InputStream in = raw;
        try {
            if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            // JSON Lines text is UTF-8 (jsonlines.org); bytes that are not are an error, never a guess
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        } catch (IOException e) {
            closeQuietly(raw);
            throw failure(path, file, 1, e);
        }
    }

    @Override
    public String description() {
        return file;
    }

    @Override
    public String keyColumn() {
        return keyColumn;
    }

    @Override
    public List<ColumnInfo> columns() {
        return columns;
    }

    @Override
    public Record next() {
        while (!closed) {
            String text = readLine();
            if (text == null) {
                return null;
            }
            if (lineNumber == 1) {
                text = withoutByteOrderMark(text);
            }
            if (text.isBlank()) {
                continue;
            }
            Location location = Location.of(file, lineNumber);
            JsonLine line = parser.parse(text, keep);
            if (line.isRefused()) {
                reporter.report(Problem.error(ProblemCategory.INPUT, location, line.field(), line.problem()));
                continue;
            }
            String conflict = objectWhereValueIs(line);
            if (conflict != null) {
                reporter.report(Problem.error(ProblemCategory.INPUT, location, conflict, conflict.equals(keyColumn)
                        ? "Holds an object where the media path belongs; the path must be a JSON string, so the line"
                                + " is skipped."
                        : "Holds an object where other lines hold a value; a field takes a string, a number, a boolean"
                                + " or a list, so the line is skipped."));
                continue;
            }
            RawValue key = line.values().remove(keyColumn);
            if (key == null || (key instanceof RawValue.Text text1 && text1.value().isBlank())) {
                reporter.report(Problem.error(ProblemCategory.INPUT, location, null, "No '" + keyColumn
                        + "' on this line, so it is skipped; every line needs the path of its media file."));
                continue;
            }
            if (!(key instanceof RawValue.Text path)) {
                reporter.report(Problem.error(ProblemCategory.INPUT, location, keyColumn, "Holds "
                        + (key instanceof RawValue.Number ? "a number" : "a list") + " (" + key.display()
                        + "), but the media path must be a JSON string; the line is skipped."));
                continue;
            }
            return new Record(path.value().trim(), location, line.values());
        }
        return null;
    }

    /**
     * Keeps only these columns' values (and the key's) in the records read from now on; a line is then
     * refused only for what it holds in them.
     */
    @Override
    public void select(Set<String> columns) {
        Set<String> kept = new HashSet<>(columns);
        kept.add(keyColumn);
        keep = kept::contains;
    }

    /** @return a kept column that holds an object on this line but a value on others (or is the key), or null */
    private String objectWhereValueIs(JsonLine line) {
        for (String path : line.objectPaths()) {
            if (columnNames.contains(path) && keep.test(path)) {
                return path;
            }
        }
        return null;
    }

    private String readLine() {
        try {
            String text = reader.readLine();
            if (text != null) {
                lineNumber++;
            }
            return text;
        } catch (IOException e) {
            throw failure(path, file, lineNumber + 1, e);
        }
    }

    private static String withoutByteOrderMark(String text) {
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    private static VlmetaException failure(Path path, String file, long line, IOException e) {
        if (e instanceof CharacterCodingException) {
            return VlmetaException.malformed(file + " line " + line + " holds bytes that are not valid UTF-8;"
                    + " JSON Lines files are UTF-8, so save the file as UTF-8.");
        }
        // the decompressor's own words ("invalid stored block lengths") are not shown: they name its workings
        if (e instanceof java.io.EOFException && line == 1 && isEmpty(path)) {
            // gzip data holds at least its header; "ends before its compressed data does" would mean it was cut
            return FileFaults.damagedInput(file + " is an empty file, not gzip-compressed data,"
                    + " though its name ends in .gz; give the compressed file, or compress the lines with gzip.", e);
        }
        if (e instanceof java.io.EOFException) {
            return FileFaults.damagedInput(file + " is not a complete gzip file: it ends before"
                    + " its compressed data does, near line " + line + ".", e);
        }
        if (e instanceof ZipException && "Not in GZIP format".equals(e.getMessage())) {
            return FileFaults.damagedInput(file + " is not gzip-compressed, though its name ends"
                    + " in .gz; give it a name without .gz, or compress it with gzip.", e);
        }
        if (e instanceof ZipException) {
            return FileFaults.damagedInput(file + " is not a complete gzip file: its compressed"
                    + " data is damaged near line " + line + ".", e);
        }
        return FileFaults.unreadableInput(path, file, e);
    }


    /** @return whether the file holds no byte; false when its size cannot be read */
    private static boolean isEmpty(Path path) {
        try {
            return Files.size(path) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // the file was only read; failing to release it changes nothing already read
        }
    }

    /** @return bytes of the file read so far (compressed bytes for a .gz file), ahead of the lines returned */
    @Override
    public long bytesRead() {
        return bytes.count();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(reader);
    }
}

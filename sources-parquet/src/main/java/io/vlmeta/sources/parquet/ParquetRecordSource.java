package io.vlmeta.sources.parquet;

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
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Streams the records of a Parquet file, or of a folder of part files one after the other, holding one
 * row group's read columns at a time (parquet-java reads a row group's column chunks whole).
 *
 * <p>Records are numbered from 1 within each file, and their location names the file they are in (the
 * part file, for folders). A record whose key is null or blank is reported and skipped. Part files must
 * have the first file's columns and types.
 */
final class ParquetRecordSource implements RecordSource {

    /** The default key column of tabular inputs. */
    static final String DEFAULT_KEY_COLUMN = "file_fullpath";

    private final String input;
    private final List<Path> files;
    /**
     * How messages and locations name each file: the request's label for a single file (standard input is
     * read from a temporary copy), each part file's path in a folder.
     */
    private final List<String> names;
    private final String keyColumn;
    private final List<ColumnInfo> columns;
    private final ReadColumns read;
    private final Map<String, ParquetColumn> readByName;
    private final String signature;
    private final ProblemReporter reporter;

    private Predicate<String> keep = column -> true;
    private int fileIndex;
    private String file;
    private ParquetSchema schema;
    private ParquetFileReader reader;
    private MessageColumnIO columnIO;
    private MessageType projection;
    private RecordReader<RawValue[]> records;
    private long leftInGroup;
    /** row groups of the current file read so far, and their compressed bytes */
    private int groupsRead;
    private long groupBytes;
    /** the sizes of the part files read to their end */
    private long finishedFileBytes;
    private volatile long bytesCovered;
    private long recordNumber;
    private boolean closed;

    private ParquetRecordSource(String input, List<Path> files, List<String> names, String keyColumn, ParquetSchema schema,
                                ProblemReporter reporter, ParquetFileReader first) {
        this.input = input;
        this.files = files;
        this.names = names;
        this.keyColumn = keyColumn;
        this.reporter = reporter;
        this.signature = schema.signature();
        this.columns = schema.columns().stream().filter(c -> !c.name().equals(keyColumn))
                .map(ParquetColumn::info).toList();
        Map<String, String> unsupported = new LinkedHashMap<>();
        this.readByName = new LinkedHashMap<>();
        for (ParquetColumn column : schema.columns()) {
            if (column.supported()) {
                readByName.put(column.name(), column);
            } else {
                unsupported.put(column.name(), column.parquetType());
            }
        }
        this.read = new ReadColumns(new ArrayList<>(readByName.keySet()), keyColumn,
                new UnsupportedColumns(input, unsupported, reporter));
        start(0, first, schema);
    }

    /**
     * Opens the input and reads the first file's footer, so that a file that is not Parquet, or has no
     * key column, is refused before anything else happens.
     *
     * @param request  the file or folder and the key column
     * @param reporter where records that are skipped, and columns no field type takes, are reported
     * @return the open source, before its first record
     */
    static ParquetRecordSource open(SourceRequest request, ProblemReporter reporter) {
        String input = request.label();
        List<Path> files = ParquetInputs.files(request.path());
        List<String> names = files.size() == 1 && files.get(0).equals(request.path()) ? List.of(input)
                : files.stream().map(part -> FileFaults.shown(part.toString())).toList(); // one line each
        String keyColumn = request.keyColumnOr(DEFAULT_KEY_COLUMN);
        ParquetFileReader first = openReader(files.get(0), names.get(0));
        try {
            ParquetSchema schema = ParquetSchema.of(first.getFooter().getFileMetaData().getSchema());
            checkKey(names.get(0), schema, keyColumn, request.keyColumn() != null);
            return new ParquetRecordSource(input, files, names, keyColumn, schema, reporter, first);
        } catch (RuntimeException e) {
            closeQuietly(first);
            throw e;
        }
    }

    private static void checkKey(String file, ParquetSchema schema, String keyColumn, boolean keyAskedFor) {
        ParquetColumn key = schema.column(keyColumn).orElse(null);
        if (key == null) {
            List<String> columns = schema.columns().stream().map(ParquetColumn::name).toList();
            throw new VlmetaException(keyAskedFor ? ErrorCode.USAGE : ErrorCode.INPUT_MALFORMED, file
                    + " has no column '" + keyColumn + "' for the media paths" + NameSuggestions.hint(keyColumn, columns)
                    + "; its columns are: " + String.join(", ", columns) + ".");
        }
        if (!key.supported() || key.list() || !key.mapping().isText()) {
            throw new VlmetaException(keyAskedFor ? ErrorCode.USAGE : ErrorCode.INPUT_MALFORMED, file + ": column '"
                    + keyColumn + "' holds Parquet " + key.parquetType() + ", but the key column must hold the media"
                    + " paths as text (Parquet STRING).");
        }
    }

    /** @param name how messages name the file */
    private static ParquetFileReader openReader(Path path, String name) {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(new ParquetCodecs())
                .build();
        try {
            return new ParquetFileReader(new LocalInputFile(path), options);
        } catch (FileNotFoundException | FileSystemException e) {
            // opening the file failed (parquet-java opens it as a RandomAccessFile), before any byte was judged
            throw FileFaults.unreadableInput(path, name, e);
        } catch (IOException | RuntimeException e) {
            throw unreadableFooter(path, name, e);
        }
    }

    /**
     * @param path    the file, looked at again to tell a file cut short from one that is no Parquet at all
     * @param name    how messages name the file
     * @param failure what reading the file's footer threw, once the file was open
     * @return the refusal of a file that is not Parquet, that is cut short, or whose footer (where Parquet keeps its
     *     columns) is damaged, in words: parquet-java's own name the file {@code LocalInputFile@1b2c3d} and count
     *     bytes from inside the file, so they are matched, never shown
     */
    private static VlmetaException unreadableFooter(Path path, String name, Exception failure) {
        String message = String.valueOf(failure.getMessage());
        if (message.contains("is not a Parquet file") && ParquetMagic.startsWithIt(path)) {
            // parquet-java looks at the end only; a file that starts as Parquet and does not end so was cut short
            return FileFaults.damagedInput(name + " is a Parquet file cut short: it starts with"
                    + " the bytes PAR1 every Parquet file starts with, but does not end with them, so its footer, which"
                    + " describes its columns, is missing; write the file again.", failure);
        }
        if (message.contains("is not a Parquet file")) {
            return FileFaults.damagedInput(name + " is not a Parquet file: it does not end with"
                    + " the bytes PAR1 every Parquet file ends with; give a Parquet file, or name the input's format"
                    + " with --source.", failure);
        }
        return FileFaults.damagedInput(name + " is a damaged Parquet file: its footer, which"
                + " describes its columns, cannot be read (the file may be cut short); write the file again.", failure);
    }


    /** Makes a file the current one, checking that a part file has the first file's columns. */
    private void start(int index, ParquetFileReader opened, ParquetSchema schema) {
        fileIndex = index;
        file = names.get(index);
        reader = opened;
        if (!schema.signature().equals(signature)) {
            throw VlmetaException.malformed(file + " has other columns or types than " + names.get(0)
                    + "; every part file of a folder must have the same schema.\n" + names.get(0) + ":\n" + signature
                    + file + ":\n" + schema.signature());
        }
        this.schema = schema;
        project();
        records = null;
        leftInGroup = 0;
        recordNumber = 0;
        groupsRead = 0;
        groupBytes = 0;
    }

    /** Asks the current file for the kept columns only: the others are never read from disk nor decoded. */
    private void project() {
        projection = schema.projection(keep);
        MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
        columnIO = new ColumnIOFactory(reader.getFooter().getFileMetaData().getCreatedBy())
                .getColumnIO(projection, fileSchema);
        reader.setRequestedSchema(projection);
    }

    /**
     * Reads only these columns (and the key) from now on, and reports each selected column no field type
     * can take, once.
     */
    @Override
    public void select(Set<String> columns) {
        for (String column : columns) {
            read.unsupported().asked(column);
        }
        Set<String> kept = new HashSet<>(columns);
        kept.add(keyColumn);
        keep = kept::contains;
        if (reader != null && records == null && recordNumber == 0) {
            project();
        }
    }

    @Override
    public String description() {
        return input;
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
            if (leftInGroup == 0 && !nextGroup()) {
                return null;
            }
            RawValue[] row = readRecord();
            leftInGroup--;
            recordNumber++;
            Location location = Location.of(file, recordNumber);
            RawValue key = row[read.keySlot()];
            String path = key instanceof RawValue.Text text ? text.value().trim() : "";
            if (path.isEmpty()) {
                reporter.report(Problem.error(ProblemCategory.INPUT, location, null, "Empty '" + keyColumn
                        + "', so the record is skipped; every record needs the path of its media file."));
                continue;
            }
            return new Record(path, location, new ParquetRowValues(read, row));
        }
        return null;
    }

    /**
     * @return how far reading has got, in bytes of the file: the compressed size of the row groups read so far
     *     (ahead of the records returned by up to one row group), and the whole size of each part file read to
     *     its end, so that the count reaches the file's size at its end
     */
    @Override
    public long bytesRead() {
        return bytesCovered;
    }

    private static long sizeOr(Path path, long fallback) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return fallback;
        }
    }

    private RawValue[] readRecord() {
        try {
            return records.read();
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    /** Moves to the next row group with records, opening the next part file when one is done. */
    private boolean nextGroup() {
        while (true) {
            PageReadStore pages;
            try {
                pages = reader.readNextRowGroup();
            } catch (IOException | RuntimeException e) {
                throw failure(e);
            }
            if (pages != null) {
                groupBytes += reader.getRowGroups().get(groupsRead++).getCompressedSize();
                bytesCovered = finishedFileBytes + groupBytes;
                if (pages.getRowCount() == 0) {
                    continue;
                }
                leftInGroup = pages.getRowCount();
                records = columnIO.getRecordReader(pages, new RowMaterializer(projection, read.slots(), readByName));
                return true;
            }
            closeQuietly(reader);
            reader = null;
            finishedFileBytes += sizeOr(files.get(fileIndex), groupBytes);
            bytesCovered = finishedFileBytes;
            if (fileIndex + 1 >= files.size()) {
                return false;
            }
            ParquetFileReader opened = openReader(files.get(fileIndex + 1), names.get(fileIndex + 1));
            try {
                start(fileIndex + 1, opened, ParquetSchema.of(opened.getFooter().getFileMetaData().getSchema()));
            } catch (RuntimeException e) {
                closeQuietly(opened);
                reader = null;
                throw e;
            }
        }
    }

    private VlmetaException failure(Exception e) {
        if (e instanceof VlmetaException vlmeta) {
            return vlmeta;
        }
        String where = file + " record " + (recordNumber + 1);
        ParquetCodecs.UnsupportedCodecException codec = unsupportedCodec(e);
        if (codec != null) {
            return new VlmetaException(ErrorCode.INPUT_MALFORMED, where + " is compressed with " + codec.codec()
                    + ", which this reader cannot decompress; write the file with SNAPPY, ZSTD, GZIP, LZ4_RAW or no"
                    + " compression.", e);
        }
        // parquet-java's and Thrift's own words ("don't know what type: 15") name their workings, not the file's fault
        return FileFaults.damagedInput(where + " cannot be read: the file's data there is"
                + " damaged (a page of values cannot be decoded); write the file again.", e);
    }

    /** @return the codec refusal among {@code e} and its causes, since parquet-java wraps them; null when none is */
    private static ParquetCodecs.UnsupportedCodecException unsupportedCodec(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ParquetCodecs.UnsupportedCodecException codec) {
                return codec;
            }
        }
        return null;
    }

    private static void closeQuietly(ParquetFileReader reader) {
        if (reader == null) {
            return;
        }
        try {
            reader.close();
        } catch (IOException ignored) {
            // the file was only read; failing to release it changes nothing already read
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(reader);
        reader = null;
    }
}

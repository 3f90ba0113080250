package io.vlmeta.sources.csv;

import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.SourceProvider;
import io.vlmeta.api.SourceRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code csv} source: comma-, tab-, semicolon- or pipe-separated text with a header row and one
 * row per media file, keyed by {@code file_fullpath} unless the request names another key column.
 *
 * <p>Options read from {@link SourceRequest#options()}: {@code encoding} (a character set name,
 * default UTF-8; a UTF-8 byte order mark is dropped) and {@code delimiter} ({@code ,}, {@code ;},
 * {@code |}, {@code tab} or {@code \t}; default: what an Excel {@code sep=} first line names, else tab
 * for {@code .tsv} files and comma otherwise). A {@code sep=} line is not a row; the header below it is row 1.
 *
 * <p>Cells with no name in the header, and cells past its last column, must be empty in every row:
 * at the end of a pass such columns are named in one warning (row 1) and ignored; a row holding a
 * value in one is reported as an error naming the row and column, and skipped. Only the columns
 * passed to {@link io.vlmeta.api.RecordSource#select} are kept in the records.
 *
 * <p>Reading streams: memory does not grow with the number of rows. Values are untrimmed
 * {@link io.vlmeta.api.RawValue.Text}, empty cells {@link io.vlmeta.api.RawValue.Missing}; the key is
 * trimmed. Blank rows are skipped; rows with an empty key or with bytes not valid in the encoding are
 * reported and skipped; a file that cannot be parsed any further is refused with
 * {@link io.vlmeta.api.ErrorCode#INPUT_MALFORMED}.
 *
 * @since 0.1
 */
public final class CsvSourceProvider implements SourceProvider {

    /** Creates the provider; it holds no state. */
    public CsvSourceProvider() {
    }

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public Optional<Set<String>> optionNames() {
        return Optional.of(Set.of(CsvDialect.ENCODING_OPTION, CsvDialect.DELIMITER_OPTION));
    }

    @Override
    public void checkOptionValues(Map<String, String> options, Map<String, String> origins) {
        CsvDialect.checkOptions(options, origins);
    }

    @Override
    public String description() {
        return "CSV and TSV files with a header row (options: encoding, delimiter)";
    }

    @Override
    public int score(Path path) {
        Path fileName = path.getFileName();
        if (fileName == null || Files.isDirectory(path)) {
            return 0;
        }
        String name = fileName.toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt") ? 10 : 0;
    }

    @Override
    public RecordSource open(SourceRequest request, ProblemReporter reporter) {
        return CsvRecordSource.open(request, reporter, CsvRecordSource.MAX_RECORD_CHARS);
    }
}

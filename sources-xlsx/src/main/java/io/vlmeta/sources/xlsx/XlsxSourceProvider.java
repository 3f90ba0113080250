package io.vlmeta.sources.xlsx;

import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.SourceProvider;
import io.vlmeta.api.SourceRequest;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one sheet of an Excel workbook (.xlsx, .xlsm) as a stream of records that keep each cell's
 * type: numbers stay numbers, date cells become date-times, time-of-day and elapsed-time cells
 * become times of day and durations, text stays text. Claims {@code .xls}
 * too, only to refuse it with a message that says how to convert it.
 *
 * <p>Options: {@code sheet} picks the sheet by name or 1-based number (default: the first).
 */
public final class XlsxSourceProvider implements SourceProvider {
    /** The option that picks the sheet. */
    public static final String SHEET_OPTION = "sheet";
    /** The key column when the request names none. */
    public static final String DEFAULT_KEY_COLUMN = "file_fullpath";

    private static final int EXTENSION_MATCHES = 10;

    @Override
    public String name() {
        return "xlsx";
    }

    @Override
    public Optional<Set<String>> optionNames() {
        return Optional.of(Set.of(SHEET_OPTION));
    }

    @Override
    public String description() {
        return "Excel workbooks (.xlsx, .xlsm), one sheet, streamed; keeps number, date and text cells as they are";
    }

    @Override
    public int score(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            return 0;
        }
        String lower = name.toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls") ? EXTENSION_MATCHES : 0;
    }

    @Override
    public RecordSource open(SourceRequest request, ProblemReporter reporter) {
        String file = request.label();
        WorkbookContentCheck.requireXlsxPackage(request.path(), file);
        OpenSheet sheet = OpenSheet.open(request.path(), file, request.option(SHEET_OPTION).orElse(null));
        return XlsxRecordSource.open(sheet, file, request.keyColumnOr(DEFAULT_KEY_COLUMN), reporter);
    }
}

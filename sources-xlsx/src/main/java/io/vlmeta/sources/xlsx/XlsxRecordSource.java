package io.vlmeta.sources.xlsx;

import io.vlmeta.api.ColumnInfo;
import io.vlmeta.api.Location;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.NameSuggestions;
import io.vlmeta.api.VlmetaException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of one sheet: the header is the first non-blank row, blank rows are skipped, and rows
 * keep the numbers the spreadsheet shows. Cells that cannot be used (error cells, formulas without a
 * saved result) and rows without a key are reported as problems; such a cell reads as missing and
 * such a row is left out.
 */
final class XlsxRecordSource implements RecordSource {
    private final OpenSheet sheet;
    private final String file;
    private final String keyColumn;
    private final HeaderRow header;
    private final List<ColumnInfo> columns;
    private final ProblemReporter reporter;

    private XlsxRecordSource(OpenSheet sheet, String file, String keyColumn, HeaderRow header,
                             ProblemReporter reporter) {
        this.sheet = sheet;
        this.file = file;
        this.keyColumn = keyColumn;
        this.header = header;
        this.columns = header.names().stream().filter(name -> !name.equals(keyColumn)).map(ColumnInfo::plain).toList();
        this.reporter = reporter;
    }

    /**
     * Reads the header and checks the key column; the sheet is closed when that fails.
     *
     * @param sheet     the open sheet, owned by the result from here on
     * @param file      the file as the user named it
     * @param keyColumn the key column's name
     * @param reporter  where row problems go
     */
    static XlsxRecordSource open(OpenSheet sheet, String file, String keyColumn, ProblemReporter reporter) {
        try {
            SheetRow first = sheet.nextRow();
            while (first != null && first.cells().stream().allMatch(cell -> cell.content().isBlank())) {
                first = sheet.nextRow();
            }
            if (first == null) {
                throw VlmetaException.malformed(sheet.where() + " is empty: it has no header row with the column"
                        + " names (the key column '" + keyColumn + "' and the fields).");
            }
            HeaderRow header = HeaderRow.of(first, sheet.where());
            if (!header.names().contains(keyColumn)) {
                throw VlmetaException.malformed(sheet.where() + " has no key column '" + keyColumn + "'"
                        + NameSuggestions.hint(keyColumn, header.names()) + "; its header"
                        + " row (row " + header.rowNumber() + ") holds: " + String.join(", ", header.names())
                        + ". Add the column, or name the one that holds the image paths with --path-column.");
            }
            return new XlsxRecordSource(sheet, file, keyColumn, header, reporter);
        } catch (RuntimeException e) {
            sheet.close();
            throw e;
        }
    }

    @Override
    public String description() {
        return sheet.where();
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
        for (SheetRow row = sheet.nextRow(); row != null; row = sheet.nextRow()) {
            Record record = toRecord(row);
            if (record != null) {
                return record;
            }
        }
        return null;
    }

    /** @return the row's record, or {@code null} when the row is blank or has no key */
    private Record toRecord(SheetRow row) {
        Map<String, RawValue> values = new HashMap<>();
        Location location = null;
        String key = null;
        boolean keyCellFailed = false;
        boolean blank = true;
        for (SheetRow.SheetCell cell : row.cells()) {
            String column = header.nameAt(cell.column());
            if (column == null || cell.content().isBlank()) {
                continue;
            }
            blank = false;
            if (location == null) {
                location = new Location(file, sheet.sheetName(), row.number());
            }
            if (cell.content() instanceof CellContent.Failure failure) {
                reporter.report(Problem.error(ProblemCategory.INPUT, location, column, failure.message()));
                keyCellFailed |= column.equals(keyColumn);
                continue;
            }
            RawValue value = ((CellContent.Value) cell.content()).value();
            if (column.equals(keyColumn)) {
                key = value.display();
            } else {
                values.put(column, value);
            }
        }
        if (blank) {
            return null;
        }
        if (key == null || key.isBlank()) {
            if (!keyCellFailed) {
                reporter.report(Problem.error(ProblemCategory.INPUT, location, keyColumn, "The key column '"
                        + keyColumn + "' is empty; every row needs the path of its image, so this row is skipped."));
            }
            return null;
        }
        return new Record(key, location, values);
    }

    @Override
    public void close() {
        sheet.close();
    }
}

package io.vlmeta.sources.xlsx;

import io.vlmeta.api.RawValue;
import io.vlmeta.api.VlmetaException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The column names, from the sheet's first non-blank row. Names are trimmed; a column whose header
 * cell is empty has no name and its cells are not read.
 */
final class HeaderRow {
    private final long rowNumber;
    private final String[] namesByColumn;
    private final List<String> names;

    private HeaderRow(long rowNumber, String[] namesByColumn, List<String> names) {
        this.rowNumber = rowNumber;
        this.namesByColumn = namesByColumn;
        this.names = List.copyOf(names);
    }

    /**
     * @param row   the first non-blank row
     * @param where the file and sheet, for messages
     * @throws VlmetaException when a header cell is an error or two columns share a name
     */
    static HeaderRow of(SheetRow row, String where) {
        int width = row.cells().stream().mapToInt(SheetRow.SheetCell::column).max().orElse(-1) + 1;
        String[] byColumn = new String[width];
        Map<String, String> addressByName = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (SheetRow.SheetCell cell : row.cells()) {
            String name = nameOf(cell, where);
            if (name == null) {
                continue;
            }
            String earlier = addressByName.putIfAbsent(name, cell.address());
            if (earlier != null) {
                throw VlmetaException.malformed(where + ": the header row (row " + row.number()
                        + ") names the column '" + name + "' twice (" + earlier + " and " + cell.address()
                        + "); give every column a unique name.");
            }
            byColumn[cell.column()] = name;
            names.add(name);
        }
        return new HeaderRow(row.number(), byColumn, names);
    }

    private static String nameOf(SheetRow.SheetCell cell, String where) {
        if (cell.content() instanceof CellContent.Failure failure) {
            throw VlmetaException.malformed(where + ": the header row cannot be read. " + failure.message());
        }
        RawValue value = ((CellContent.Value) cell.content()).value();
        String name = value.display().strip();
        return name.isEmpty() ? null : name;
    }

    /** @return the column's name, or {@code null} when the header names no column there */
    String nameAt(int column) {
        return column < namesByColumn.length ? namesByColumn[column] : null;
    }

    /** @return the names in column order */
    List<String> names() {
        return names;
    }

    /** @return the row the header is on */
    long rowNumber() {
        return rowNumber;
    }
}

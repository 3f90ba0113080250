package io.vlmeta.sources.xlsx;

import java.util.List;

/**
 * One {@code <row>} of a sheet.
 *
 * @param number the row number as the spreadsheet shows it
 * @param cells  the cells the row holds, left to right; empty cells are usually absent
 */
record SheetRow(long number, List<SheetCell> cells) {

    SheetRow {
        cells = List.copyOf(cells);
    }

    /**
     * @param column  the 0-based column index
     * @param address the cell reference, e.g. {@code H8}
     * @param content the decoded cell
     */
    record SheetCell(int column, String address, CellContent content) {
    }
}

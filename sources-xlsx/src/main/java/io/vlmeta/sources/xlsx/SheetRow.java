package io.vlmeta.sources.xlsx;

import java.util.List;
import org.apache.poi.ss.util.CellReference;

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
     * @param row     the row number as the spreadsheet shows it
     * @param content the decoded cell
     */
    record SheetCell(int column, long row, CellContent content) {

        /** @return the cell reference, e.g. {@code H8}; made when a message needs it, not for every cell */
        String address() {
            return address(column, row);
        }

        static String address(int column, long row) {
            return CellReference.convertNumToColString(column) + row;
        }
    }
}

package io.vlmeta.sources.xlsx;

/**
 * A cell as the sheet XML holds it, before interpretation.
 *
 * @param column     the 0-based column index
 * @param row        the row number as the spreadsheet shows it
 * @param type       the {@code t} attribute ({@code n} when absent)
 * @param styleIndex the {@code s} attribute (0 when absent)
 * @param value      the text of {@code <v>}, or {@code null} when the cell has no {@code <v>} element
 * @param inlineText the text of {@code <is>}, or {@code null} when the cell has none
 * @param formula    the text of {@code <f>}, or {@code null} when the cell is not a formula
 */
record RawCell(int column, long row, String type, int styleIndex, String value, String inlineText, String formula) {

    /** @return the cell reference, e.g. {@code H8}; made when a message needs it, not for every cell */
    String address() {
        return SheetRow.SheetCell.address(column, row);
    }
}

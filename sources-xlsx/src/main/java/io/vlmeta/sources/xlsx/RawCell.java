package io.vlmeta.sources.xlsx;

/**
 * A cell as the sheet XML holds it, before interpretation.
 *
 * @param address    the cell reference, e.g. {@code H8}
 * @param type       the {@code t} attribute ({@code n} when absent)
 * @param styleIndex the {@code s} attribute (0 when absent)
 * @param value      the text of {@code <v>}, or {@code null} when the cell has no {@code <v>} element
 * @param inlineText the text of {@code <is>}, or {@code null} when the cell has none
 * @param formula    the text of {@code <f>}, or {@code null} when the cell is not a formula
 */
record RawCell(String address, String type, int styleIndex, String value, String inlineText, String formula) {
}

package io.vlmeta.sources.csv;

/**
 * One CSV record as read: its cells exactly as the file holds them (quotes removed, doubled quotes
 * made single), its 1-based record number and the character offset where it starts.
 *
 * @param cells             the record's cells, at least one; never {@code null}; a cell the reader was told
 *                          not to keep ({@link CsvRows#keep}) is {@code null}; do not modify
 * @param number            the record's 1-based number among the records read, blank lines included
 * @param characterPosition the offset of the record's first character among the decoded characters of
 *                          the file (a leading byte order mark and a {@code sep=} line excluded)
 * @param blank             true when every cell, kept or not, is empty or white space ({@link String#isBlank})
 */
record CsvRow(String[] cells, long number, long characterPosition, boolean blank) {

    /** @return a record of cells all kept, its blankness read from them */
    static CsvRow of(String[] cells, long number, long characterPosition) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return new CsvRow(cells, number, characterPosition, false);
            }
        }
        return new CsvRow(cells, number, characterPosition, true);
    }
}

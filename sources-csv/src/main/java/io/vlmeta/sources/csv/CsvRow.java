package io.vlmeta.sources.csv;

/**
 * One CSV record as read: its cells exactly as the file holds them (quotes removed, doubled quotes
 * made single), its 1-based record number and the character offset where it starts.
 *
 * @param cells             the record's cells, at least one; never {@code null}; do not modify
 * @param number            the record's 1-based number among the records read, blank lines included
 * @param characterPosition the offset of the record's first character among the decoded characters of
 *                          the file (a leading byte order mark and a {@code sep=} line excluded)
 */
record CsvRow(String[] cells, long number, long characterPosition) {
}

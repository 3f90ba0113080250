package io.vlmeta.sources.dicom;

import java.nio.file.Path;

/**
 * A sidecar the JSON parser refused: a syntax error, or content beyond the parser's limits (nesting
 * depth, number, string or name length).
 */
final class InvalidSidecarJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long line;
    private final long column;
    private final boolean beyondLimits;

    /**
     * @param detail       the parser's own description, without file names
     * @param line         1-based, or {@code -1} when the parser did not say
     * @param column       1-based, or {@code -1} when the parser did not say
     * @param beyondLimits the JSON may be well formed, but exceeds one of the parser's limits
     */
    InvalidSidecarJsonException(String detail, long line, long column, boolean beyondLimits) {
        super(detail);
        this.line = line;
        this.column = column;
        this.beyondLimits = beyondLimits;
    }

    /** @return the message users read, e.g. {@code Sidecar a.json is not valid JSON (line 3, column 1: ...); ...} */
    String describe(Path sidecar) {
        String where = line > 0 ? "line " + line + (column > 0 ? ", column " + column : "") + ": " : "";
        if (beyondLimits) {
            return "Sidecar " + sidecar + " is beyond the limits of the JSON reader (" + where + getMessage()
                    + "); a DICOM sidecar nests a few levels deep and holds no value that long.";
        }
        return "Sidecar " + sidecar + " is not valid JSON (" + where + getMessage() + "); a sidecar holds one JSON object.";
    }
}

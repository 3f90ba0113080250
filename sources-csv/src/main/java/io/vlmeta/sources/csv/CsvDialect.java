package io.vlmeta.sources.csv;

import io.vlmeta.api.SourceRequest;
import io.vlmeta.api.VlmetaException;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * How a delimited text file is written: its character encoding and the character between cells.
 *
 * @param charset   the encoding the bytes are decoded with
 * @param delimiter the cell separator
 */
record CsvDialect(Charset charset, char delimiter) {

    /** Option naming the file's encoding, e.g. {@code windows-1252}; UTF-8 when absent. */
    static final String ENCODING_OPTION = "encoding";
    /** Option naming the cell separator: {@code ,}, {@code ;}, {@code |}, {@code tab} or {@code \t}. */
    static final String DELIMITER_OPTION = "delimiter";

    /**
     * @param request the user's request; its options {@code encoding} and {@code delimiter} are read
     * @param head    the file's first bytes (up to two), to recognise a UTF-16 byte order mark
     * @return the dialect the options ask for, with a tab for {@code .tsv} files and a comma otherwise;
     *     UTF-8 unless the options name an encoding or the file starts with a UTF-16 byte order mark
     * @throws VlmetaException ({@code USAGE}) for an unknown encoding or delimiter
     */
    static CsvDialect of(SourceRequest request, byte[] head) {
        Charset charset = request.option(ENCODING_OPTION)
                .map(CsvDialect::charset)
                .orElseGet(() -> startsWithUtf16Mark(head) ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8);
        char delimiter = request.option(DELIMITER_OPTION)
                .map(CsvDialect::delimiter)
                .orElseGet(() -> defaultDelimiter(request));
        return new CsvDialect(charset, delimiter);
    }

    /** @return the delimiter as messages name it: {@code ','} or {@code tab} */
    String delimiterName() {
        return delimiter == '\t' ? "tab" : "'" + delimiter + "'";
    }

    /**
     * Spreadsheets save "Unicode text" as UTF-16 with a byte order mark. Such a file cannot be valid
     * UTF-8 (0xFF and 0xFE never occur in it), so reading it as UTF-16 guesses nothing.
     */
    private static boolean startsWithUtf16Mark(byte[] head) {
        return head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF));
    }

    private static char defaultDelimiter(SourceRequest request) {
        Object fileName = request.path().getFileName();
        boolean tsv = fileName != null && fileName.toString().toLowerCase(Locale.ROOT).endsWith(".tsv");
        return tsv ? '\t' : ',';
    }

    private static Charset charset(String name) {
        String trimmed = name.trim();
        // Python's name for UTF-8 with a byte order mark, which users of Python tools pass as they are used to.
        if (trimmed.equalsIgnoreCase("utf-8-sig") || trimmed.equalsIgnoreCase("utf8-sig")) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(trimmed);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw VlmetaException.usage("Unknown encoding '" + name
                    + "'; give a character set name such as UTF-8, windows-1252 or ISO-8859-1.");
        }
    }

    private static char delimiter(String name) {
        // An actual tab survives some shells and config files, so accept it as well as its names.
        return switch (name) {
            case ",", ";", "|" -> name.charAt(0);
            case "tab", "TAB", "\\t", "\t" -> '\t';
            default -> throw VlmetaException.usage("Unsupported delimiter '" + name
                    + "'; use one of ',', ';', '|' or 'tab'.");
        };
    }
}

package io.vlmeta.sources.csv;

import io.vlmeta.api.SourceRequest;
import io.vlmeta.api.VlmetaException;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;

/**
 * How a delimited text file is written: its character encoding, the character between cells, and
 * whether an Excel {@code sep=} line comes before the header.
 *
 * @param charset   the encoding the bytes are decoded with
 * @param delimiter the cell separator
 * @param sepLine   the file's {@code sep=} line, to be skipped, or {@code null}
 */
record CsvDialect(Charset charset, char delimiter, SepLine sepLine) {

    /** Option naming the file's encoding, e.g. {@code windows-1252}; UTF-8 when absent. */
    static final String ENCODING_OPTION = "encoding";
    /** Option naming the cell separator: {@code ,}, {@code ;}, {@code |}, {@code tab} or {@code \t}. */
    static final String DELIMITER_OPTION = "delimiter";

    /**
     * @param file    the file as messages name it
     * @param request the user's request; its options {@code encoding} and {@code delimiter} are read
     * @param head    the file's first bytes (up to {@link SepLine#HEAD_BYTES}), to recognise a UTF-16 byte
     *                order mark and Excel's {@code sep=} line
     * @return the dialect the options ask for; without a {@code delimiter} option, the one a {@code sep=}
     *     line names, else a tab for {@code .tsv} files and a comma otherwise; UTF-8 unless the options
     *     name an encoding or the file starts with a UTF-16 byte order mark
     * @throws VlmetaException ({@code USAGE}) for an unknown encoding or delimiter, or a delimiter option
     *     that contradicts the {@code sep=} line; ({@code INPUT_MALFORMED}) for a {@code sep=} line naming a
     *     delimiter this source does not read
     */
    static CsvDialect of(String file, SourceRequest request, byte[] head) {
        Charset charset = request.option(ENCODING_OPTION)
                .map(CsvDialect::charset)
                .orElseGet(() -> startsWithUtf16Mark(head) ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8);
        SepLine sepLine = SepLine.find(head, charset).orElse(null);
        Character asked = request.option(DELIMITER_OPTION).map(CsvDialect::delimiter).orElse(null);
        if (sepLine == null) {
            return new CsvDialect(charset, asked != null ? asked : defaultDelimiter(request), null);
        }
        if (!isSupported(sepLine.delimiter())) {
            throw VlmetaException.malformed(file + " starts with the line '" + sepLine.text() + "', which names '"
                    + sepLine.delimiter() + "' as the delimiter; this source reads ',', ';', '|' or tab, so save"
                    + " the file with one of those.");
        }
        if (asked != null && asked != sepLine.delimiter()) {
            CsvDialect fromFile = new CsvDialect(charset, sepLine.delimiter(), sepLine);
            throw VlmetaException.usage(file + " starts with the line '" + sepLine.text() + "', which makes "
                    + fromFile.delimiterName() + " its delimiter, but --delimiter " + request.options()
                    .get(DELIMITER_OPTION) + " was given; leave out --delimiter.");
        }
        return new CsvDialect(charset, sepLine.delimiter(), sepLine);
    }

    /** @return how many lines come before the header row and are not rows: 1 for a {@code sep=} line */
    int linesBeforeHeader() {
        return sepLine == null ? 0 : 1;
    }

    private static boolean isSupported(char delimiter) {
        return delimiter == ',' || delimiter == ';' || delimiter == '|' || delimiter == '\t';
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

    /**
     * Checks the {@code encoding} and {@code delimiter} options as {@link #of} reads them, before the file is opened.
     *
     * @param options the options by name, none null
     * @param origins for an option not given by a flag, how a refusal names it (a plan file's key)
     * @throws VlmetaException (usage) for an unknown encoding or delimiter, named by its origin where it has one
     */
    static void checkOptions(Map<String, String> options, Map<String, String> origins) {
        String encoding = options.get(ENCODING_OPTION);
        if (encoding != null) {
            charset(encoding, origins.get(ENCODING_OPTION));
        }
        String delimiter = options.get(DELIMITER_OPTION);
        if (delimiter != null) {
            delimiter(delimiter, origins.get(DELIMITER_OPTION));
        }
    }

    private static Charset charset(String name) {
        return charset(name, null);
    }

    /** @param origin how a refusal names the option; null for its flag's words */
    private static Charset charset(String name, String origin) {
        String trimmed = name.trim();
        // Python's name for UTF-8 with a byte order mark, which users of Python tools pass as they are used to.
        if (trimmed.equalsIgnoreCase("utf-8-sig") || trimmed.equalsIgnoreCase("utf8-sig")) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(trimmed);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            // the word is not shown: a value typed in the wrong place may be a secret
            throw refused(origin, "Option encoding takes a character set this Java knows, such as UTF-8, "
                    + "windows-1252 or ISO-8859-1; the value given is not one.", "not a character set this Java "
                    + "knows; give a name such as UTF-8, windows-1252 or ISO-8859-1");
        }
    }

    private static char delimiter(String name) {
        return delimiter(name, null);
    }

    /** @param origin how a refusal names the option; null for its flag's words */
    private static char delimiter(String name, String origin) {
        // An actual tab survives some shells and config files, so accept it as well as its names.
        return switch (name) {
            case ",", ";", "|" -> name.charAt(0);
            case "tab", "TAB", "\\t", "\t" -> '\t';
            default -> throw refused(origin, "Option delimiter takes one of ',', ';', '|' or 'tab'; the value given "
                    + "is not one.", "not one a CSV input takes; use one of ',', ';', '|' or 'tab'");
        };
    }

    /**
     * @param origin      a plan file's key, or null for an option given by a flag
     * @param flagRefusal the whole refusal of a flag's value, which names the option and never the value
     * @param planWrong   what is wrong and what is accepted, after the plan's key, without a final full stop
     */
    private static VlmetaException refused(String origin, String flagRefusal, String planWrong) {
        return VlmetaException.usage(origin == null ? flagRefusal : origin + ": " + planWrong + ".");
    }
}

package io.vlmeta.sources.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Excel's {@code sep=X} first line: it names the file's delimiter so that Excel opens the file the
 * same way in every locale, and Excel does not show it as a row (the header below it is row 1).
 * Files meant for Excel on a semicolon locale (German, French, ...) often start with it. LibreOffice
 * reads it as a cell and saves it back quoted ({@code "sep=;"}), which is read as the same line.
 *
 * @param delimiter the character after {@code sep=}
 * @param bytes     how many bytes the line takes, a UTF-8 byte order mark before it and its line end included
 */
record SepLine(char delimiter, int bytes) {

    /** Bytes to look at: a UTF-8 byte order mark, {@code "sep=}, one character, {@code "} CR LF, and some to spare. */
    static final int HEAD_BYTES = 16;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] SEP = "sep=".getBytes(StandardCharsets.US_ASCII);

    /**
     * @param head    the file's first bytes, up to {@link #HEAD_BYTES} (fewer only when the file is shorter)
     * @param charset the file's encoding; only encodings that write {@code sep=} as ASCII are looked at
     * @return the line, when the file starts with {@code sep=} and one ASCII character ending the line
     */
    static Optional<SepLine> find(byte[] head, Charset charset) {
        if (!Arrays.equals("sep=".getBytes(charset), SEP)) {
            return Optional.empty();
        }
        int at = startsWith(head, 0, UTF8_BOM) ? UTF8_BOM.length : 0;
        boolean quoted = at < head.length && head[at] == '"';
        if (quoted) {
            at++;
        }
        if (!startsWithIgnoringCase(head, at)) {
            return Optional.empty();
        }
        at += SEP.length;
        if (at >= head.length || head[at] < 0x20 && head[at] != '\t' || head[at] == 0x7F) {
            return Optional.empty(); // no character, a line end, or a non-ASCII byte (negative)
        }
        char delimiter = (char) head[at++];
        if (quoted) {
            if (at >= head.length || head[at] != '"') {
                return Optional.empty();
            }
            at++;
        }
        boolean endOfFile = at == head.length && head.length < HEAD_BYTES;
        if (at < head.length && head[at] == '\r') {
            at++;
        }
        if (at < head.length && head[at] == '\n') {
            at++;
        }
        boolean lineEnded = at > 0 && (head[at - 1] == '\n' || head[at - 1] == '\r');
        return lineEnded || endOfFile ? Optional.of(new SepLine(delimiter, at)) : Optional.empty();
    }

    private static boolean startsWith(byte[] head, int from, byte[] prefix) {
        if (head.length - from < prefix.length) {
            return false;
        }
        return Arrays.equals(head, from, from + prefix.length, prefix, 0, prefix.length);
    }

    private static boolean startsWithIgnoringCase(byte[] head, int from) {
        if (head.length - from < SEP.length) {
            return false;
        }
        for (int i = 0; i < SEP.length; i++) {
            if (Character.toLowerCase((char) head[from + i]) != SEP[i]) {
                return false;
            }
        }
        return true;
    }

    /** @return the line as the file writes it, for messages */
    String text() {
        return "sep=" + (delimiter == '\t' ? "\\t" : String.valueOf(delimiter));
    }
}

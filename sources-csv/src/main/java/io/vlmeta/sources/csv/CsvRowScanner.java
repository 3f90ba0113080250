package io.vlmeta.sources.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads well-formed CSV records straight from a character buffer, giving exactly the records Commons
 * CSV gives with {@link CsvRows#format(char)} (RFC 4180 with the file's delimiter, blank lines kept as
 * records): cells end at the delimiter, CR, LF or CRLF; a cell that starts with a quote runs to its
 * closing quote, holds delimiters and line breaks as they are and a doubled quote as one. Record
 * numbers, character positions and line counts are Commons CSV's too.
 *
 * <p>It does not handle what a well-formed file does not hold, and stops before the first record that
 * holds any of it: text after a closing quote (Commons CSV skips white space there and refuses anything
 * else), a quote never closed, a record longer than it is given room for, and the character U+FFFE
 * (Commons CSV's marker for a disabled escape or comment character, which it then takes for one).
 * {@link #handedOver()} then says so and {@link #remainder()} gives the unread text from that record on,
 * for Commons CSV to read.
 *
 * <p>Why it exists: Commons CSV hands each character through a buffered reader and a string builder,
 * several times the cost of scanning a buffer; both passes of a job read the whole file.
 */
final class CsvRowScanner {

    /** Characters the buffer holds at first; it grows for longer records, up to the longest one read here. */
    static final int INITIAL_CAPACITY = 1 << 16;
    private static final char QUOTE = '"';
    private static final char CR = '\r';
    private static final char LF = '\n';
    /** Commons CSV's value for a disabled escape and comment start, which it compares characters with. */
    private static final char DISABLED = '\uFFFE';
    private static final String[] NO_CELLS = {};

    /** What one attempt to scan the record at {@link #position} came to. */
    private enum Scan {
        /** The record was read: {@link #cells} holds it and {@link #position} is after it. */
        RECORD,
        /** The buffer ends before the record does; read more and scan it again. */
        NEEDS_INPUT,
        /** No record is left. */
        END,
        /** The record holds something only Commons CSV reads. */
        NOT_HANDLED
    }

    private final Reader in;
    private final char delimiter;
    private final int longestRecord;
    private char[] chars;
    private final List<String> cells = new ArrayList<>();
    /** Which cells to build, by index; cells past its end are built. */
    private boolean[] kept = {};
    /** Whether every cell of the record just scanned is blank. */
    private boolean blank;
    /** Where the next record starts in {@link #chars}, and where the characters read end. */
    private int position;
    private int end;
    private boolean endOfInput;
    /** The offset of {@code chars[0]} in the text. */
    private long offset;
    private long records;
    private long lines;
    private boolean handedOver;

    /**
     * @param in            the text; its characters from the first record on
     * @param delimiter     the cell separator; never a quote, CR or LF
     * @param longestRecord the most characters a record read here may span (the buffer grows to it);
     *                      longer records, and the rest of the text, are handed over
     */
    CsvRowScanner(Reader in, char delimiter, int longestRecord) {
        this(in, delimiter, INITIAL_CAPACITY, longestRecord);
    }

    /** @param initialCapacity the characters the buffer holds at first */
    CsvRowScanner(Reader in, char delimiter, int initialCapacity, int longestRecord) {
        this.in = in;
        this.delimiter = delimiter;
        this.longestRecord = Math.max(1, longestRecord);
        this.chars = new char[Math.max(1, Math.min(initialCapacity, this.longestRecord))];
    }

    /**
     * @return the next record, or {@code null} at the end of the text or when the next record is handed over
     * @throws IOException when the text cannot be read
     */
    CsvRow next() throws IOException {
        if (handedOver) {
            return null;
        }
        while (true) {
            long start = offset + position;
            switch (scan()) {
                case RECORD -> {
                    records++;
                    return new CsvRow(cells.toArray(NO_CELLS), records, start, blank);
                }
                case END -> {
                    return null;
                }
                case NOT_HANDLED -> {
                    handedOver = true;
                    return null;
                }
                case NEEDS_INPUT -> {
                    if (!read()) {
                        handedOver = true;
                        return null;
                    }
                }
            }
        }
    }

    /** @param kept by 0-based cell index, whether to build the cell; cells past its end are built */
    void keep(boolean[] kept) {
        int last = kept.length - 1;
        while (last >= 0 && kept[last]) {
            last--;
        }
        // cells past the last one left out are all built: only that prefix needs looking up per cell
        this.kept = Arrays.copyOf(kept, last + 1);
    }

    /** @return true once a record was found that Commons CSV must read; {@link #next()} then returns null */
    boolean handedOver() {
        return handedOver;
    }

    /** @return the text from the first record not read here on (its buffered part, then the reader's rest) */
    Reader remainder() {
        return new PrefixedReader(chars, position, end, in);
    }

    /** Closes the reader, when the text was not handed over. */
    void close() throws IOException {
        in.close();
    }

    /** @return the number of records read */
    long records() {
        return records;
    }

    /** @return the offset of the first character not yet read into a record */
    long characterPosition() {
        return offset + position;
    }

    /**
     * @return the lines the records read so far span, as Commons CSV counts them: CR, LF and CRLF each end
     *     one, and a last line without a line end counts once the end of the text is reached
     */
    long lines() {
        return lines;
    }

    /**
     * Moves the record begun to the front of the buffer, grows the buffer when the record fills it, and
     * fills the rest. Filling it all (not one read's worth) keeps a long record from being scanned again
     * for every few thousand characters read: each scan then covers at least twice the one before.
     *
     * @return false when the record is longer than {@link #longestRecord}
     */
    private boolean read() throws IOException {
        if (position > 0) {
            System.arraycopy(chars, position, chars, 0, end - position);
            offset += position;
            end -= position;
            position = 0;
        }
        if (end == chars.length) {
            if (chars.length >= longestRecord) {
                return false;
            }
            chars = Arrays.copyOf(chars, (int) Math.min(longestRecord, 2L * chars.length));
        }
        while (end < chars.length) {
            int count = in.read(chars, end, chars.length - end);
            if (count < 0) {
                endOfInput = true;
                break;
            }
            end += count;
        }
        return true;
    }

    private Scan scan() {
        if (position == end) {
            return endOfInput ? Scan.END : Scan.NEEDS_INPUT;
        }
        cells.clear();
        blank = true;
        char[] text = chars;
        int lineEnds = 0;
        int at = position;
        for (int index = 0; ; index++) {
            boolean build = index >= kept.length || kept[index];
            String cell;
            if (at < end && text[at] == QUOTE) {
                int from = at + 1;
                int close = from;
                StringBuilder unquoted = null;
                while (true) {
                    if (close == end) {
                        return endOfInput ? Scan.NOT_HANDLED : Scan.NEEDS_INPUT;
                    }
                    char c = text[close];
                    if (c == QUOTE) {
                        if (close + 1 == end && !endOfInput) {
                            return Scan.NEEDS_INPUT;
                        }
                        if (close + 1 == end || text[close + 1] != QUOTE) {
                            break;
                        }
                        if (build) {
                            unquoted = (unquoted == null ? new StringBuilder() : unquoted)
                                    .append(text, from, close + 1 - from);
                        }
                        blank = false;
                        close += 2;
                        from = close;
                        continue;
                    }
                    if (c == DISABLED) {
                        return Scan.NOT_HANDLED;
                    }
                    if (c == CR || c == LF && text[close - 1] != CR) {
                        lineEnds++;
                    }
                    close++;
                }
                blank = blank && isBlank(text, from, close);
                if (!build) {
                    cell = null;
                } else if (unquoted == null) {
                    cell = new String(text, from, close - from);
                } else {
                    cell = unquoted.append(text, from, close - from).toString();
                }
                at = close + 1;
            } else {
                int stop = at;
                while (stop < end) {
                    char c = text[stop];
                    if (c == delimiter || c == CR || c == LF) {
                        break;
                    }
                    if (c == DISABLED) {
                        return Scan.NOT_HANDLED;
                    }
                    stop++;
                }
                if (stop == end && !endOfInput) {
                    return Scan.NEEDS_INPUT;
                }
                blank = blank && isBlank(text, at, stop);
                if (!build) {
                    cell = null;
                } else {
                    cell = stop == at ? "" : new String(text, at, stop - at);
                }
                at = stop;
            }
            cells.add(cell);
            if (at == end) {
                if (!endOfInput) {
                    return Scan.NEEDS_INPUT;
                }
                return recordEndsAt(at, lineEnds + 1);
            }
            char after = text[at];
            if (after == delimiter) {
                at++;
            } else if (after == LF) {
                return recordEndsAt(at + 1, lineEnds + 1);
            } else if (after == CR) {
                if (at + 1 == end && !endOfInput) {
                    return Scan.NEEDS_INPUT;
                }
                return recordEndsAt(at + 1 < end && text[at + 1] == LF ? at + 2 : at + 1, lineEnds + 1);
            } else {
                return Scan.NOT_HANDLED;
            }
        }
    }

    /** @return true when the characters are all white space as {@link String#isBlank()} defines it */
    private static boolean isBlank(char[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text[i])) {
                return false;
            }
        }
        return true;
    }

    private Scan recordEndsAt(int next, int lineEnds) {
        position = next;
        lines += lineEnds;
        return Scan.RECORD;
    }
}

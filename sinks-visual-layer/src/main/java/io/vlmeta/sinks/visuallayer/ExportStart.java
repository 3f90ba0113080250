package io.vlmeta.sinks.visuallayer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;

/**
 * What an export holds, told from its first bytes: the format is told by content, not by the file name.
 *
 * @param kind    what the file is read as; never {@code null}
 * @param scalar  for {@link Kind#JSON_VALUE}, the one value the file holds ({@code VALUE_NULL}, say);
 *                {@code null} otherwise
 * @param skipped the blank text taken from the stream before its content, so the stream need not keep it to be
 *                put back: {@link Blanks#NONE} when the stream is where it was
 */
record ExportStart(Kind kind, JsonToken scalar, Blanks skipped) {
    /** How much of the file is peeked at: a single JSON value is told apart from a CSV header within it. */
    static final int PEEK_LIMIT = 1 << 16;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** What a file is read as. */
    enum Kind {
        /** nothing but white space and a byte order mark */
        EMPTY,
        /** an object or array: the UI's metadata.json */
        JSON,
        /** one JSON value that is neither (null, a string, a number, true or false) and nothing after it */
        JSON_VALUE,
        /** anything else: the export CSV, its header first */
        CSV
    }

    /**
     * Blank text as its readers count it: line breaks ({@code \r\n}, {@code \r} or {@code \n}, one each) and the
     * characters after the last. A run of it of any length is held as two numbers.
     *
     * @param lines   the line breaks, 0 or more
     * @param columns the characters after the last line break, 0 or more
     */
    record Blanks(long lines, long columns) {
        static final Blanks NONE = new Blanks(0, 0);

        /**
         * @return text its readers give the same lines and columns as the blank text it stands for: as many
         *         line breaks ({@code \n}) and then spaces
         */
        InputStream asText() {
            return new InputStream() {
                private long lineBreaks = lines;
                private long spaces = columns;

                @Override
                public int read() {
                    if (lineBreaks > 0) {
                        lineBreaks--;
                        return '\n';
                    }
                    if (spaces > 0) {
                        spaces--;
                        return ' ';
                    }
                    return -1;
                }
            };
        }
    }

    /**
     * Peeks at the stream and puts it back where it was, unless it opens with more than {@link #PEEK_LIMIT} bytes of
     * blank text: those are read past (held as {@link Blanks}, never as text) and the stream is left at its content.
     *
     * @param in the export from its first byte; must support {@link InputStream#mark}
     * @return what the export is read as
     */
    static ExportStart of(InputStream in) throws IOException {
        BlankCount blanks = null; // set once blank text has been read past
        while (true) {
            in.mark(PEEK_LIMIT);
            byte[] chunk = in.readNBytes(PEEK_LIMIT - 1);
            boolean whole = chunk.length < PEEK_LIMIT - 1;
            int first = 0;
            while (first < chunk.length && blank(chunk[first] & 0xFF)) {
                first++;
            }
            if (first < chunk.length) {
                try {
                    if (blanks == null) {
                        return told(chunk, first, whole, Blanks.NONE);
                    }
                    blanks.count(chunk, first);
                    return told(chunk, first, whole, blanks.total());
                } finally {
                    in.reset();
                    in.skipNBytes(blanks == null ? 0 : first);
                    // a mark outlives its reset: left as it is, a BufferedInputStream would keep every byte read
                    // after it, up to the limit, in memory; this one lapses at the next refill
                    in.mark(0);
                }
            }
            if (whole) {
                return new ExportStart(Kind.EMPTY, null, Blanks.NONE);
            }
            // all blank so far: read on past it, however long, rather than call a metadata.json after it CSV
            blanks = blanks == null ? new BlankCount() : blanks;
            blanks.count(chunk, chunk.length);
        }
    }

    /**
     * @param bytes the bytes read, the content's first at {@code first}
     * @param whole whether they run to the file's end
     */
    private static ExportStart told(byte[] bytes, int first, boolean whole, Blanks skipped) throws IOException {
        if (bytes[first] == '{' || bytes[first] == '[') {
            return new ExportStart(Kind.JSON, null, skipped);
        }
        JsonToken value = whole ? singleValue(bytes, first) : null;
        return value == null ? new ExportStart(Kind.CSV, null, skipped)
                : new ExportStart(Kind.JSON_VALUE, value, skipped);
    }

    /** Counts blank text chunk by chunk, a line break split between two ({@code \r}, then {@code \n}) as one. */
    private static final class BlankCount {
        private long lines;
        private long columns;
        private boolean afterCarriageReturn;

        void count(byte[] bytes, int length) {
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                if (b == '\n' && afterCarriageReturn) {
                    afterCarriageReturn = false;
                } else if (b == '\n' || b == '\r') {
                    lines++;
                    columns = 0;
                    afterCarriageReturn = b == '\r';
                } else {
                    columns++;
                    afterCarriageReturn = false;
                }
            }
        }

        Blanks total() {
            return new Blanks(lines, columns);
        }
    }

    /** @return whether {@code c} may stand before a header or a JSON document: white space, a UTF-8 byte order mark */
    private static boolean blank(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB || c == 0xBF;
    }

    /**
     * @param whole the whole file, or its content from {@code from} on
     * @return the token of the one JSON value the file is, or {@code null} when it is not one (a CSV header
     *         such as {@code name,id} is not JSON; one such as {@code "filename"} is, and would lack a column anyway)
     */
    private static JsonToken singleValue(byte[] whole, int from) throws IOException {
        try (JsonParser json = JSON.createParser(whole, from, whole.length - from)) {
            JsonToken value = json.nextToken();
            return value != null && value.isScalarValue() && json.nextToken() == null ? value : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }
}

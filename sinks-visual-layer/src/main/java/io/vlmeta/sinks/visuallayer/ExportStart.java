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
 * @param kind   what the file is read as; never {@code null}
 * @param scalar for {@link Kind#JSON_VALUE}, the one value the file holds ({@code VALUE_NULL}, say);
 *               {@code null} otherwise
 */
record ExportStart(Kind kind, JsonToken scalar) {
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
     * Peeks at the stream and puts it back where it was.
     *
     * @param in the export from its first byte; must support {@link InputStream#mark}
     * @return what the export is read as; a file whose first {@link #PEEK_LIMIT} bytes are all blank is
     *         read as CSV, whose reading says what its header lacks
     */
    static ExportStart of(InputStream in) throws IOException {
        in.mark(PEEK_LIMIT);
        try {
            byte[] start = in.readNBytes(PEEK_LIMIT - 1);
            boolean whole = start.length < PEEK_LIMIT - 1;
            int first = 0;
            while (first < start.length && blank(start[first] & 0xFF)) {
                first++;
            }
            if (first == start.length) {
                return new ExportStart(whole ? Kind.EMPTY : Kind.CSV, null);
            }
            if (start[first] == '{' || start[first] == '[') {
                return new ExportStart(Kind.JSON, null);
            }
            JsonToken value = whole ? singleValue(start) : null;
            return value == null ? new ExportStart(Kind.CSV, null) : new ExportStart(Kind.JSON_VALUE, value);
        } finally {
            in.reset();
            // a mark outlives its reset: left as it is, a BufferedInputStream would keep every byte read after
            // it, up to the limit, in memory; this one lapses at the next refill
            in.mark(0);
        }
    }

    /** @return whether {@code c} may stand before a header or a JSON document: white space, a UTF-8 byte order mark */
    private static boolean blank(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB || c == 0xBF;
    }

    /**
     * @param whole the whole file
     * @return the token of the one JSON value the file is, or {@code null} when it is not one (a CSV header
     *         such as {@code name,id} is not JSON; one such as {@code "filename"} is, and would lack a column anyway)
     */
    private static JsonToken singleValue(byte[] whole) throws IOException {
        try (JsonParser json = JSON.createParser(whole)) {
            JsonToken value = json.nextToken();
            return value != null && value.isScalarValue() && json.nextToken() == null ? value : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }
}

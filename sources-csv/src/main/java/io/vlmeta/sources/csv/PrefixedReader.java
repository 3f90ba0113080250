package io.vlmeta.sources.csv;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads a few characters already taken from a reader, then the rest of that reader: what one parser
 * read ahead is handed on to another without losing or rereading anything.
 */
final class PrefixedReader extends Reader {

    private final char[] prefix;
    private int next;
    private final int end;
    private final Reader rest;

    /**
     * @param prefix the characters to give first, from {@code from} (inclusive) to {@code end} (exclusive); not
     *               copied, so the caller must no longer change them
     * @param rest   the characters after them; closed with this reader
     */
    PrefixedReader(char[] prefix, int from, int end, Reader rest) {
        this.prefix = prefix;
        this.next = from;
        this.end = end;
        this.rest = rest;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (next == end) {
            return rest.read(target, offset, length);
        }
        if (length == 0) {
            return 0;
        }
        int count = Math.min(length, end - next);
        System.arraycopy(prefix, next, target, offset, count);
        next += count;
        return count;
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }
}

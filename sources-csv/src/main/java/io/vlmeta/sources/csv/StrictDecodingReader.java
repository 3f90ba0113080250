package io.vlmeta.sources.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes without ever silently replacing the ones that are not valid in the encoding: each
 * bad sequence becomes U+FFFD in the text (so parsing can go on and find the row it belongs to) and
 * its character offset is recorded in {@link DecodeErrors}, so the row can be refused instead of
 * uploaded with replacement characters. A leading byte order mark is dropped.
 *
 * <p>It also bounds how far one row may run ({@link #allowNextRecord()}): a quote that is never
 * closed would otherwise make the parser gather the rest of the file into one cell.
 */
final class StrictDecodingReader extends Reader {

    /** Bytes read from the file at a time. */
    static final int BUFFER_SIZE = 1 << 16;
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final char REPLACEMENT = '\uFFFD';
    /**
     * Most characters handed out per read. The parser buffers what it is given, so its position
     * trails what was delivered by at most this much; the row limit allows for that slack so that
     * a row is refused only when it certainly runs past the maximum.
     */
    private static final int MAX_READ = 8192;

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final DecodeErrors errors;
    private final long maxRecordChars;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER_SIZE).flip();
    private long delivered;
    private long limit;
    private boolean endOfInput;
    private boolean flushed;
    private boolean atStart = true;

    /**
     * @param in             the bytes; closed with this reader
     * @param charset        their encoding
     * @param errors         where the offsets of bad byte sequences go
     * @param maxRecordChars how many characters one row may span before the input is refused
     */
    StrictDecodingReader(InputStream in, Charset charset, DecodeErrors errors, long maxRecordChars) {
        this.in = in;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.errors = errors;
        this.maxRecordChars = maxRecordChars;
        this.limit = maxRecordChars + MAX_READ;
    }

    /** Lets the next row run for up to the maximum number of characters from what is read so far. */
    void allowNextRecord() {
        limit = delivered + maxRecordChars + MAX_READ;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int count = Math.min(Math.min(length, MAX_READ), chars.remaining());
        chars.get(target, offset, count);
        delivered += count;
        if (delivered > limit) {
            throw new RecordTooLongException(maxRecordChars);
        }
        return count;
    }

    /** @return false at the end of the input; otherwise {@link #chars} holds at least one character */
    private boolean fill() throws IOException {
        chars.clear();
        while (chars.position() == 0 && !flushed) {
            decodeSome();
        }
        chars.flip();
        if (atStart && chars.hasRemaining()) {
            atStart = false;
            if (chars.get(0) == BYTE_ORDER_MARK) {
                chars.get();
                return chars.hasRemaining() || fill();
            }
        }
        return chars.hasRemaining();
    }

    private void decodeSome() throws IOException {
        if (endOfInput) {
            CoderResult result = decoder.decode(bytes, chars, true);
            if (result.isError()) {
                replace(result);
                return;
            }
            if (decoder.flush(chars).isUnderflow()) {
                flushed = true;
            }
            return;
        }
        CoderResult result = decoder.decode(bytes, chars, false);
        if (result.isError()) {
            replace(result);
        } else if (result.isUnderflow()) {
            refill();
        }
    }

    /** Called only from {@link #fill()}'s loop, while {@link #chars} has room. */
    private void replace(CoderResult result) {
        // Offsets count the characters the parser sees, which exclude a leading byte order mark.
        boolean afterMark = atStart && chars.position() > 0 && chars.get(0) == BYTE_ORDER_MARK;
        errors.add(delivered + chars.position() - (afterMark ? 1 : 0));
        chars.put(REPLACEMENT);
        bytes.position(bytes.position() + result.length());
    }

    private void refill() throws IOException {
        bytes.compact();
        int read = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Thrown when one row runs longer than allowed, which means a quote was left open. */
    static final class RecordTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        private final long maxRecordChars;

        RecordTooLongException(long maxRecordChars) {
            super("a row runs for more than " + maxRecordChars + " characters");
            this.maxRecordChars = maxRecordChars;
        }

        long maxRecordChars() {
            return maxRecordChars;
        }
    }
}

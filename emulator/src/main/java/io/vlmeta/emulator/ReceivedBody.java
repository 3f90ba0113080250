package io.vlmeta.emulator;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request body as it arrives, counted: whether it was cut off (the connection closed, or the
 * stream failed, before the promised {@code Content-Length} or the last chunk) is known for sure, so a
 * cut body is never mistaken for a malformed one.
 */
final class ReceivedBody extends InputStream {
    private final InputStream in;
    private final long contentLength;
    private long received;
    private boolean cut;

    /** @param contentLength the promised length, or {@code -1} when the body is chunked */
    ReceivedBody(InputStream in, long contentLength) {
        this.in = in;
        this.contentLength = contentLength;
    }

    @Override
    public int read() throws IOException {
        try {
            int b = in.read();
            if (b < 0) {
                atEnd();
            } else {
                received++;
            }
            return b;
        } catch (IOException e) {
            cut = true;
            throw e;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                atEnd();
            } else {
                received += n;
            }
            return n;
        } catch (IOException e) {
            cut = true;
            throw e;
        }
    }

    private void atEnd() {
        if (contentLength >= 0 && received < contentLength) {
            cut = true;
        }
    }

    /** @return the request's Content-Length, or {@code -1} when it has none (chunked) or it is not a number */
    static long contentLength(com.sun.net.httpserver.HttpExchange exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** @return true when the body ended before it was whole */
    boolean cut() {
        return cut;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

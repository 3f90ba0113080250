package io.vlmeta.sinks.visuallayer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the upload endpoint's JSON array ({@code [{"media_id":"...","value":...},...]}) byte for
 * byte as Jackson's generator writes it with default settings, with less work per entry: the
 * structure is copied from constant bytes, and a string of printable ASCII without {@code "} or
 * {@code \} (paths, ids, most values) is copied in one pass. Any other string is written by a Jackson
 * generator kept for the purpose, so escapes, non-ASCII and surrogates come out exactly as before.
 * A row's entries for all its fields carry one media id object, written to one batch per field one
 * after another: the bytes of the last id written are kept, and the same object is copied as bytes.
 * Not thread-safe: one per batch file.
 */
final class EntryJsonWriter implements AutoCloseable {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final byte[] FIRST_ENTRY = ascii("{\"media_id\":");
    private static final byte[] NEXT_ENTRY = ascii(",{\"media_id\":");
    private static final byte[] VALUE = ascii(",\"value\":");
    /**
     * The last media id any writer wrote on the fast path, with its bytes. Immutable and published
     * whole, so writers on any thread may share it; a stale one only misses.
     */
    private static volatile EncodedId lastId;

    private final OutputStream out;
    private final byte[] buffer;
    private int used;
    private boolean started;
    private ByteArrayOutputStream escapedBytes;
    private JsonGenerator escaper;

    /** @param bufferSize bytes held before a write to {@code out}; at least 64 */
    EntryJsonWriter(OutputStream out, int bufferSize) throws IOException {
        this.out = out;
        this.buffer = new byte[Math.max(64, bufferSize)];
        writeByte('[');
    }

    /**
     * @param value a {@link String}, a {@link BigDecimal} or other {@link Number} (written as the
     *              {@code BigDecimal} of its text), or a {@link List} of items written as strings
     * @throws IllegalArgumentException for any other value, which no field type sends
     */
    void write(String mediaId, Object value) throws IOException {
        write(started ? NEXT_ENTRY : FIRST_ENTRY);
        started = true;
        writeMediaId(mediaId);
        write(VALUE);
        if (value instanceof String text) {
            writeString(text);
        } else if (value instanceof BigDecimal number) {
            writeAscii(number.toString()); // what Jackson writes without WRITE_BIGDECIMAL_AS_PLAIN
        } else if (value instanceof List<?> list) {
            writeByte('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    writeByte(',');
                }
                first = false;
                writeString(String.valueOf(item));
            }
            writeByte(']');
        } else if (value instanceof Number number) {
            writeAscii(new BigDecimal(number.toString()).toString());
        } else {
            throw new IllegalArgumentException("not a JSON value a field type sends: " + value.getClass().getName());
        }
        writeByte('}');
    }

    private void writeMediaId(String mediaId) throws IOException {
        EncodedId last = lastId;
        // the same object, not an equal string: a check as cheap as the copy it saves
        if (last != null && last.id() == mediaId) {
            write(last.json());
            return;
        }
        int at = writeString(mediaId);
        if (at >= 0) {
            lastId = new EncodedId(mediaId, Arrays.copyOfRange(buffer, at, used));
        }
    }

    /** @return where the string's bytes start in the buffer, or -1 when Jackson wrote it (escapes, non-ASCII) */
    private int writeString(String text) throws IOException {
        int length = text.length();
        if (length + 2 <= buffer.length) {
            room(length + 2);
            int start = used;
            int at = start;
            buffer[at++] = '"';
            int i = 0;
            while (i < length) {
                char c = text.charAt(i);
                if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                    break;
                }
                buffer[at++] = (byte) c;
                i++;
            }
            if (i == length) {
                buffer[at++] = '"';
                used = at;
                return start;
            }
        }
        writeEscaped(text);
        return -1;
    }

    /** A string that needs escapes or is not ASCII: written by Jackson itself. */
    private void writeEscaped(String text) throws IOException {
        if (escaper == null) {
            escapedBytes = new ByteArrayOutputStream();
            escaper = JSON.createGenerator(escapedBytes);
            escaper.setRootValueSeparator(null); // one root value after another, nothing between
        }
        escapedBytes.reset();
        escaper.writeString(text);
        escaper.flush();
        write(escapedBytes.toByteArray());
    }

    private void writeAscii(String text) throws IOException {
        int length = text.length();
        if (length > buffer.length) {
            write(text.getBytes(StandardCharsets.US_ASCII));
            return;
        }
        room(length);
        for (int i = 0; i < length; i++) {
            buffer[used++] = (byte) text.charAt(i);
        }
    }

    private void write(byte[] bytes) throws IOException {
        if (bytes.length > buffer.length - used) {
            flush();
            if (bytes.length > buffer.length) {
                out.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, used, bytes.length);
        used += bytes.length;
    }

    private void writeByte(int b) throws IOException {
        room(1);
        buffer[used++] = (byte) b;
    }

    /** Makes room for {@code bytes} more (at most the buffer's size) by writing out what is held. */
    private void room(int bytes) throws IOException {
        if (bytes > buffer.length - used) {
            flush();
        }
    }

    private void flush() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }

    /** Closes the array and the stream. */
    @Override
    public void close() throws IOException {
        try {
            writeByte(']');
            flush();
        } finally {
            out.close();
            if (escaper != null) {
                escaper.close();
            }
        }
    }

    /** Closes the stream without finishing the array: the file is being dropped. */
    void abandon() throws IOException {
        out.close();
    }

    /** A media id and its JSON string's bytes, quotes included. */
    private record EncodedId(String id, byte[] json) {
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

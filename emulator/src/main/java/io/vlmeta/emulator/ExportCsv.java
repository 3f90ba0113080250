package io.vlmeta.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;

/**
 * Writes a dataset's export ({@code media_id,media_type,filename}, one line per media, {@code \n}
 * after each) as Commons CSV's {@link CSVFormat#DEFAULT} prints it, straight from the catalog's bytes:
 * the media id is formatted from its two halves and the file name copied as the UTF-8 it is stored
 * in. A file name that CSV might quote (anything but printable ASCII from {@code $} on, other than
 * {@code ,} and {@code \}) is printed by Commons CSV itself, so every line is the one it would print.
 */
final class ExportCsv {
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader("media_id", "media_type", "filename").setRecordSeparator('\n').build();

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MEDIA_TYPE = ",image,".getBytes(StandardCharsets.US_ASCII);
    private static final int BUFFER = 1 << 16;
    /** A media id, the media type and the record separator. */
    private static final int FIXED_LENGTH = 36 + MEDIA_TYPE.length + 1;

    private final MediaCatalog media;
    private final byte[] buffer = new byte[BUFFER];
    private int position;

    ExportCsv(MediaCatalog media) {
        this.media = media;
    }

    /** Writes the header and every media's line to {@code out}. */
    void writeTo(OutputStream out) throws IOException {
        position = 0;
        append(printed(FORMAT.getHeader()), out);
        for (int ordinal = 0; ordinal < media.size(); ordinal++) {
            int length = FIXED_LENGTH + media.filenameLength(ordinal);
            if (BUFFER - position < length) {
                out.write(buffer, 0, position);
                position = 0;
            }
            if (length > BUFFER || !appendLine(ordinal)) {
                append(printed(media.mediaId(ordinal), "image", media.filename(ordinal)), out);
            }
        }
        out.write(buffer, 0, position);
        out.flush();
    }

    /** @return false, leaving the buffer as it was, when the file name is one CSV might quote */
    private boolean appendLine(int ordinal) {
        int start = position;
        int at = mediaId(media.mostSignificantBits(ordinal), media.leastSignificantBits(ordinal), start);
        System.arraycopy(MEDIA_TYPE, 0, buffer, at, MEDIA_TYPE.length);
        at += MEDIA_TYPE.length;
        int nameStart = at;
        at = media.copyFilename(ordinal, buffer, at);
        for (int i = nameStart; i < at; i++) {
            byte b = buffer[i];
            if (b < '$' || b > '~' || b == ',' || b == '\\') {
                return false;
            }
        }
        buffer[at++] = '\n';
        position = at;
        return true;
    }

    /** Writes the canonical lower-case form, as {@link java.util.UUID#toString()} does. @return the offset after it */
    private int mediaId(long msb, long lsb, int at) {
        at = hex(msb >>> 32, 8, at);
        buffer[at++] = '-';
        at = hex(msb >>> 16, 4, at);
        buffer[at++] = '-';
        at = hex(msb, 4, at);
        buffer[at++] = '-';
        at = hex(lsb >>> 48, 4, at);
        buffer[at++] = '-';
        return hex(lsb, 12, at);
    }

    private int hex(long value, int digits, int at) {
        for (int i = digits - 1; i >= 0; i--) {
            buffer[at + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
        return at + digits;
    }

    private void append(byte[] bytes, OutputStream out) throws IOException {
        if (BUFFER - position < bytes.length) {
            out.write(buffer, 0, position);
            position = 0;
        }
        if (bytes.length > BUFFER) {
            out.write(bytes);
        } else {
            System.arraycopy(bytes, 0, buffer, position, bytes.length);
            position += bytes.length;
        }
    }

    private static byte[] printed(Object... values) throws IOException {
        StringWriter line = new StringWriter();
        FORMAT.printRecord(line, values);
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }
}

package io.vlmeta.sources.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * dcmtk 3.6.7's {@code dcm2json} (the version Debian 12 and Ubuntu 24.04 ship) cannot write the pixel
 * data of an image with an encapsulated (compressed) transfer syntax inline: it stops there with an
 * error, having written every attribute before PixelData and the comma after the last of them, and
 * closes the object, so the file ends {@code },} then {@code }}. That one comma, just before the brace
 * that closes the file, is the only defect tolerated; any other is an error.
 */
final class DcmtkTrailingComma {
    /** dcm2json puts a blank line and a line break between the comma and the end; far less than this. */
    private static final int TAIL = 4096;

    private DcmtkTrailingComma() {
    }

    /**
     * Reads the end of the file only.
     *
     * @return the byte offset of a comma followed by nothing but blanks, the closing brace and blanks,
     *         or {@code -1} when the file does not end that way
     */
    static long commaOffset(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            int length = (int) Math.min(size, TAIL);
            ByteBuffer tail = ByteBuffer.allocate(length);
            channel.position(size - length);
            while (tail.hasRemaining() && channel.read(tail) >= 0) {
                // read until the tail is full or the file ends
            }
            int comma = commaIn(tail.array(), tail.position());
            return comma < 0 ? -1 : size - length + comma;
        }
    }

    /** @return the content with the byte at {@code offset} read as a space, so lines and columns stay put */
    static InputStream blankedAt(InputStream content, long offset) {
        return new Blanked(content, offset);
    }

    private static int commaIn(byte[] tail, int length) {
        int end = lastNonBlank(tail, length - 1);
        if (end < 0 || tail[end] != '}') {
            return -1;
        }
        int comma = lastNonBlank(tail, end - 1);
        return comma >= 0 && tail[comma] == ',' ? comma : -1;
    }

    private static int lastNonBlank(byte[] content, int from) {
        int at = from;
        while (at >= 0 && isBlank(content[at])) {
            at--;
        }
        return at;
    }

    /** JSON's insignificant whitespace (RFC 8259 section 2). */
    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private static final class Blanked extends InputStream {
        private final InputStream in;
        private final long blank;
        private long position;

        Blanked(InputStream in, long blank) {
            this.in = in;
            this.blank = blank;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0) {
                return b;
            }
            long at = position++;
            return at == blank ? ' ' : b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = in.read(buffer, offset, length);
            if (read > 0) {
                if (blank >= position && blank < position + read) {
                    buffer[offset + (int) (blank - position)] = ' ';
                }
                position += read;
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

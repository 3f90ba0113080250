package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FileFaults;
import io.vlmeta.api.VlmetaException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves a response body (the export) to a file, telling a fault of the file from one of the connection: both
 * are {@link IOException}s, but only the connection's may be retried and reported as the server's, while a
 * full disk or a folder where the file goes is said as such.
 */
final class BodyFile {
    private static final int BUFFER_BYTES = 1 << 16;

    private BodyFile() {
    }

    /**
     * @param body what the server sends, read to its end; not closed
     * @param file where it is saved, replaced if it exists
     * @throws IOException when reading {@code body} fails (the connection's fault)
     * @throws VlmetaException (input unreadable) naming {@code file} and why in words when it cannot be written
     */
    static void save(InputStream body, Path file) throws IOException {
        OutputStream out;
        try {
            out = Files.newOutputStream(file);
        } catch (IOException e) {
            throw unwritable(file, e);
        }
        boolean copied = false;
        try {
            byte[] buffer = new byte[BUFFER_BYTES];
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                try {
                    out.write(buffer, 0, read);
                } catch (IOException e) {
                    throw unwritable(file, e);
                }
            }
            copied = true;
        } finally {
            if (!copied) {
                closeQuietly(out);
            }
        }
        try {
            out.close(); // a file that cannot be finished was not saved
        } catch (IOException e) {
            throw unwritable(file, e);
        }
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            // the fault that stopped the copy is the one reported
        }
    }

    private static VlmetaException unwritable(Path file, IOException e) {
        return new VlmetaException(ErrorCode.INPUT_UNREADABLE, "Cannot save the download in the folder "
                + file.toAbsolutePath().getParent() + ": "
                + FileFaults.whyUnwritable(file, e) + "; choose a file in a writable folder.", e);
    }
}

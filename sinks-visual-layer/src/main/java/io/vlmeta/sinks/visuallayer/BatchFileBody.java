package io.vlmeta.sinks.visuallayer;

import org.apache.hc.client5.http.entity.mime.FileBody;
import org.apache.hc.core5.http.ContentType;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;

/**
 * A batch file as the {@code file} part of an upload: the same part as HttpClient's {@link FileBody}
 * (same headers, same bytes), read in blocks of {@value #BLOCK} bytes instead of 4 KB, so that a batch
 * of a few megabytes costs a few dozen reads and socket writes rather than a thousand of each.
 */
final class BatchFileBody extends FileBody {
    static final int BLOCK = 1 << 16;

    BatchFileBody(File file, ContentType contentType, String fileName) {
        super(file, contentType, fileName);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(getFile().toPath())) {
            byte[] block = new byte[BLOCK];
            for (int read = in.read(block); read != -1; read = in.read(block)) {
                out.write(block, 0, read);
            }
            out.flush();
        }
    }
}

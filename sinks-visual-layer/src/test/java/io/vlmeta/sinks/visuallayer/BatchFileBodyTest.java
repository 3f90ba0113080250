package io.vlmeta.sinks.visuallayer;

import org.apache.hc.client5.http.entity.mime.FileBody;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BatchFileBodyTest {
    @TempDir
    Path dir;

    /** The whole multipart request body, with a fixed boundary so two can be compared byte for byte. */
    private static byte[] multipart(FileBody body) throws IOException {
        HttpEntity entity = MultipartEntityBuilder.create().setBoundary("b0undary").addPart("file", body).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entity.writeTo(out);
        assertThat(entity.getContentLength()).isEqualTo(out.size());
        return out.toByteArray();
    }

    @Test
    void sendsTheSameRequestBodyAsHttpClientsFileBodyForFilesOfEverySize() throws IOException {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 4095, 4096, 4097, BatchFileBody.BLOCK - 1, BatchFileBody.BLOCK,
                BatchFileBody.BLOCK + 1, 3 * BatchFileBody.BLOCK + 12_345}) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            Path file = Files.write(dir.resolve("batch-" + size + ".json"), content);

            byte[] expected = multipart(new FileBody(file.toFile(), ContentType.APPLICATION_JSON, "score-00001.json"));
            byte[] actual = multipart(new BatchFileBody(file.toFile(), ContentType.APPLICATION_JSON,
                    "score-00001.json"));

            assertThat(actual).as("a file of %d bytes", size).isEqualTo(expected);
        }
    }
}

package io.vlmeta.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BodyBufferTest {

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    private static BodyBuffer read(long expected, byte[] body) throws IOException {
        BodyBuffer buffer = new BodyBuffer(expected);
        buffer.readFrom(new ByteArrayInputStream(body));
        return buffer;
    }

    @Test
    void keepsABodyOfTheExpectedSizeInAnArrayOfThatSize() throws IOException {
        byte[] body = randomBytes(100_000);

        BodyBuffer buffer = read(body.length, body);

        assertThat(buffer.length()).isEqualTo(body.length);
        assertThat(buffer.bytes()).hasSize(body.length).isEqualTo(body);
    }

    @Test
    void readsABodyLongerThanExpectedWhole() throws IOException {
        byte[] body = randomBytes(100_001);

        BodyBuffer buffer = read(100_000, body);

        assertThat(buffer.length()).isEqualTo(body.length);
        assertThat(Arrays.copyOf(buffer.bytes(), buffer.length())).isEqualTo(body);
    }

    @Test
    void readsABodyOfUnknownOrSmallerSizeWhole() throws IOException {
        byte[] body = randomBytes(50_000);

        assertThat(Arrays.copyOf(read(-1, body).bytes(), 50_000)).isEqualTo(body);
        assertThat(read(-1, body).length()).isEqualTo(50_000);
        assertThat(read(60_000, body).length()).isEqualTo(50_000);
    }
}

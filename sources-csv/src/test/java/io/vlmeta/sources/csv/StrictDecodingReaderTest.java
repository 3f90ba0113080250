package io.vlmeta.sources.csv;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class StrictDecodingReaderTest {

    private final DecodeErrors errors = new DecodeErrors();

    @Test
    void decodesCharactersWhoseBytesAreSplitAcrossBufferRefills() throws IOException {
        // 65,535 ASCII bytes put the two bytes of each 'é' on both sides of the 64 KiB read buffer.
        String text = "a".repeat(65_535) + "\u00e9\u00e9\u00e9" + "b".repeat(70_000) + "\u20ac";

        String decoded = readAll(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

        assertThat(decoded).isEqualTo(text);
        assertThat(errors.takeBefore(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void replacesEachBadSequenceAndRecordsWhereItIs() throws IOException {
        byte[] bytes = {'a', 'b', (byte) 0xE9, 'c', (byte) 0xFF, (byte) 0xFE, 'd'};

        String decoded = readAll(bytes, StandardCharsets.UTF_8);

        assertThat(decoded).isEqualTo("ab\uFFFDc\uFFFD\uFFFDd");
        assertThat(errors.takeBefore(2)).isFalse();
        assertThat(errors.takeBefore(3)).isTrue();
        assertThat(errors.takeBefore(4)).isFalse();
        assertThat(errors.takeBefore(6)).isTrue();
        assertThat(errors.takeBefore(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void reportsASequenceCutOffByTheEndOfTheFile() throws IOException {
        byte[] bytes = {'o', 'k', (byte) 0xE2, (byte) 0x82};

        String decoded = readAll(bytes, StandardCharsets.UTF_8);

        assertThat(decoded).startsWith("ok\uFFFD");
        assertThat(errors.takeBefore(2)).isFalse();
        assertThat(errors.takeBefore(Long.MAX_VALUE)).isTrue();
    }

    @Test
    void dropsAByteOrderMarkAndCountsOffsetsWithoutIt() throws IOException {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', (byte) 0xFF};

        String decoded = readAll(bytes, StandardCharsets.UTF_8);

        assertThat(decoded).isEqualTo("x\uFFFD");
        assertThat(errors.takeBefore(1)).isFalse();
        assertThat(errors.takeBefore(2)).isTrue();
    }

    @Test
    void keepsAByteOrderMarkThatIsNotAtTheStart() throws IOException {
        String decoded = readAll("a\uFEFFb".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

        assertThat(decoded).isEqualTo("a\uFEFFb");
    }

    @Test
    void decodesUtf16WithItsByteOrderMark() throws IOException {
        String decoded = readAll("file_fullpath,\u00e9".getBytes(StandardCharsets.UTF_16), StandardCharsets.UTF_16);

        assertThat(decoded).isEqualTo("file_fullpath,\u00e9");
    }

    private String readAll(byte[] bytes, Charset charset) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Reader reader = new StrictDecodingReader(new ByteArrayInputStream(bytes), charset, errors, 1L << 30)) {
            char[] buffer = new char[1000];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                out.append(buffer, 0, n);
            }
        }
        return out.toString();
    }
}

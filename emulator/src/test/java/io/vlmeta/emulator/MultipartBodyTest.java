package io.vlmeta.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartBodyTest {

    private static String content(byte[] body, MultipartBody.Part part) {
        return new String(body, part.offset(), part.length(), StandardCharsets.UTF_8);
    }

    @Test
    void findsEachPartWithItsHeadersAfterAPreamble() throws Exception {
        byte[] body = ("preamble to ignore\r\n--xyz\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
                + "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b\u00e4tch.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n[1,\r\n2]\r\n--xyz--\r\nepilogue").getBytes(StandardCharsets.UTF_8);

        List<MultipartBody.Part> parts = MultipartBody.parts(body, body.length, "xyz", true);

        assertThat(parts).extracting(MultipartBody.Part::name, MultipartBody.Part::filename,
                MultipartBody.Part::contentType, MultipartBody.Part::complete).containsExactly(
                org.assertj.core.groups.Tuple.tuple("note", null, null, true),
                org.assertj.core.groups.Tuple.tuple("file", "b\u00e4tch.json", "application/json", true));
        assertThat(content(body, parts.get(0))).isEqualTo("hello");
        assertThat(content(body, parts.get(1))).isEqualTo("[1,\r\n2]");
    }

    @Test
    void readsTheBoundaryOfAMultipartContentTypeOnly() {
        assertThat(MultipartBody.boundary("multipart/form-data; boundary=\"a b\"")).isEqualTo("a b");
        assertThat(MultipartBody.boundary("Multipart/Form-Data;boundary=xyz")).isEqualTo("xyz");
        assertThat(MultipartBody.boundary("application/json")).isNull();
        assertThat(MultipartBody.boundary("multipart/form-data")).isNull();
    }

    @Test
    void aCutBodyGivesThePartThatBeganAsIncomplete() throws Exception {
        byte[] body = ("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.json\"\r\n\r\n[{\"a\": 1}, {\"b\"")
                .getBytes(StandardCharsets.UTF_8);

        List<MultipartBody.Part> parts = MultipartBody.parts(body, body.length, "xyz", false);

        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).complete()).isFalse();
        assertThat(content(body, parts.get(0))).isEqualTo("[{\"a\": 1}, {\"b\"");
        assertThatThrownBy(() -> MultipartBody.parts(body, body.length, "xyz", true))
                .isInstanceOf(MultipartBody.Malformed.class)
                .hasMessage("Upload is not well-formed multipart/form-data");
    }

    @Test
    void aWholeBodyWithoutItsBoundaryIsMalformed() {
        byte[] body = "[1, 2]".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> MultipartBody.parts(body, body.length, "xyz", true))
                .isInstanceOf(MultipartBody.Malformed.class);
    }

    @Test
    void endsAPartAtTheFirstWholeDelimiterPastNearMissesInItsContent() throws Exception {
        String content = "[\"\r\n--bou\", \"--boundary\", \"\r\n-boundary\", \"\r\n--boundar\r\n--boundarz\", \"yyboundary\"]";
        byte[] body = ("--boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.json\"\r\n\r\n" + content
                + "\r\n--boundary\r\nContent-Disposition: form-data; name=\"after\"\r\n\r\nx\r\n--boundary--\r\n")
                .getBytes(StandardCharsets.UTF_8);

        List<MultipartBody.Part> parts = MultipartBody.parts(body, body.length, "boundary", true);

        assertThat(parts).extracting(MultipartBody.Part::name).containsExactly("file", "after");
        assertThat(content(body, parts.get(0))).isEqualTo(content);
        assertThat(content(body, parts.get(1))).isEqualTo("x");
    }

    @Test
    void aDelimiterCutOffAtTheEndOfABodyIsNotFound() throws Exception {
        byte[] body = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n[1]\r\n--b0und"
                .getBytes(StandardCharsets.UTF_8);

        List<MultipartBody.Part> parts = MultipartBody.parts(body, body.length, "b0undary", false);

        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).complete()).isFalse();
        assertThat(content(body, parts.get(0))).isEqualTo("[1]\r\n--b0und");
    }
}

package io.vlmeta.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * An answer to send: status, content type, extra headers, and a body that is either bytes or a
 * writer streaming it (the export can be millions of lines).
 */
record Response(int status, String contentType, Map<String, String> headers, byte[] bytes, BodyWriter writer) {

    /** Streams a body. */
    @FunctionalInterface
    interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    static Response json(int status, Object body) {
        try {
            return new Response(status, "application/json", Map.of(), Json.MAPPER.writeValueAsBytes(body), null);
        } catch (IOException e) {
            throw new IllegalStateException("plain maps and lists always serialise", e);
        }
    }

    static Response error(int status, String detail) {
        return json(status, Map.of("detail", detail));
    }

    static Response streamed(String contentType, BodyWriter writer) {
        return new Response(200, contentType, Map.of(), null, writer);
    }

    Response withHeader(String name, String value) {
        return new Response(status, contentType, Map.of(name, value), bytes, writer);
    }

    /** @return the whole body, writing a streamed one into memory */
    byte[] materialise() throws IOException {
        if (bytes != null) {
            return bytes;
        }
        var buffer = new java.io.ByteArrayOutputStream();
        writer.writeTo(buffer);
        return buffer.toByteArray();
    }
}

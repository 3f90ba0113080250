package io.vlmeta.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/** Reads JSON answers and uploaded values in tests. */
final class Jsons {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Jsons() {
    }

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the value of {@code json} as an uploaded entry carries it */
    static UploadedValue uploaded(String json) {
        try (com.fasterxml.jackson.core.JsonParser parser = Json.FACTORY.createParser(json)) {
            parser.nextToken();
            UploadedValue value = new UploadedValue();
            value.read(parser);
            return value;
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

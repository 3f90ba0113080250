package io.vlmeta.emulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON mapper and factory: Jackson's are thread-safe and costly to create. */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();
    static final JsonFactory FACTORY = MAPPER.getFactory();

    private Json() {
    }
}

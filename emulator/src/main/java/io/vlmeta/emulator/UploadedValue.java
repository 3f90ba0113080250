package io.vlmeta.emulator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code value} of one uploaded entry as the JSON held it, before a field store judges it.
 * One instance is reused for every entry of an upload to spare the allocation.
 */
final class UploadedValue {

    /** The JSON kinds a store distinguishes. */
    enum Kind { ABSENT, NULL, STRING, INTEGER, DECIMAL, BOOLEAN, STRING_ARRAY, MIXED_ARRAY, OBJECT }

    private Kind kind = Kind.ABSENT;
    private String text;
    private final List<String> items = new ArrayList<>();

    void clear() {
        kind = Kind.ABSENT;
        text = null;
        items.clear();
    }

    /** Reads the value the parser is positioned on, consuming arrays and objects whole. */
    void read(JsonParser parser) throws IOException {
        items.clear();
        text = null;
        JsonToken token = parser.currentToken();
        switch (token) {
            case VALUE_STRING -> {
                kind = Kind.STRING;
                text = parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                kind = Kind.INTEGER;
                text = parser.getText();
            }
            case VALUE_NUMBER_FLOAT -> {
                kind = Kind.DECIMAL;
                text = parser.getText();
            }
            case VALUE_TRUE, VALUE_FALSE -> kind = Kind.BOOLEAN;
            case VALUE_NULL -> kind = Kind.NULL;
            case START_ARRAY -> readArray(parser);
            default -> {
                kind = Kind.OBJECT;
                parser.skipChildren();
            }
        }
    }

    private void readArray(JsonParser parser) throws IOException {
        kind = Kind.STRING_ARRAY;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.VALUE_STRING) {
                items.add(parser.getText());
            } else {
                kind = Kind.MIXED_ARRAY;
                parser.skipChildren();
            }
        }
    }

    Kind kind() {
        return kind;
    }

    /** @return the text of a string or number value */
    String text() {
        return text;
    }

    /** @return the strings of a {@link Kind#STRING_ARRAY} */
    List<String> items() {
        return items;
    }

    /** @return the JSON type name the server's messages use, e.g. {@code Number} */
    String typeName() {
        return switch (kind) {
            case ABSENT, NULL -> "null";
            case STRING -> "String";
            case INTEGER, DECIMAL -> "Number";
            case BOOLEAN -> "Boolean";
            case STRING_ARRAY, MIXED_ARRAY -> "Array";
            case OBJECT -> "Object";
        };
    }
}

package io.vlmeta.sources.dicom;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;

/**
 * Builds a sidecar's JSON tree from the parser's tokens, leaving out the text of {@code InlineBinary}
 * values. dcm2json writes pixel data inline as base64 (PS3.18 section F.2.7); metadata never carries it,
 * and a large image's would be longer than the parser reads as one string (20 million characters) and
 * held in memory for nothing. The parser skips a string whose text is never asked for.
 *
 * <p>Numbers keep their exact decimal form ({@code 1.50} stays {@code 1.50}); the parser's own limits
 * (nesting depth, number and name length) and its duplicate-name check still apply.
 */
final class SidecarTree {
    private static final String INLINE_BINARY = "InlineBinary";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SidecarTree() {
    }

    /**
     * @return the one JSON value the parser holds, or {@code null} when it holds none
     * @throws JsonParseException when content follows that value, or the JSON is malformed
     */
    static JsonNode read(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return null;
        }
        JsonNode root = value(parser, first, 0);
        if (parser.nextToken() != null) {
            throw new JsonParseException(parser, "Unexpected " + describe(parser.currentToken())
                    + " after the end of the JSON value");
        }
        return root;
    }

    private static JsonNode value(JsonParser parser, JsonToken token, int depth) throws IOException {
        switch (token) {
            case START_OBJECT:
                return object(parser, depth);
            case START_ARRAY:
                ArrayNode array = NODES.arrayNode();
                for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                    array.add(value(parser, item, depth + 1));
                }
                return array;
            case VALUE_STRING:
                return TextNode.valueOf(parser.getText());
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT -> IntNode.valueOf(parser.getIntValue());
                    case LONG -> LongNode.valueOf(parser.getLongValue());
                    default -> BigIntegerNode.valueOf(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                try {
                    return DecimalNode.valueOf(parser.getDecimalValue());
                } catch (NumberFormatException e) {
                    // an exponent beyond an int (1e-2147483649): no BigDecimal holds it; kept as the text
                    // written, as a DS value written as a JSON string is, for the field type to judge
                    return TextNode.valueOf(parser.getText());
                }
            case VALUE_TRUE:
                return BooleanNode.TRUE;
            case VALUE_FALSE:
                return BooleanNode.FALSE;
            case VALUE_NULL:
                return NullNode.instance;
            default:
                throw new JsonParseException(parser, "Unexpected " + describe(token));
        }
    }

    private static ObjectNode object(JsonParser parser, int depth) throws IOException {
        ObjectNode object = NODES.objectNode();
        for (JsonToken field = parser.nextToken(); field != JsonToken.END_OBJECT; field = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            if (depth > 0 && token == JsonToken.VALUE_STRING && INLINE_BINARY.equals(name)) {
                // an attribute's binary value: present, but its text is never read
                object.put(name, "");
            } else {
                object.set(name, value(parser, token, depth + 1));
            }
        }
        return object;
    }

    private static String describe(JsonToken token) {
        return token.isStructStart() || token.isStructEnd() ? "'" + token.asString() + "'" : "value";
    }
}

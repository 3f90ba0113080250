package io.vlmeta.sources.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.vlmeta.api.RawValue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads one line of JSON Lines into flat values with Jackson's streaming parser, keeping each value's
 * JSON type. Thread-confined: one per open source.
 */
final class JsonLineParser {

    private final JsonFactory factory = JsonFactory.builder()
            // a key given twice on one line has no single value: refuse rather than keep the last
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // every number becomes a BigDecimal (the digits as written): parse those quickly
            .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
            // a number of any length is read (the line is in memory already), for the field type to judge
            // it as it judges the same digits in a CSV cell: Jackson's default of 1000 digits refused the
            // whole line, even when nobody uploads that column
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(Integer.MAX_VALUE).build())
            .build();

    /** The column the last refusal is about; set by {@link #readObject} when it refuses. */
    private String refusedField;

    /**
     * @param line one line, without its line break; not blank
     * @param keep the columns whose values are wanted; the others are only checked to be JSON, so that
     *     a value nobody uploads neither costs memory nor refuses the line
     * @return the values, or the reason the line is refused (the message names the column where the
     *     JSON breaks, 1-based)
     */
    JsonLine parse(String line, Predicate<String> keep) {
        refusedField = null;
        try (JsonParser parser = factory.createParser(line)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return JsonLine.refused(null, "Holds " + describe(first) + ", not a JSON object, so the line is"
                        + " skipped; every line must be one object such as {\"file_fullpath\": \"images/a.jpg\", ...}.");
            }
            Map<String, RawValue> values = new LinkedHashMap<>();
            Set<String> objectPaths = new HashSet<>(2);
            String refusal = readObject(parser, "", keep, values, objectPaths);
            if (refusal != null) {
                return JsonLine.refused(refusedField, refusal);
            }
            JsonToken after = parser.nextToken();
            if (after != null) {
                return JsonLine.refused(null, "Has more after its object, at column "
                        + parser.currentTokenLocation().getColumnNr()
                        + ", so the line is skipped; put each object on a line of its own.");
            }
            return new JsonLine(values, objectPaths, null, null);
        } catch (JsonProcessingException e) {
            // a broken limit of Jackson's has no location
            String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
            return JsonLine.refused(null, "Is not valid JSON" + where + ": " + e.getOriginalMessage()
                    + "; the line is skipped.");
        } catch (IOException e) {
            // parsing a String does no I/O; Jackson declares it anyway
            throw new IllegalStateException(e);
        }
    }

    /**
     * Adds the columns a line names to {@code names}, without building its values: the cheap read that
     * learns a file's columns. A line {@link #parse} would refuse may add nothing or some of its names.
     *
     * @param line  one line, without its line break; not blank
     * @param names where the column names go, in the order they appear
     */
    void addNames(String line, Set<String> names) {
        try (JsonParser parser = factory.createParser(line)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                addNames(parser, "", names);
            }
        } catch (IOException e) {
            // a broken line has no columns to learn; reading it again reports it
        }
    }

    private static void addNames(JsonParser parser, String prefix, Set<String> names) throws IOException {
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String column = prefix + parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT) {
                addNames(parser, column + ".", names);
            } else {
                parser.skipChildren();
                if (value != JsonToken.VALUE_NULL) {
                    names.add(column);
                }
            }
        }
    }

    /** Reads an object's members into {@code values}; returns a refusal, or null. */
    private String readObject(JsonParser parser, String prefix, Predicate<String> keep, Map<String, RawValue> values,
                              Set<String> objectPaths) throws IOException {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String column = prefix + parser.currentName();
            JsonToken value = parser.nextToken();
            if (value != JsonToken.START_OBJECT && !keep.test(column)) {
                parser.skipChildren();
                continue;
            }
            switch (value) {
                case START_OBJECT -> {
                    objectPaths.add(column);
                    String refusal = readObject(parser, column + ".", keep, values, objectPaths);
                    if (refusal != null) {
                        return refusal;
                    }
                }
                case START_ARRAY -> {
                    List<RawValue> items = new ArrayList<>();
                    for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                        if (item == JsonToken.START_OBJECT || item == JsonToken.START_ARRAY) {
                            refusedField = column;
                            return "Holds a list with " + describe(item) + " in it; a list may hold only strings,"
                                    + " numbers and booleans, so the line is skipped.";
                        }
                        RawValue scalar = scalar(parser, item);
                        if (scalar != RawValue.Missing.INSTANCE) {
                            items.add(scalar);
                        }
                    }
                    values.put(column, new RawValue.ListValue(items));
                }
                default -> {
                    RawValue scalar = scalar(parser, value);
                    if (scalar != RawValue.Missing.INSTANCE) {
                        values.put(column, scalar);
                    }
                }
            }
        }
        return null;
    }

    private static RawValue scalar(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> new RawValue.Text(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(parser);
            case VALUE_TRUE -> new RawValue.Text("true");
            case VALUE_FALSE -> new RawValue.Text("false");
            default -> RawValue.Missing.INSTANCE;
        };
    }

    /**
     * A number as a {@link RawValue.Number}, or as the text written when its exponent is beyond what a
     * {@code BigDecimal} holds ({@code 1e-2147483649}: its scale is an {@code int}), which the field types
     * then judge as the same text in a CSV cell.
     */
    private static RawValue number(JsonParser parser) throws IOException {
        try {
            return new RawValue.Number(parser.getDecimalValue());
        } catch (NumberFormatException e) {
            return new RawValue.Text(parser.getText());
        }
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "'" + token.asString() + "'";
        };
    }
}

package io.vlmeta.fieldtypes;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vlmeta.api.ParseResult;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.ValueParser;
import java.io.IOException;

/**
 * Parses multi-enum values. Text that starts with {@code [} is a JSON array and must be one of
 * strings; any other text is comma-separated. A list cell's items are read like enum cells, so a
 * multi-valued number attribute gives its plain digits.
 */
final class MultiEnumParser implements ValueParser {

    /** Thread-safe, and cheap to share: it only creates parsers. */
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final int optionMaxLength;
    private final KnownOptions<String> known = new KnownOptions<>();

    MultiEnumParser(int optionMaxLength) {
        this.optionMaxLength = optionMaxLength;
    }

    @Override
    public ParseResult parse(RawValue raw) {
        if (raw instanceof RawValue.Text text) {
            return parseText(text.value().strip());
        }
        if (raw instanceof RawValue.ListValue list) {
            return parseList(list);
        }
        OrderedOptions options = newOptions();
        options.add(ScalarText.of(raw));
        return options.result();
    }

    private ParseResult parseText(String text) {
        if (text.isEmpty()) {
            return ParseResult.absent();
        }
        // checked on the whole cell, so the position is the one the user sees in it; a JSON escape
        // of U+0000 is caught per item once decoded
        boolean printable = PrintableAscii.is(text);
        ParseResult.Invalid control = printable ? null : RefusedCharacters.refusal(text);
        if (control != null) {
            return control;
        }
        if (text.charAt(0) != '[') {
            return parseCommaSeparated(text);
        }
        ParseResult simple = printable ? SimpleJsonArray.parse(text, newOptions()) : null;
        return simple != null ? simple : parseJsonArray(text);
    }

    private ParseResult parseCommaSeparated(String text) {
        OrderedOptions options = newOptions();
        int start = 0;
        for (int comma = text.indexOf(','); comma >= 0; comma = text.indexOf(',', start)) {
            options.add(text, start, comma);
            start = comma + 1;
        }
        options.add(text, start, text.length());
        return options.result();
    }

    /** The general reading of a JSON array, with a JSON parser; {@code text} is trimmed and free of control characters. */
    ParseResult parseJsonArray(String text) {
        OrderedOptions options = newOptions();
        boolean onlyStrings = true;
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return malformed(text);
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    return malformed(text);
                }
                if (token == JsonToken.VALUE_STRING) {
                    options.add(parser.getText().strip());
                } else {
                    onlyStrings = false;
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                return malformed(text);
            }
        } catch (IOException notJson) {
            return malformed(text);
        }
        if (!onlyStrings) {
            return ParseResult.invalid("Invalid multi-enum value '" + Quoted.value(text)
                    + "'. A JSON array must hold only strings, e.g. [\"tag1\", \"tag2\"]");
        }
        return options.result();
    }

    private ParseResult parseList(RawValue.ListValue list) {
        OrderedOptions options = newOptions();
        for (RawValue item : list.items()) {
            String option = ScalarText.of(item);
            if (option == null) {
                return ParseResult.invalid("Invalid multi-enum value '" + Quoted.value(list.display())
                        + "'. Items must be single values, not lists");
            }
            options.add(option);
        }
        return options.result();
    }

    private OrderedOptions newOptions() {
        return new OrderedOptions(optionMaxLength, known);
    }

    private static ParseResult malformed(String text) {
        return ParseResult.invalid("Invalid multi-enum value '" + Quoted.value(text)
                + "'. Use comma-separated values or a JSON array of strings");
    }
}

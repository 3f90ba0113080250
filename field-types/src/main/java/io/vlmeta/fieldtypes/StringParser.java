package io.vlmeta.fieldtypes;

import io.vlmeta.api.ParseResult;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.ValueParser;

/** Parses one string field with its length limit applied. */
final class StringParser implements ValueParser {

    private final int maxLength;
    private final boolean truncate;

    StringParser(int maxLength, boolean truncate) {
        this.maxLength = maxLength;
        this.truncate = truncate;
    }

    @Override
    public ParseResult parse(RawValue raw) {
        String text = ScalarText.of(raw);
        if (text == null) {
            return ParseResult.invalid("Invalid string value '" + Quoted.value(raw.display())
                    + "'. Must be a single value, not a list");
        }
        if (text.isEmpty()) {
            return ParseResult.absent();
        }
        ParseResult.Invalid control = PrintableAscii.is(text) ? null : RefusedCharacters.refusal(text);
        if (control != null) {
            return control;
        }
        if (!CodePoints.exceeds(text, maxLength)) {
            return ParseResult.of(text);
        }
        int length = CodePoints.count(text);
        if (truncate) {
            return new ParseResult.Value(CodePoints.truncate(text, maxLength),
                    "Value has " + length + " characters, cut to the limit of " + maxLength);
        }
        return ParseResult.invalid("Value has " + length + " characters, exceeds limit of " + maxLength);
    }
}

package io.vlmeta.fieldtypes;

import io.vlmeta.api.ParseResult;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.ValueParser;
import java.math.BigDecimal;

/** Parses float values; it has no settings, so one instance serves every field. */
enum FloatParser implements ValueParser {
    INSTANCE;

    @Override
    public ParseResult parse(RawValue raw) {
        if (raw instanceof RawValue.Text text) {
            return parseText(text.value().strip());
        }
        if (raw instanceof RawValue.Number number) {
            BigDecimal value = Decimals.withoutSpuriousFraction(number.value());
            return Decimals.fitsDouble(value) ? ParseResult.of(value) : notFinite(raw.display());
        }
        if (raw instanceof RawValue.DateTime) {
            return ParseResult.invalid("Invalid float value '" + raw.display() + "'. Must be a number, not a date.");
        }
        if (raw instanceof RawValue.TimeOfDay) {
            return ParseResult.invalid("Invalid float value '" + raw.display() + "'. Must be a number, not a time of day.");
        }
        if (raw instanceof RawValue.Duration) {
            return ParseResult.invalid("Invalid float value '" + raw.display() + "'. Must be a number, not a duration.");
        }
        if (raw instanceof RawValue.ListValue) {
            return ParseResult.invalid("Invalid float value '" + Quoted.value(raw.display())
                    + "'. Must be a single number, not a list.");
        }
        return ParseResult.absent();
    }

    private static ParseResult parseText(String text) {
        if (text.isEmpty()) {
            return ParseResult.absent();
        }
        BigDecimal small = Decimals.parseSmall(text);
        if (small != null) {
            return Decimals.fitsDouble(small) ? ParseResult.of(small) : notFinite(text);
        }
        if (Decimals.isDecimal(text)) {
            BigDecimal value;
            try {
                value = new BigDecimal(text);
            } catch (NumberFormatException exponentBeyondInt) {
                return notFinite(text);
            }
            return Decimals.fitsDouble(value) ? ParseResult.of(value) : notFinite(text);
        }
        if (Decimals.isNonFiniteWord(text)) {
            return notFinite(text);
        }
        return ParseResult.invalid("Invalid float value '" + Quoted.value(text) + "'. Must be a valid number.");
    }

    private static ParseResult notFinite(String text) {
        return ParseResult.invalid("Invalid float value '" + Quoted.value(text) + "'. Must be a finite number.");
    }
}

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
            return checked(Decimals.withoutSpuriousFraction(number.value()), raw.display());
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
            return checked(small, text);
        }
        if (Decimals.isDecimal(text)) {
            BigDecimal value;
            try {
                value = new BigDecimal(text);
            } catch (NumberFormatException exponentBeyondInt) {
                // far beyond a double either way: an infinity, or (negative exponent) 0
                return text.contains("e-") || text.contains("E-") ? nearZero(text) : notFinite(text);
            }
            return checked(value, text);
        }
        if (Decimals.isNonFiniteWord(text)) {
            return notFinite(text);
        }
        return ParseResult.invalid("Invalid float value '" + Quoted.value(text) + "'. Must be a valid number.");
    }

    /**
     * The rules of the number as it will be sent: a binary double must hold it (not rounded to an
     * infinity, nor a number other than 0 to 0), and a JSON reader must read it (Jackson, by default,
     * reads numbers of at most {@value Decimals#MAX_JSON_DIGITS} digits and refuses the whole file
     * otherwise).
     */
    private static ParseResult checked(BigDecimal value, String shown) {
        if (!Decimals.fitsDouble(value)) {
            return notFinite(shown);
        }
        if (Decimals.roundsToZero(value)) {
            return nearZero(shown);
        }
        if (Decimals.hasTooManyJsonDigits(value)) {
            return ParseResult.invalid("Invalid float value '" + Quoted.value(shown) + "'. Has " + Decimals.jsonDigits(value)
                    + " digits, exceeds limit of " + Decimals.MAX_JSON_DIGITS + " (a float keeps 17 significant digits).");
        }
        return ParseResult.of(value);
    }

    private static ParseResult nearZero(String text) {
        return ParseResult.invalid("Invalid float value '" + Quoted.value(text) + "'. Must be 0 or at least "
                + Double.MIN_VALUE + " in magnitude, the smallest a float holds.");
    }

    private static ParseResult notFinite(String text) {
        return ParseResult.invalid("Invalid float value '" + Quoted.value(text) + "'. Must be a finite number.");
    }
}

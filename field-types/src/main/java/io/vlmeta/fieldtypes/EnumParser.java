package io.vlmeta.fieldtypes;

import io.vlmeta.api.ParseResult;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.UnicodeNormalization;
import io.vlmeta.api.ValueParser;

/** Parses one enum field with its option length limit applied. */
final class EnumParser implements ValueParser {

    private final int optionMaxLength;
    private final KnownOptions<ParseResult.Value> known = new KnownOptions<>();

    EnumParser(int optionMaxLength) {
        this.optionMaxLength = optionMaxLength;
    }

    @Override
    public ParseResult parse(RawValue raw) {
        String option = ScalarText.of(raw);
        if (option == null) {
            return ParseResult.invalid("Invalid enum value '" + Quoted.value(raw.display())
                    + "'. Must be a single value, not a list; a multi-enum field takes lists");
        }
        if (option.isEmpty()) {
            return ParseResult.absent();
        }
        ParseResult.Value seen = known.find(option);
        if (seen != null) {
            return seen;
        }
        ParseResult result = check(option);
        if (result instanceof ParseResult.Value accepted) {
            known.add(option, accepted);
        }
        return result;
    }

    /** The rules of an option seen for the first time, {@code option} being trimmed and not empty. */
    private ParseResult check(String option) {
        ParseResult.Invalid control = RefusedCharacters.refusal(option);
        if (control != null) {
            return control;
        }
        // NFC, so that options spelt alike are one option in the declaration and in the entries
        String nfc = UnicodeNormalization.nfc(option);
        ParseResult.Invalid tooLong = EnumOptions.refusal(nfc, optionMaxLength);
        return tooLong != null ? tooLong : ParseResult.of(nfc);
    }
}

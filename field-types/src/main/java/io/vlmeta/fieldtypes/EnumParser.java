package io.vlmeta.fieldtypes;

import io.vlmeta.api.ParseResult;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.UnicodeNormalization;
import io.vlmeta.api.ValueParser;

/** Parses one enum field with its option length limit applied. */
final class EnumParser implements ValueParser {

    private final int optionMaxLength;

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
        ParseResult.Invalid control = ControlCharacters.refusal(option);
        if (control != null) {
            return control;
        }
        // NFC, so that options spelt alike are one option in the declaration and in the entries
        String nfc = UnicodeNormalization.nfc(option);
        ParseResult.Invalid tooLong = EnumOptions.refusal(nfc, optionMaxLength);
        return tooLong != null ? tooLong : ParseResult.of(nfc);
    }
}

package io.vlmeta.fieldtypes;

import io.vlmeta.api.RawValue;

/**
 * The text a text-like field type (string, enum, multi-enum items) reads from a scalar raw value.
 * Typed cells are written the way a person would type them: a number in plain digits ({@code 42},
 * {@code 0.5}, never {@code 42.0} or {@code 4.2E+1}), a date-time in ISO form.
 */
final class ScalarText {

    private ScalarText() {
    }

    /**
     * @return the trimmed text of a text, number, date-time, time-of-day or duration value; the empty string for a missing
     *     value; {@code null} for a list, which the caller refuses in its own words
     */
    static String of(RawValue raw) {
        if (raw instanceof RawValue.Text text) {
            return text.value().strip();
        }
        if (raw instanceof RawValue.Number number) {
            return RawValue.Number.text(Decimals.withoutSpuriousFraction(number.value()));
        }
        if (raw instanceof RawValue.DateTime dateTime) {
            return dateTime.display();
        }
        if (raw instanceof RawValue.TimeOfDay || raw instanceof RawValue.Duration) {
            return raw.display();
        }
        if (raw instanceof RawValue.ListValue) {
            return null;
        }
        return "";
    }
}

package io.vlmeta.fieldtypes;

import io.vlmeta.api.ParseResult;
import io.vlmeta.api.ProblemCategory;

/** The rule every enum and multi-enum option obeys: at most so many characters (code points). */
final class EnumOptions {

    private EnumOptions() {
    }

    /** @return the refusal of {@code option}, or {@code null} when it is short enough */
    static ParseResult.Invalid refusal(String option, int maxLength) {
        if (!CodePoints.exceeds(option, maxLength)) {
            return null;
        }
        return new ParseResult.Invalid(ProblemCategory.ENUM_CONSTRAINT, "Invalid enum value '" + Quoted.value(option)
                + "'. Has " + CodePoints.count(option) + " characters, exceeds limit of " + maxLength);
    }
}

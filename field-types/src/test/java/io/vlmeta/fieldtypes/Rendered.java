package io.vlmeta.fieldtypes;

import io.vlmeta.api.Location;
import io.vlmeta.api.ParseResult;
import io.vlmeta.api.Problem;

/** Turns a refusal into the line a user reads, the way the engine reports it. */
final class Rendered {

    private Rendered() {
    }

    static String atRow(long row, String field, ParseResult result) {
        ParseResult.Invalid invalid = (ParseResult.Invalid) result;
        return Problem.error(invalid.category(), Location.of("metadata.csv", row), field, invalid.message()).render();
    }
}

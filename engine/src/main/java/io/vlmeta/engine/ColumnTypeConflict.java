package io.vlmeta.engine;

import java.util.Set;

/**
 * The refusal of a column given two types. It is made before the plugins are loaded, so a type name that is not
 * built in cannot be told from a slip (a secret typed as {@code --field-type caption=S3CRET}): only the built-in
 * names are shown, and the types are named by where they were given (an option, a plan's key).
 */
final class ColumnTypeConflict {
    /** The field types vlmeta ships, whose names can be shown back: no secret is one of them. */
    static final Set<String> BUILT_IN_TYPES = Set.of("string", "float", "datetime", "enum", "multi-enum", "link");

    private ColumnTypeConflict() {
    }

    /**
     * @param column      the column's name
     * @param firstType   the type it was given first
     * @param firstOrigin where that type was given ({@code --float-fields}); {@code null} when not known
     * @param nextType    the other type
     * @param nextOrigin  where that one was given; {@code null} when not known
     * @return one line naming the column, each built-in type, and where each type was given
     */
    static String message(String column, String firstType, String firstOrigin, String nextType, String nextOrigin) {
        return "Column '" + column + "' is given two types, " + named(firstType, firstOrigin) + " and "
                + named(nextType, nextOrigin) + "; give each column one type.";
    }

    private static String named(String type, String origin) {
        return (BUILT_IN_TYPES.contains(type) ? type : "a type not built in") + (origin == null ? "" : " by " + origin);
    }
}

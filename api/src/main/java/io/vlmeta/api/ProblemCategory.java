package io.vlmeta.api;

/**
 * The group a {@link Problem} is printed under. The titles follow the reference upload script's
 * grouping, so its users recognise them.
 *
 * @since 0.1
 */
public enum ProblemCategory {
    /** A value its field type refuses. */
    VALUE("Validation Errors"),
    /** Enum and multi-enum limits: too many distinct values, an option too long. */
    ENUM_CONSTRAINT("Enum Constraint Errors"),
    /** The input itself: a missing key, bad bytes, a row with too many cells. */
    INPUT("Input Errors"),
    /** Two rows for one media item. */
    DUPLICATE("Duplicate Rows"),
    /** A key that matches no media item, or several. */
    MAPPING("Media Mapping Errors"),
    /** A field that conflicts with what the dataset already declares. */
    SCHEMA("Schema Errors");

    private final String title;

    ProblemCategory(String title) {
        this.title = title;
    }

    /** @return the heading shown above this group, e.g. {@code "Validation Errors"} */
    public String title() {
        return title;
    }
}

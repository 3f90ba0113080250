package io.vlmeta.api;

/**
 * A field type: owns parsing, validation and serialisation of one kind of value. Found with
 * {@link java.util.ServiceLoader}, created once per run; must be thread-safe.
 *
 * @since 0.1
 */
public interface FieldTypeHandler {

    /** @return the unique name used in flags and plans, e.g. {@code multi-enum}; lower case */
    String name();

    /** @return one line for {@code vlmeta plugins} */
    String description();

    /**
     * @param settings the job's settings
     * @return a parser with the settings applied; called once per field, used for every value
     */
    ValueParser parser(FieldSettings settings);

    /**
     * @param fieldName the field (column) name, for messages and the declaration
     * @param settings  the job's settings
     * @return fresh whole-column state for one field
     */
    ColumnAccumulator newAccumulator(String fieldName, FieldSettings settings);
}

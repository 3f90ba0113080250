package io.vlmeta.api;

import java.util.Optional;
import java.util.Set;

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
     * The options this field type reads ({@code --field-option NAME=VALUE}, a plan's
     * {@code field-settings.options}), so that the engine refuses a name no installed field type reads instead of
     * ignoring a typing mistake.
     *
     * @return the names (an empty set when it reads none), or empty when this field type does not say (then every
     *     name is let through)
     * @since 0.4
     */
    default Optional<Set<String>> optionNames() {
        return Optional.empty();
    }

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

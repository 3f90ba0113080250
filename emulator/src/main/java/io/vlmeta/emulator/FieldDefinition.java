package io.vlmeta.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A declared field as the schema endpoint shows it.
 *
 * @param name        the field name, unique in its dataset
 * @param type        {@code string}, {@code float}, {@code datetime}, {@code enum} or {@code link}
 * @param multi       {@code is_multi}, only for enums
 * @param enumOptions the declared options in the order given; empty for other types
 */
record FieldDefinition(String name, String type, boolean multi, List<String> enumOptions) {

    static final List<String> TYPES = List.of("string", "float", "datetime", "enum", "link");

    FieldDefinition {
        enumOptions = List.copyOf(enumOptions);
    }

    /** @return a fresh, empty store for the values of this field over {@code size} media */
    FieldStore newStore(int size) {
        return switch (type) {
            case "string" -> TextStore.strings(size);
            case "link" -> TextStore.links(size);
            case "float" -> new FloatStore(size);
            case "datetime" -> new DatetimeStore(size);
            case "enum" -> multi ? new MultiEnumStore(size, enumOptions) : new EnumStore(size, enumOptions);
            default -> throw new IllegalStateException("unknown field type " + type);
        };
    }

    /** @return the schema entry, in the documented shape */
    Map<String, Object> toSchemaEntry() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("field_name", name);
        entry.put("field_type", type);
        entry.put("is_multi", multi);
        entry.put("enum_options", enumOptions);
        return entry;
    }
}

package io.vlmeta.api;

import java.util.List;
import java.util.Objects;

/**
 * How a field is declared on the server, e.g. {@code {"field_name": "tags", "field_type": "enum",
 * "enum_options": ["tag1", "tag2"], "is_multi": true}}.
 *
 * @param fieldName   the field's name on the server (the column name)
 * @param handler     the vlmeta field type that produced it, e.g. {@code multi-enum}
 * @param serverType  the server's {@code field_type}: {@code string}, {@code float}, {@code datetime},
 *                    {@code enum} or {@code link}
 * @param multi       the server's {@code is_multi} (multi-enum)
 * @param enumOptions the declared options, sorted; empty for non-enum types
 * @since 0.1
 */
public record FieldDeclaration(String fieldName, String handler, String serverType, boolean multi,
                               List<String> enumOptions) {

    public FieldDeclaration {
        Objects.requireNonNull(fieldName, "fieldName");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(serverType, "serverType");
        enumOptions = List.copyOf(enumOptions);
    }

    /** A declaration without enum options. */
    public static FieldDeclaration simple(String fieldName, String handler, String serverType) {
        return new FieldDeclaration(fieldName, handler, serverType, false, List.of());
    }
}

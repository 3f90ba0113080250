package io.vlmeta.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The body of the server's declare request, in the order the server documents it: what a sink
     * sends and what a dry-run report shows, built in one place so the two cannot differ.
     *
     * @return {@code field_name}, {@code field_type}, and for enums {@code enum_options} and {@code is_multi}
     */
    public Map<String, Object> requestBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("field_name", fieldName);
        body.put("field_type", serverType);
        if ("enum".equals(serverType)) {
            body.put("enum_options", enumOptions);
            body.put("is_multi", multi);
        }
        return Collections.unmodifiableMap(body);
    }

    /** A declaration without enum options. */
    public static FieldDeclaration simple(String fieldName, String handler, String serverType) {
        return new FieldDeclaration(fieldName, handler, serverType, false, List.of());
    }
}

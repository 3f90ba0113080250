package io.vlmeta.sources.parquet;

import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A file's columns as the source offers them, and the projection that reads only the columns with a
 * mapping: columns no field type takes are listed but never decoded.
 *
 * <p>Structs (groups without an annotation) are flattened into dotted names. A LIST whose elements are
 * primitives with a mapping is one list column (the standard three-level layout and the legacy
 * two-level one, per parquet-format {@code LogicalTypes.md}, "Lists"). MAPs, lists of structs or of
 * lists, and repeated fields without a LIST annotation are listed as columns no field type takes.
 */
final class ParquetSchema {

    private final MessageType file;
    private final List<ParquetColumn> columns;
    private final Map<String, ParquetColumn> byName;

    private ParquetSchema(MessageType file, List<ParquetColumn> columns) {
        this.file = file;
        this.columns = List.copyOf(columns);
        this.byName = new LinkedHashMap<>();
        columns.forEach(column -> byName.put(column.name(), column));
    }

    static ParquetSchema of(MessageType file) {
        List<ParquetColumn> columns = new ArrayList<>();
        fields(file, "", columns);
        return new ParquetSchema(file, columns);
    }

    /** Walks a group's fields, adding their columns, and returns the fields to read. */
    private static List<Type> fields(GroupType group, String prefix, List<ParquetColumn> columns) {
        List<Type> kept = new ArrayList<>();
        for (Type field : group.getFields()) {
            String name = prefix + field.getName();
            field(field, name, columns).ifPresent(kept::add);
        }
        return kept;
    }

    private static Optional<Type> field(Type field, String name, List<ParquetColumn> columns) {
        if (field.isPrimitive()) {
            PrimitiveType primitive = field.asPrimitiveType();
            String described = ParquetTypes.describe(primitive);
            if (field.isRepetition(Type.Repetition.REPEATED)) {
                columns.add(new ParquetColumn(name, "repeated " + described + " without a LIST annotation", null, false));
                return Optional.empty();
            }
            ValueMapping mapping = ParquetTypes.mappingFor(primitive);
            columns.add(new ParquetColumn(name, described, mapping, false));
            return mapping == null ? Optional.empty() : Optional.of(field);
        }
        GroupType group = field.asGroupType();
        LogicalTypeAnnotation logical = group.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
            PrimitiveType element = listElement(group);
            ValueMapping mapping = element == null ? null : ParquetTypes.mappingFor(element);
            String described = element == null ? "LIST of groups" : "LIST<" + ParquetTypes.describe(element) + ">";
            columns.add(new ParquetColumn(name, described, mapping, true));
            return mapping == null ? Optional.empty() : Optional.of(field);
        }
        if (logical != null || group.isRepetition(Type.Repetition.REPEATED)) {
            String described = logical != null ? logical.toString() : "repeated group without a LIST annotation";
            columns.add(new ParquetColumn(name, described, null, false));
            return Optional.empty();
        }
        List<Type> kept = fields(group, name + ".", columns);
        return kept.isEmpty() ? Optional.empty() : Optional.of(group.withNewFields(kept));
    }

    /**
     * @return the primitive element of a LIST group in the three-level layout
     *     ({@code repeated group list { optional element }}) or the two-level one
     *     ({@code repeated binary array}), or {@code null} for elements that are groups
     */
    static PrimitiveType listElement(GroupType list) {
        if (list.getFieldCount() != 1 || !list.getType(0).isRepetition(Type.Repetition.REPEATED)) {
            return null;
        }
        Type repeated = list.getType(0);
        if (repeated.isPrimitive()) {
            return repeated.asPrimitiveType();
        }
        GroupType inner = repeated.asGroupType();
        if (inner.getFieldCount() == 1 && inner.getType(0).isPrimitive()
                && !inner.getType(0).isRepetition(Type.Repetition.REPEATED)) {
            return inner.getType(0).asPrimitiveType();
        }
        return null;
    }

    List<ParquetColumn> columns() {
        return columns;
    }

    /** @return the column by name, if the file has it */
    Optional<ParquetColumn> column(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * @param keep which columns to read
     * @return the schema holding only the kept columns that have a mapping (structs keep the kept fields)
     */
    MessageType projection(Predicate<String> keep) {
        return new MessageType(file.getName(), kept(file, "", keep));
    }

    private List<Type> kept(GroupType group, String prefix, Predicate<String> keep) {
        List<Type> kept = new ArrayList<>();
        for (Type field : group.getFields()) {
            String name = prefix + field.getName();
            ParquetColumn column = byName.get(name);
            if (column != null) {
                if (column.supported() && keep.test(name)) {
                    kept.add(field);
                }
            } else if (!field.isPrimitive()) {
                List<Type> fields = kept(field.asGroupType(), name + ".", keep);
                if (!fields.isEmpty()) {
                    kept.add(field.asGroupType().withNewFields(fields));
                }
            }
        }
        return kept;
    }

    /** @return the columns with their types, to compare part files with */
    String signature() {
        StringBuilder text = new StringBuilder();
        for (ParquetColumn column : columns) {
            text.append(column.name()).append(' ').append(column.parquetType()).append('\n');
        }
        return text.toString();
    }
}

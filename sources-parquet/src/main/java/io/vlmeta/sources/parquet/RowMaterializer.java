package io.vlmeta.sources.parquet;

import io.vlmeta.api.RawValue;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Assembles each record of the projection straight into an array of {@link RawValue}s, one slot per
 * read column (nulls stay {@code null}): parquet-java's record assembly calls the converters, the
 * converters call the column's {@link ValueMapping}. A new array per record, since records are handed
 * on and never changed.
 */
final class RowMaterializer extends RecordMaterializer<RawValue[]> {

    private final Row row;

    /**
     * @param projection the schema being read
     * @param slots      the slot of each read column, by column name
     * @param columns    the read columns by name
     */
    RowMaterializer(GroupType projection, Map<String, Integer> slots, Map<String, ParquetColumn> columns) {
        this.row = new Row(projection, slots, columns);
    }

    @Override
    public RawValue[] getCurrentRecord() {
        return row.values;
    }

    @Override
    public GroupConverter getRootConverter() {
        return row;
    }

    private static final class Row extends GroupConverter {
        private final int width;
        private final Converter[] children;
        private RawValue[] values;

        Row(GroupType projection, Map<String, Integer> slots, Map<String, ParquetColumn> columns) {
            this.width = slots.size();
            this.children = group(projection, "", slots, columns, this);
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return children[fieldIndex];
        }

        @Override
        public void start() {
            values = new RawValue[width];
        }

        @Override
        public void end() {
            // the array is complete
        }

        void set(int slot, RawValue value) {
            values[slot] = value;
        }
    }

    private static Converter[] group(GroupType group, String prefix, Map<String, Integer> slots,
                                     Map<String, ParquetColumn> columns, Row row) {
        Converter[] converters = new Converter[group.getFieldCount()];
        for (int i = 0; i < converters.length; i++) {
            Type field = group.getType(i);
            String name = prefix + field.getName();
            Integer slot = slots.get(name);
            if (slot != null && field.isPrimitive()) {
                int at = slot;
                converters[i] = new Value(columns.get(name).mapping(), value -> row.set(at, value));
            } else if (slot != null) {
                converters[i] = new ListConverter(field.asGroupType(), columns.get(name).mapping(), slot, row);
            } else {
                converters[i] = new Struct(group(field.asGroupType(), name + ".", slots, columns, row));
            }
        }
        return converters;
    }

    /** A struct: its fields are columns of their own. */
    private static final class Struct extends GroupConverter {
        private final Converter[] children;

        Struct(Converter[] children) {
            this.children = children;
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return children[fieldIndex];
        }

        @Override
        public void start() {
            // nothing to set up: the fields write their own slots
        }

        @Override
        public void end() {
            // see start
        }
    }

    /** A LIST: gathers the elements that are not null, in order, into one list value. */
    private static final class ListConverter extends GroupConverter {
        private final Converter repeated;
        private final int slot;
        private final Row row;
        private List<RawValue> items;

        ListConverter(GroupType list, ValueMapping mapping, int slot, Row row) {
            this.slot = slot;
            this.row = row;
            Value element = new Value(mapping, value -> items.add(value));
            Type repeatedType = list.getType(0);
            this.repeated = repeatedType.isPrimitive() ? element : new Struct(new Converter[] {element});
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return repeated;
        }

        @Override
        public void start() {
            items = new ArrayList<>();
        }

        @Override
        public void end() {
            row.set(slot, new RawValue.ListValue(items));
        }
    }

    /** One primitive value, mapped and handed to its target. */
    private static final class Value extends PrimitiveConverter {
        private final ValueMapping mapping;
        private final Consumer<RawValue> target;

        Value(ValueMapping mapping, Consumer<RawValue> target) {
            this.mapping = mapping;
            this.target = target;
        }

        @Override
        public void addBinary(Binary value) {
            target.accept(mapping.ofBinary(value));
        }

        @Override
        public void addBoolean(boolean value) {
            target.accept(mapping.ofBoolean(value));
        }

        @Override
        public void addDouble(double value) {
            target.accept(mapping.ofDouble(value));
        }

        @Override
        public void addFloat(float value) {
            target.accept(mapping.ofFloat(value));
        }

        @Override
        public void addInt(int value) {
            target.accept(mapping.ofInt(value));
        }

        @Override
        public void addLong(long value) {
            target.accept(mapping.ofLong(value));
        }
    }
}
